import * as assert from 'node:assert/strict';
import { changedRange, typingWord, TypingTracker } from '../../server/src/typing';
import { lines, makeDoc } from '../support/doc';

/** A clock and a timer queue the test moves by hand: no sleeping. */
function fakeTime() {
  let now = 0;
  const timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  return {
    now: () => now,
    schedule: (run: () => void, ms: number) => {
      const t = { at: now + ms, run, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers) if (t.live && t.at <= now) (t.live = false), t.run();
    },
  };
}

const BEFORE = lines('# Notice', '', 'We keep logs. We share the th data.', '', 'Other text.');
// The keystroke that completes the second "the": it creates the doubled-word finding on the word being typed.
const AFTER = BEFORE.replace('the th data', 'the the data');

describe('quiet while typing', () => {
  const findings = (text: string) => {
    const s = text.indexOf('the the');
    const k = text.indexOf('keep');
    const t = text.indexOf('Other');
    return [{ start: s, end: s + 7, id: 'on the word being typed' }, { start: k, end: k + 4, id: 'earlier in the sentence' }, { start: t, end: t + 5, id: 'elsewhere' }, { start: 2, end: 8, id: 'in the title' }];
  };

  it('holds back only the finding on the word being typed, until the pause, then asks for diagnostics again', () => {
    const time = fakeTime();
    const settled: string[] = [];
    const tracker = new TypingTracker((uri) => settled.push(uri), { quietMs: 250, now: time.now, schedule: time.schedule });
    const doc = makeDoc(AFTER);
    tracker.noteText(doc.uri, BEFORE);
    tracker.noteText(doc.uri, AFTER);
    const held = tracker.hold(doc, findings(AFTER));
    // The rest of the sentence is not the word being typed: its finding shows at once.
    assert.deepEqual(held.shown.map((f) => f.id), ['earlier in the sentence', 'elsewhere', 'in the title']);
    assert.equal(held.held, 1);
    time.advance(249);
    assert.deepEqual(settled, []);
    assert.equal(tracker.hold(doc, findings(AFTER)).held, 1);
    time.advance(1);
    assert.deepEqual(settled, [doc.uri]);
    assert.equal(tracker.hold(doc, findings(AFTER)).shown.length, 4);
  });

  it('shows everything once a space or a punctuation mark finishes the word, without waiting', () => {
    for (const end of [' ', '.', ',']) {
      const time = fakeTime();
      const settled: string[] = [];
      const tracker = new TypingTracker((uri) => settled.push(uri), { quietMs: 250, now: time.now, schedule: time.schedule });
      const finished = AFTER.replace('the the data', `the the${end}data`);
      tracker.noteText('file:///a.md', AFTER.replace('the the data', 'the thedata'));
      tracker.noteText('file:///a.md', finished);
      assert.equal(tracker.hold(makeDoc(finished, 'file:///a.md'), findings(finished)).held, 0, JSON.stringify(end));
      time.advance(1000);
      assert.deepEqual(settled, [], 'nothing was held, nothing to ask again');
    }
  });

  it('holds nothing for an edit that is no keystroke in a word (a paste)', () => {
    const time = fakeTime();
    const tracker = new TypingTracker(() => undefined, { quietMs: 250, now: time.now, schedule: time.schedule });
    const pasted = BEFORE.replace('the th data', 'the the data with our courier');
    tracker.noteText('file:///a.md', BEFORE);
    tracker.noteText('file:///a.md', pasted);
    assert.equal(tracker.hold(makeDoc(pasted, 'file:///a.md'), findings(pasted)).held, 0);
  });

  it('shows everything for a document that was only opened, and restarts the pause at each keystroke', () => {
    const time = fakeTime();
    const settled: string[] = [];
    const tracker = new TypingTracker((uri) => settled.push(uri), { quietMs: 250, now: time.now, schedule: time.schedule });
    const doc = makeDoc(BEFORE);
    tracker.noteText(doc.uri, BEFORE);
    assert.equal(tracker.hold(doc, findings(BEFORE)).held, 0);
    tracker.noteText(doc.uri, BEFORE + ' W');
    tracker.noteText(doc.uri, BEFORE + ' Wo');
    time.advance(150);
    tracker.noteText(doc.uri, BEFORE + ' Wor');
    time.advance(150);
    assert.deepEqual(settled, []);
    time.advance(100);
    assert.deepEqual(settled, [doc.uri]);
  });

  it('finds the word being typed around a keystroke', () => {
    const text = 'We share the thed data.';
    const at = text.indexOf('thed') + 3;
    assert.deepEqual(typingWord(text, at, at + 1), { start: at - 3, end: at + 1 });
    assert.equal(typingWord('the the data', 7, 8), undefined, 'a space ends the word');
    assert.deepEqual(typingWord('the th data', 6, 6), { start: 4, end: 6 }, 'a backspace inside a word');
    assert.equal(typingWord('the  data', 4, 4), undefined, 'a backspace that removed a whole word');
    assert.equal(typingWord('see https://example.com', 4, 23), undefined, 'a paste');
  });

  it('holds nothing once the text has moved past the version asked about, and forgets closed documents', () => {
    const time = fakeTime();
    const tracker = new TypingTracker(() => assert.fail('a forgotten document must not settle'), { quietMs: 250, now: time.now, schedule: time.schedule });
    tracker.noteText('file:///a.md', BEFORE);
    tracker.noteText('file:///a.md', AFTER);
    assert.equal(tracker.hold(makeDoc(BEFORE, 'file:///a.md'), findings(BEFORE)).held, 0);
    tracker.forget('file:///a.md');
    time.advance(5000);
  });

  it('finds the edited range from the common start and end of two texts', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYdef'), { start: 2, end: 4 });
    assert.deepEqual(changedRange('abcdef', 'abdef'), { start: 2, end: 2 });
    assert.deepEqual(changedRange('aaa', 'aaaa'), { start: 3, end: 4 });
  });
});
