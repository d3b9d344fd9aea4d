import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/analysis';
import { DocumentSessions } from '../../server/src/session/documentSessions';
import { KEEP_WHEN_QUIET } from '../../server/src/session/idleRelease';
import { engineCollection } from '../../server/src/memory';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { lines } from '../support/doc';

/**
 * Memory under load (issue 13, item 10): 200 open policies typed in kept over 700 MB after the
 * typing stopped and after they were closed. A closed document's analysis goes at once, an idle
 * one's when the editor is quiet, and what was dropped is collected. Counted here by the analyses
 * kept and the collections asked for, with a clock the test moves itself: nothing waits.
 */
const policy = (i: number) => lines(`# Privacy Policy ${i}`, '', 'Last updated: 1 March 2026', '', `We keep the the records of customer ${i} for a year.`);
const uriOf = (i: number) => `file:///tmp/ws/policy-${i}-privacy.md`;

function sessions(count: number) {
  const open = new Map(Array.from({ length: count }, (_, i) => [uriOf(i), TextDocument.create(uriOf(i), 'markdown', 1, policy(i))]));
  const timers: Array<{ run: () => void; cancelled: boolean }> = [];
  let collections = 0;
  const s = new DocumentSessions(
    { get: (uri) => open.get(uri) },
    { get: async () => DEFAULT_SETTINGS },
    { loaded: builtInLibrary() },
    { error: (m) => assert.fail(m) },
    { note: () => undefined, collectSoon: () => collections++ },
    {
      schedule: (run) => {
        const timer = { run, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    },
  );
  /** The quiet period ends: every timer still pending runs. */
  const quiet = () => timers.splice(0).forEach((t) => t.cancelled || t.run());
  const analyse = (i: number) => s.withAnalysis(uriOf(i), undefined, 0, (a) => a.findings.length);
  const close = (i: number) => (open.delete(uriOf(i)), s.close(uriOf(i)));
  return { s, open, quiet, analyse, close, collections: () => collections };
}

describe('analyses released by idle and closed documents', () => {
  it('drops a closed document’s analysis and has it collected once the editor is quiet', async () => {
    const { s, quiet, analyse, close, collections } = sessions(3);
    for (let i = 0; i < 3; i++) assert.equal(await analyse(i), 1, 'the doubled word');
    assert.equal(s.kept, 3);
    close(1);
    close(2);
    assert.equal(s.kept, 1, 'analyses kept after two of three documents closed');
    assert.equal(collections(), 0, 'collected before the editor was quiet');
    quiet();
    assert.equal(collections(), 1);
  });

  it('keeps only the most recent analyses once the editor is quiet, and builds a dropped one again when asked', async () => {
    const { s, quiet, analyse, collections } = sessions(200);
    for (let i = 0; i < 200; i++) await analyse(i);
    // A burst of changes keeps every analysis: each edit re-parses one block of its document.
    assert.equal(s.kept, 200);
    quiet();
    assert.equal(s.kept, KEEP_WHEN_QUIET);
    assert.equal(collections(), 1);
    // Asked for again, the first document is analysed anew, with the same findings.
    assert.equal(await analyse(0), 1);
    assert.equal(s.kept, KEEP_WHEN_QUIET + 1);
    quiet();
    assert.equal(s.kept, KEEP_WHEN_QUIET);
    assert.equal(collections(), 2);
    // A request on a document that kept its analysis drops nothing: no collection for nothing.
    await analyse(0);
    quiet();
    assert.equal(s.kept, KEEP_WHEN_QUIET);
    assert.equal(collections(), 2);
  });

  it('keeps the documents used last, not the first opened', () => {
    const cache = new AnalysisCache();
    for (let i = 0; i < 6; i++) cache.document(uriOf(i), 1, policy(i));
    // Document 0 is read again: it is now the most recent.
    const first = cache.document(uriOf(0), 1, policy(0));
    assert.equal(cache.retainRecent(3), 3);
    assert.equal(cache.document(uriOf(0), 1, policy(0)), first, 'the document used last was dropped');
    assert.equal(cache.size, 3);
  });

  it('bounds the analyses kept when given a limit', () => {
    const cache = new AnalysisCache(undefined, 5);
    for (let i = 0; i < 50; i++) cache.document(uriOf(i), 1, policy(i));
    assert.equal(cache.size, 5);
  });

  it('leaves nothing else holding a closed document’s model', async () => {
    const collect = engineCollection();
    assert.ok(collect, 'the engine’s collection is reachable');
    const { s, analyse, close } = sessions(2);
    await analyse(0);
    let model: WeakRef<object> | undefined;
    await s.withAnalysis(uriOf(0), undefined, undefined, (a) => void (model = new WeakRef(a.doc)));
    close(0);
    // A weak reference is cleared only after the job that made it: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(model?.deref(), undefined, 'the closed document’s model is still reachable');
  });
});
