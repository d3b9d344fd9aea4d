import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { runRules } from '../../server/src/rules/engine';
import { doubledWord } from '../../server/src/rules/doubled-word';
import type { Rule } from '../../server/src/rules/rule';

/** A rule that flags every "FLAG" in the text, under a given id: two of them tell apart per-rule suppression. */
function flagRule(id: string): Rule {
  return {
    meta: { id, description: `Flags FLAG (${id})`, defaultSeverity: 'warning', tags: [], explanation: 'For tests.' },
    check(ctx) {
      for (const m of ctx.doc.text.matchAll(/FLAG/g)) ctx.report({ start: m.index, end: m.index + 4, message: 'Found `FLAG`, remove it' });
    },
  };
}
const RULES = [flagRule('alpha'), flagRule('beta')];

/** `rule@line` for every finding left after suppression, lines 1-based. */
function reported(...text: string[]): string[] {
  const doc = makeDoc(lines(...text));
  return runRules(doc, {}, RULES).map((f) => `${f.ruleId}@L${doc.lines.lineAt(f.start) + 1}`);
}

describe('suppression comments', () => {
  it('report every finding when there is no comment', () => {
    assert.deepEqual(reported('FLAG one', '', 'FLAG two'), ['alpha@L1', 'beta@L1', 'alpha@L3', 'beta@L3']);
  });

  it('turn every rule off from a disable comment without rule ids to the end', () => {
    assert.deepEqual(reported('FLAG one', '', '<!-- policywright-disable -->', '', 'FLAG two', '', 'FLAG three'), ['alpha@L1', 'beta@L1']);
  });

  it('turn only the named rule off', () => {
    assert.deepEqual(reported('<!-- policywright-disable alpha -->', '', 'FLAG one'), ['beta@L3']);
  });

  it('accept several rule ids separated by spaces or commas', () => {
    assert.deepEqual(reported('<!-- policywright-disable alpha, beta -->', '', 'FLAG one'), []);
    assert.deepEqual(reported('<!-- policywright-disable alpha beta -->', '', 'FLAG one'), []);
  });

  it('turn rules back on at an enable comment', () => {
    assert.deepEqual(
      reported('<!-- policywright-disable -->', '', 'FLAG one', '', '<!-- policywright-enable -->', '', 'FLAG two'),
      ['alpha@L7', 'beta@L7'],
    );
  });

  it('turn only the named rule back on at an enable comment with a rule id', () => {
    assert.deepEqual(
      reported('<!-- policywright-disable alpha beta -->', '', 'FLAG one', '', '<!-- policywright-enable beta -->', '', 'FLAG two'),
      ['beta@L7'],
    );
  });

  it('do not take the reason after `--` for rule ids', () => {
    assert.deepEqual(reported('<!-- policywright-disable alpha -- quoted from the contract beta -->', '', 'FLAG one'), ['beta@L3']);
  });

  it('turn every rule off when the comment gives only a reason', () => {
    assert.deepEqual(reported('<!-- policywright-disable -- the whole annex is quoted -->', '', 'FLAG one'), []);
  });

  it('turn rules off for the next line only with disable-next-line', () => {
    assert.deepEqual(reported('FLAG one', '<!-- policywright-disable-next-line -->', 'FLAG two', 'FLAG three'), [
      'alpha@L1',
      'beta@L1',
      'alpha@L4',
      'beta@L4',
    ]);
  });

  it('turn only the named rule off for the next line', () => {
    assert.deepEqual(reported('<!-- policywright-disable-next-line beta -- a defined term -->', 'FLAG one', 'FLAG two'), [
      'alpha@L2',
      'alpha@L3',
      'beta@L3',
    ]);
  });

  it('count the next line from the end of a comment that spans several lines', () => {
    assert.deepEqual(reported('<!--', 'policywright-disable-next-line alpha', '-->', 'FLAG one'), ['beta@L4']);
  });

  it('ignore comments that are not directives', () => {
    assert.deepEqual(
      reported('<!-- policywright-disabled -->', '<!-- policywright-silence alpha -->', '<!-- eslint-disable -->', '<!-- a note: policywright-disable -->', '', 'FLAG one'),
      ['alpha@L6', 'beta@L6'],
    );
  });

  it('ignore directives written inside a code block', () => {
    assert.deepEqual(reported('```', '<!-- policywright-disable -->', '```', '', 'FLAG one'), ['alpha@L5', 'beta@L5']);
  });

  it('work with a real rule such as doubled-word', () => {
    const doc = makeDoc(
      lines('We keep the the records.', '', '<!-- policywright-disable-next-line doubled-word -- quoted as signed -->', 'The supplier shall shall comply.', '', 'We we agree.'),
    );
    assert.deepEqual(
      runRules(doc, {}, [doubledWord]).map((f) => doc.text.slice(f.start, f.end)),
      ['the the', 'We we'],
    );
  });
});
