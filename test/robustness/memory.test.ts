import * as assert from 'node:assert/strict';
import { engineCollection, IdleCompaction, LARGE_DOCUMENT } from '../../server/src/memory';

const afterImmediate = () => new Promise((resolve) => setImmediate(resolve));

describe('memory given back after work on a large document', () => {
  it('collects after every sixteenth analysis of a large document, once the answer is out', async () => {
    let collections = 0;
    const compaction = new IdleCompaction(() => collections++);
    for (let i = 0; i < 15; i++) compaction.note(LARGE_DOCUMENT);
    await afterImmediate();
    assert.equal(collections, 0, 'collected before the sixteenth analysis');
    compaction.note(LARGE_DOCUMENT);
    assert.equal(collections, 0, 'collected inside the request');
    await afterImmediate();
    // Two collections: the second frees what the first left for finalizers.
    assert.equal(collections, 2);
    compaction.dispose();
  });

  it('never collects for a small document', async () => {
    let collections = 0;
    const compaction = new IdleCompaction(() => collections++);
    for (let i = 0; i < 40; i++) compaction.note(LARGE_DOCUMENT - 1);
    await afterImmediate();
    assert.equal(collections, 0);
    compaction.dispose();
  });

  it('finds the engine collection without a command-line flag', () => {
    // Editors start the server as `node dist/server.js`, with no `--expose-gc`: the collection must be reachable anyway.
    const collect = engineCollection();
    assert.equal(typeof collect, 'function');
    assert.doesNotThrow(() => collect!());
  });
});
