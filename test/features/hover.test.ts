import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { lines, makeDoc } from '../support/doc';
import { provideHover } from '../../server/src/features/hover';
import { runRules, type ReportedFinding } from '../../server/src/rules/engine';
import { doubledWord } from '../../server/src/rules/doubled-word';
import { docsUrl, ruleById } from '../../server/src/rules/registry';
import { topicForTitle } from '../../server/src/catalog/sectionTopics';

const text = lines(
  '# Privacy Notice', // L1
  '',
  'We keep the the records for six years.', // L3
  '',
  '## How we use cookies', // L5
  '',
  'We set a session cookie while you are signed in.', // L7
  '',
  '## Annex', // L9
);
const doc = makeDoc(text);
const findings = runRules(doc, {}, [doubledWord]);
const hoverAt = (needle: string, delta = 0, found: readonly ReportedFinding[] = findings): Hover | null =>
  provideHover(doc, found, doc.lines.positionAt(text.indexOf(needle) + delta));
const markdown = (hover: Hover | null): string => {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};

describe('hover', () => {
  describe('on a finding', () => {
    it('explains the rule that raised it', () => {
      const value = markdown(hoverAt('the the', 4));
      assert.ok(value.startsWith(`**Doubled word “the the”`), `the heading is what is wrong here: ${value}`);
      assert.ok(!value.includes(doubledWord.meta.description), value);
      assert.ok(value.includes(`*Why:* ${doubledWord.meta.explanation}`), value);
      assert.match(value, /\*What to do:\* .*\(quick fix\)/);
      assert.ok(value.includes('`doubled-word`'), value);
      assert.ok(value.includes('warning'), value);
      assert.ok(value.includes(`(${docsUrl('doubled-word')})`), value);
    });

    it('covers the flagged text', () => {
      const hover = hoverAt('the the');
      assert.ok(hover);
      assert.deepEqual(hover.range, doc.lines.range(findings[0].start, findings[0].end));
    });

    it('shows the finding from both ends of the flagged text', () => {
      assert.ok(hoverAt('the the')?.contents);
      assert.ok(hoverAt('the the', 'the the'.length)?.contents);
      assert.equal(hoverAt('the the', 'the the'.length + 1), null);
    });

    it('names the provision the finding rests on, not the rule’s list of sources', () => {
      const rule = ruleById('missing-effective-date');
      assert.ok(rule?.meta.legalSource, 'the test needs a rule with a legal source');
      const start = text.indexOf('Privacy Notice');
      const finding: ReportedFinding = { ruleId: rule.meta.id, severity: 'error', start, end: start + 14, message: 'No effective date, add one', source: 'Cal. Bus. & Prof. Code §22575(b)(4) (CalOPPA); 11 CCR §7011(e)(4) (CCPA)' };
      const value = markdown(hoverAt('Notice', 0, [finding]));
      // The provisions this finding rests on (California applies here), not the rule's list for every law.
      assert.ok(!value.includes(rule.meta.legalSource), value);
      assert.ok(value.includes('*Rests on:* Cal. Bus. & Prof. Code §22575(b)(4) (CalOPPA); 11 CCR §7011(e)(4) (CCPA)'), value);
      assert.ok(value.includes(rule.meta.explanation), value);
      assert.ok(value.includes('error'), value);
    });

    it('leaves out the provision line when the rule rests on none', () => {
      assert.equal(doubledWord.meta.legalSource, undefined);
      assert.ok(!markdown(hoverAt('the the', 2)).includes('Rests on'));
    });

    it('lists every finding at the position, separated by rules', () => {
      const start = text.indexOf('the the');
      const other: ReportedFinding = { ruleId: 'missing-effective-date', severity: 'warning', start: start - 5, end: start + 10, message: 'Other, fix it' };
      const value = markdown(hoverAt('the the', 2, [...findings, other]));
      assert.ok(value.includes('`doubled-word`'));
      assert.ok(value.includes('`missing-effective-date`'));
      assert.equal(value.split('\n---\n').length, 2);
    });

    it('takes precedence over the heading it sits on', () => {
      const start = text.indexOf('How we use');
      const onHeading: ReportedFinding = { ruleId: 'doubled-word', severity: 'warning', start, end: start + 3, message: 'Test, fix it' };
      assert.ok(markdown(hoverAt('How we use', 1, [onHeading])).includes('`doubled-word`'));
    });
  });

  describe('on a heading', () => {
    it('explains what the section of a policy is for', () => {
      const topic = topicForTitle('How we use cookies');
      assert.ok(topic);
      const value = markdown(hoverAt('How we use cookies', 3));
      assert.ok(value.startsWith(`**${topic.title}** section`), value);
      assert.ok(value.includes(topic.purpose), value);
      assert.ok(topic.sources.length > 0, 'the test needs a topic with sources');
      assert.ok(value.includes(`*Sources:* ${topic.sources.join('; ')}`), value);
    });

    it('covers the heading line', () => {
      const hover = hoverAt('How we use cookies');
      const start = text.indexOf('## How we use cookies');
      assert.deepEqual(hover?.range, doc.lines.range(start, start + '## How we use cookies'.length));
    });

    it('gives nothing for a heading that matches no topic', () => {
      assert.equal(topicForTitle('Annex'), undefined);
      assert.equal(hoverAt('Annex', 2), null);
    });
  });

  it('gives nothing on plain text', () => {
    assert.equal(hoverAt('session cookie', 3), null);
    assert.equal(hoverAt('six years', 0), null);
  });

  it('gives nothing on a blank line', () => {
    assert.equal(provideHover(doc, findings, { line: 1, character: 0 }), null);
  });
});
