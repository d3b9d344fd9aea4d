import * as assert from 'node:assert/strict';
import { builtInLibrary, type ClauseLibrary } from '../../server/src/catalog/clauseLibrary';
import { LibraryStore } from '../../server/src/session/libraryStore';

describe('clause library store', () => {
  const log = () => {
    const lines: string[] = [];
    return { lines, log: { warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } };
  };

  it('offers the built-ins before the workspace has been read', async () => {
    const { log: l } = log();
    const store = new LibraryStore(l, () => new Promise<ClauseLibrary>(() => undefined));
    assert.equal(store.loaded, builtInLibrary());
    assert.equal(await store.current, builtInLibrary());
  });

  it('keeps what it read, logs each template problem, and reads the same folders again', async () => {
    const { lines, log: l } = log();
    const read: Array<readonly string[]> = [];
    // The built-ins with one template problem, as a workspace with one broken template gives.
    const problem = { file: '/w/.policywright/clauses/x.md', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, severity: 'error' as const, message: 'no title' };
    const loaded = Object.create(builtInLibrary(), { problems: { value: [problem] } }) as ClauseLibrary;
    const store = new LibraryStore(l, async (roots) => (read.push(roots), loaded));
    assert.equal(await store.reload(['/w']), loaded);
    assert.equal(store.loaded, loaded);
    assert.deepEqual(lines, ['warn Clause template /w/.policywright/clauses/x.md:3: no title']);
    await store.reload();
    assert.deepEqual(read, [['/w'], ['/w']]);
  });

  it('falls back on the built-ins when the library cannot be read, and says so', async () => {
    const { lines, log: l } = log();
    const store = new LibraryStore(l, async () => {
      throw new Error('EACCES: permission denied');
    });
    assert.equal(await store.reload(['/w']), builtInLibrary());
    assert.deepEqual(lines, ['error The clause library could not be read: EACCES: permission denied']);
  });
});
