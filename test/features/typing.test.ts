import * as assert from 'node:assert/strict';
import { changedRange, TypingTracker } from '../../server/src/typing';
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

const BEFORE = lines('# Notice', '', 'We keep logs. We share the the data.', '', 'Other text.');
const AFTER = BEFORE.replace('the data', 'the data with our courier');

describe('quiet while typing', () => {
  const findings = (text: string) => {
    const s = text.indexOf('the the');
    const t = text.indexOf('Other');
    return [{ start: s, end: s + 7, id: 'in the sentence being typed' }, { start: t, end: t + 5, id: 'elsewhere' }, { start: 2, end: 8, id: 'in the title' }];
  };

  it('holds back findings in the sentence being typed until the pause, then asks for diagnostics again', () => {
    const time = fakeTime();
    const settled: string[] = [];
    const tracker = new TypingTracker((uri) => settled.push(uri), { quietMs: 1000, now: time.now, schedule: time.schedule });
    const doc = makeDoc(AFTER);
    tracker.noteText(doc.uri, BEFORE);
    tracker.noteText(doc.uri, AFTER);
    const held = tracker.hold(doc, findings(AFTER));
    assert.deepEqual(held.shown.map((f) => f.id), ['elsewhere', 'in the title']);
    assert.equal(held.held, 1);
    time.advance(999);
    assert.deepEqual(settled, []);
    assert.equal(tracker.hold(doc, findings(AFTER)).held, 1);
    time.advance(1);
    assert.deepEqual(settled, [doc.uri]);
    assert.equal(tracker.hold(doc, findings(AFTER)).shown.length, 3);
  });

  it('shows everything for a document that was only opened, and restarts the pause at each keystroke', () => {
    const time = fakeTime();
    const settled: string[] = [];
    const tracker = new TypingTracker((uri) => settled.push(uri), { quietMs: 1000, now: time.now, schedule: time.schedule });
    const doc = makeDoc(BEFORE);
    tracker.noteText(doc.uri, BEFORE);
    assert.equal(tracker.hold(doc, findings(BEFORE)).held, 0);
    tracker.noteText(doc.uri, BEFORE + ' ');
    time.advance(600);
    tracker.noteText(doc.uri, BEFORE + '  ');
    time.advance(600);
    assert.deepEqual(settled, []);
    time.advance(400);
    assert.deepEqual(settled, [doc.uri]);
  });

  it('holds nothing once the text has moved past the version asked about, and forgets closed documents', () => {
    const time = fakeTime();
    const tracker = new TypingTracker(() => assert.fail('a forgotten document must not settle'), { quietMs: 1000, now: time.now, schedule: time.schedule });
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
