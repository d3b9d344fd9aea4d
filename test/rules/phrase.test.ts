import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phraseRule, type PhraseRuleData } from '../../server/src/rules/phrase';
import { runRules } from '../../server/src/rules/engine';
import { lines, makeDoc } from '../support/doc';
import data from '../../server/data/phrase-rules.json';
import { hasNegation, negates } from '../../server/src/facts/text';

// An entry as a newcomer would write it; the product's own list is server/data/phrase-rules.json.
const PLATITUDE: PhraseRuleData = {
  id: 'privacy-platitude',
  severity: 'hint',
  description: 'Finds a promise about privacy that says nothing about what is done with the data',
  explanation: 'A reader learns nothing from being told that privacy matters; the policy should say what is collected, why, and for how long.',
  pattern: ['we take (?:your )?privacy (?:very )?seriously', 'your privacy is (?:very )?important to us'],
  message: '{phrase} tells the reader nothing, say what the policy does with their data instead',
  replacement: '',
  example: { flags: 'We take your privacy seriously.' },
};

describe('phrase rules', () => {
  const rule = phraseRule(PLATITUDE);

  it('report each phrase, in any case, as whole words, with the entry\'s message and severity', () => {
    const text = lines('# Privacy Policy', '', 'WE TAKE YOUR PRIVACY SERIOUSLY. Your privacy is very important to us.', '', 'Your privacy is important to usual readers.');
    const doc = makeDoc(text);
    const found = runRules(doc, {}, [rule]);
    assert.deepEqual(
      found.map((f) => [text.slice(f.start, f.end), f.severity, f.ruleId]),
      [
        ['WE TAKE YOUR PRIVACY SERIOUSLY', 'hint', 'privacy-platitude'],
        ['Your privacy is very important to us', 'hint', 'privacy-platitude'],
      ],
    );
    assert.match(found[0].message, /^“WE TAKE YOUR PRIVACY SERIOUSLY” tells the reader nothing, say what/);
    assert.deepEqual(found[0].fixes?.[0].edits, [{ start: found[0].start, end: found[0].end, newText: '' }]);
  });

  it('carry the entry\'s metadata, tagged as phrase rules', () => {
    assert.equal(rule.meta.id, 'privacy-platitude');
    assert.equal(rule.meta.defaultSeverity, 'hint');
    assert.deepEqual(rule.meta.tags, ['phrase']);
    assert.equal(rule.meta.explanation, PLATITUDE.explanation);
  });

  it('get their docs page and index row written from the entry, and the check notices a stale page', function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'policywright-phrase-'));
    try {
      writeFileSync(join(dir, 'rules.json'), JSON.stringify({ rules: [PLATITUDE] }));
      writeFileSync(join(dir, 'README.md'), '# Rules\n\n<!-- phrase-rules:start -->\n<!-- phrase-rules:end -->\n');
      const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/phrase-docs.mjs', '--data', join(dir, 'rules.json'), '--docs', dir, ...args], { encoding: 'utf8' });
      assert.equal(run('--check').status, 1, 'a missing page is out of date');
      assert.equal(run().status, 0);
      const page = readFileSync(join(dir, 'privacy-platitude.md'), 'utf8');
      assert.ok(page.startsWith('# privacy-platitude\n'));
      assert.ok(page.includes(PLATITUDE.description));
      assert.ok(page.includes('Default severity: **hint** · Quick fix: yes (deletes the phrase)'));
      assert.ok(page.includes('- `your privacy is (?:very )?important to us`'));
      assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /\| \[privacy-platitude\]\(privacy-platitude\.md\) \| Finds a promise/);
      assert.equal(run('--check').status, 0);
      writeFileSync(join(dir, 'privacy-platitude.md'), page.replace('hint', 'warning'));
      assert.equal(run('--check').status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('have docs in step with server/data/phrase-rules.json', function () {
    this.timeout(30_000);
    const run = spawnSync(process.execPath, ['scripts/phrase-docs.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
  });

  describe('with context', () => {
    const FEE: PhraseRuleData = {
      id: 'test-fee',
      severity: 'warning',
      description: 'Finds a fee for a request where the GDPR applies',
      explanation: 'A made-up entry that exercises every context key of a phrase rule.',
      laws: ['eu', 'uk'],
      unlessNegated: true,
      pattern: ['(?:may|will) charge (?:you )?a fee', 'fee will be charged'],
      near: ['requests?'],
      notNear: ['excessive'],
      notUnder: ['California'],
      message: '{phrase} asks a fee, say requests are free',
      example: { flags: 'We may charge a fee for each request.' },
    };
    const fee = phraseRule(FEE);
    const run = (...body: string[]) => {
      const text = lines(...body);
      return runRules(makeDoc(text), {}, [fee]).map((f) => text.slice(f.start, f.end));
    };

    it('report only when one of the entry\'s laws applies, declared or inferred', () => {
      assert.deepEqual(run('---', 'jurisdictions: [eu]', '---', '# Notice', '', 'We may charge a fee for each request.'), ['may charge a fee']);
      assert.deepEqual(run('---', 'jurisdictions: [us-ca]', '---', '# Notice', '', 'We may charge a fee for each request.'), []);
      assert.deepEqual(run('# Notice', '', 'We may charge a fee for each request.'), [], 'no law is evident');
      const inferred = runRules(makeDoc(lines('# Notice', '', 'We follow the UK GDPR. We may charge a fee for each request.')), {}, [fee]);
      assert.equal(inferred.length, 1);
      assert.match(inferred[0].hoverNote ?? '', /United Kingdom is taken to apply because the text mentions “UK GDPR”/);
    });

    it('stay quiet when the clause denies the phrase, but not when another clause does', () => {
      const eu = ['---', 'jurisdictions: [eu]', '---', '# Notice', ''];
      assert.deepEqual(run(...eu, 'No fee will be charged for a request.'), []);
      assert.deepEqual(run(...eu, 'We do not sell data, but a fee will be charged for a request.'), ['fee will be charged']);
    });

    it('need every near phrase and no notNear phrase in the same sentence, and no notUnder heading around it', () => {
      const eu = ['---', 'jurisdictions: [eu]', '---', '# Notice', ''];
      assert.deepEqual(run(...eu, 'You may make a request. We may charge a fee.'), [], 'the request is in another sentence');
      assert.deepEqual(run(...eu, 'We may charge a fee for an excessive request.'), []);
      assert.deepEqual(run(...eu, '## California residents', '', '### Requests', '', 'We may charge a fee for each request.'), []);
      assert.deepEqual(run(...eu, '## Your rights', '', 'We may charge a fee for each request.'), ['may charge a fee']);
    });
  });

  describe('the shipped entries', () => {
    for (const entry of data.rules as readonly PhraseRuleData[]) {
      it(`${entry.id}: its docs example fires where its laws apply, and its fixed wording does not`, () => {
        const rule = phraseRule(entry);
        const front = entry.laws ? ['---', `jurisdictions: [${entry.laws.join(', ')}]`, '---'] : [];
        const count = (body: string) => runRules(makeDoc(lines(...front, '# Privacy notice', '', body)), {}, [rule]).length;
        assert.ok(count(entry.example.flags) > 0, entry.example.flags);
        if (entry.example.fixed) assert.equal(count(entry.example.fixed), 0, entry.example.fixed);
      });
    }
  });
});

describe('negation', () => {
  it('finds a word of negation', () => {
    assert.ok(hasNegation('we do not transfer'));
    assert.ok(hasNegation('we don’t sell'));
    assert.ok(!hasNegation('we note the nothing-burger'));
  });

  it('reads only the clause before a phrase', () => {
    assert.ok(negates('We will never '));
    assert.ok(negates('No '));
    assert.ok(!negates('We do not sell your data, but we '));
    assert.ok(!negates('If you do not reply, we '));
    assert.ok(!negates('We '));
  });
});
