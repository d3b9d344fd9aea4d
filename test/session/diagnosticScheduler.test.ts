import * as assert from 'node:assert/strict';
import { DiagnosticScheduler, type DiagnosticChannel } from '../../server/src/session/diagnosticScheduler';
import { analyse } from '../../server/src/analysis';
import { lines, makeDoc } from '../support/doc';

const URI = 'file:///work/privacy-policy.md';
const DAY = new Date('2026-03-01T12:00:00Z');

function channel(pull: boolean, refreshSupport: boolean) {
  const calls: string[] = [];
  const c: DiagnosticChannel = {
    pull,
    refreshSupport,
    refresh: () => calls.push('refresh'),
    push: (uri) => calls.push(`push ${uri}`),
    uris: () => [URI, 'file:///work/notice.md'],
  };
  return { c, calls };
}

describe('diagnostic scheduling', () => {
  it('names each answer by version, text, settings and day, so new text under an old version number is not "unchanged"', () => {
    const { c } = channel(true, true);
    const s = new DiagnosticScheduler(() => c, { schedule: () => () => undefined });
    s.noteText(URI, 'We use the the cookies.');
    const first = s.resultId(URI, 1, 0, DAY);
    assert.equal(s.resultId(URI, 1, 0, DAY), first);
    s.noteText(URI, 'We use the tha cookies.');
    assert.notEqual(s.resultId(URI, 1, 0, DAY), first);
    assert.notEqual(s.resultId(URI, 1, 1, DAY), s.resultId(URI, 1, 0, DAY));
    assert.notEqual(s.resultId(URI, 1, 0, new Date('2026-03-02T12:00:00Z')), s.resultId(URI, 1, 0, DAY));
  });

  it('pushes on every change to a client that does not pull, and pushes every document when everything changed', () => {
    const { c, calls } = channel(false, false);
    const s = new DiagnosticScheduler(() => c, { schedule: () => () => undefined });
    s.noteText(URI, 'a');
    s.everythingChanged();
    assert.deepEqual(calls, [`push ${URI}`, `push ${URI}`, 'push file:///work/notice.md']);
  });

  it('asks a pulling client to pull again, when it can be asked', () => {
    const refreshing = channel(true, true);
    new DiagnosticScheduler(() => refreshing.c).everythingChanged();
    assert.deepEqual(refreshing.calls, ['refresh']);
    const cannot = channel(true, false);
    new DiagnosticScheduler(() => cannot.c).everythingChanged();
    assert.deepEqual(cannot.calls, []);
  });

  it('holds findings on the word being typed, except for a client that could never be told to pull again', () => {
    const text = lines('# Privacy Policy', '', 'We use the the cookies you allow.');
    const now = 1000;
    const timers: Array<() => void> = [];
    const typing = { quietMs: 1000, now: () => now, schedule: (run: () => void) => (timers.push(run), () => undefined) };
    const doc = makeDoc(text);
    const a = analyse(doc, undefined, undefined, DAY);
    assert.ok(a.findings.some((f) => f.ruleId === 'doubled-word'));

    const refreshing = channel(true, true);
    const s = new DiagnosticScheduler(() => refreshing.c, typing);
    s.noteText(URI, text.replace('the the', 'the th'));
    s.noteText(URI, text);
    assert.ok(s.shown(a).held > 0);
    timers.forEach((run) => run());
    assert.deepEqual(refreshing.calls, ['refresh'], 'the pause asks for the diagnostics again');

    const cannot = channel(true, false);
    const t = new DiagnosticScheduler(() => cannot.c, typing);
    t.noteText(URI, text.replace('the the', 'the th'));
    t.noteText(URI, text);
    assert.equal(t.shown(a).held, 0);
  });
});
