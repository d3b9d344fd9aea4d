import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runRules, type ReportedFinding } from '../server/src/rules/engine';
import { RULES } from '../server/src/rules/registry';
import type { PolicyDocument } from '../server/src/model/policyDocument';
import { lines, makeDoc } from './support/doc';
import { applyEdits, compareFindings, describeMismatch, mapOffset, parseFixture, type Found } from './support/markers';

const FIXTURES = join(process.cwd(), 'test/fixtures/rules');
const FIXTURE_NAME = /^(flags|clean)-[a-z0-9-]+\.md$/;
const ruleIds = RULES.map((r) => r.meta.id);

function folders(): string[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()).sort();
}

function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).filter((name) => name.endsWith('.md')).sort();
}

function found(doc: PolicyDocument, findings: readonly ReportedFinding[]): Found[] {
  return findings.map((f) => ({ ruleId: f.ruleId, line: doc.lines.lineAt(f.start) + 1, severity: f.severity, message: f.message }));
}

function checkFixture(folder: string, file: string): void {
  const text = readFileSync(join(FIXTURES, folder, file), 'utf8');
  const { config, expectations } = parseFixture(text);
  for (const e of expectations) assert.ok(ruleIds.includes(e.ruleId), `${file} expects \`${e.ruleId}\`, which is not a registered rule`);
  const own = expectations.filter((e) => e.ruleId === folder).length;
  if (file.startsWith('flags-')) assert.ok(own > 0, `${file} is a flags- fixture but expects no \`${folder}\` finding`);
  else assert.equal(own, 0, `${file} is a clean- fixture but expects \`${folder}\` findings`);

  // The rules the fixture speaks for; findings of any other rule are not its business.
  const relevant = new Set([folder, ...expectations.map((e) => e.ruleId)]);
  const doc = makeDoc(text, `file:///fixtures/${folder}/${file}`);
  const findings = runRules(doc, { today: config.today }).filter((f) => relevant.has(f.ruleId));
  const result = compareFindings(expectations, found(doc, findings));
  assert.ok(result.missing.length + result.unexpected.length + result.wrongSeverity.length === 0, `${folder}/${file}\n${describeMismatch(result)}`);

  for (const f of findings) {
    const fix = f.fixes?.[0];
    if (!fix) continue;
    const where = `${folder}/${file}: fix "${fix.title}" of \`${f.ruleId}\` at line ${doc.lines.lineAt(f.start) + 1}`;
    const fixedDoc = makeDoc(applyEdits(text, fix.edits));
    const after = runRules(fixedDoc, { today: config.today }).filter((x) => x.ruleId === f.ruleId);
    // Every other finding of the rule survives, moved by the edits; the fixed ones are gone and none is new.
    // A fix that adds what is missing somewhere else (a compliance item, a date below the title):
    // its finding is gone and none is new; others may go too, as one clause gives several items.
    // Compared by message, less the "add it to `Section`" that a newly inserted section may change.
    if (RULES.find((r) => r.meta.id === f.ruleId)?.meta.tags.includes('inserts')) {
      const what = (x: ReportedFinding) => x.message.replace(/, add it\b.*$/, '');
      const before = findings.filter((x) => x.ruleId === f.ruleId).map(what);
      const remaining = after.map(what);
      assert.ok(remaining.filter((m) => m === what(f)).length < before.filter((m) => m === what(f)).length, `${where} leaves its finding: ${f.message}`);
      assert.deepEqual(remaining.filter((m) => !before.includes(m)), [], `${where} adds findings`);
      continue;
    }
    const touched = (x: ReportedFinding) => fix.edits.some((e) => x.start < Math.max(e.end, e.start + 1) && e.start < Math.max(x.end, x.start + 1));
    const survivors = findings.filter((x) => x.ruleId === f.ruleId && !touched(x)).map((x) => `${mapOffset(x.start, fix.edits)}-${mapOffset(x.end, fix.edits)}`);
    const actual = after.map((x) => `${x.start}-${x.end}`);
    assert.ok(touched(f), `${where} does not edit the text it reports`);
    assert.deepEqual(actual.sort(), survivors.sort(), `${where} leaves findings ${JSON.stringify(after.map((x) => fixedDoc.text.slice(x.start, x.end)))}`);
  }
}

describe('rule fixtures', () => {
  for (const folder of folders()) {
    describe(folder, () => {
      for (const file of fixtureFiles(folder)) {
        it(`${file} gets exactly the findings its expect comments name, and each fix removes its finding`, () => checkFixture(folder, file));
      }
    });
  }
});

describe('the fixture set', () => {
  it('has a folder with a flags- and a clean- fixture for every registered rule', () => {
    const present = new Set(folders());
    const lacking = ruleIds.filter((id) => {
      if (!present.has(id)) return true;
      const files = fixtureFiles(id);
      return !files.some((f) => f.startsWith('flags-')) || !files.some((f) => f.startsWith('clean-'));
    });
    assert.deepEqual(lacking, []);
  });

  it('names a registered rule with every folder and names every file flags-*.md or clean-*.md', () => {
    assert.deepEqual(folders().filter((f) => !ruleIds.includes(f)), []);
    const badNames = folders().flatMap((f) => readdirSync(join(FIXTURES, f)).filter((n) => !FIXTURE_NAME.test(n)).map((n) => `${f}/${n}`));
    assert.deepEqual(badNames, []);
  });
});

describe('fixture markers', () => {
  it('tie an expect comment to the nearest line above that is neither blank nor another expect comment', () => {
    const text = lines('# Title', '', 'the the line', '<!-- expect: doubled-word -->', '<!-- expect: mojibake (warning) -->', '', '<!-- expect: missing-effective-date @1 -->');
    assert.deepEqual(parseFixture(text).expectations, [
      { ruleId: 'doubled-word', line: 3 },
      { ruleId: 'mojibake', line: 3, severity: 'warning' },
      { ruleId: 'missing-effective-date', line: 1 },
    ]);
  });

  it('read the date from a first-line config comment and refuse one anywhere else', () => {
    assert.equal(parseFixture(lines('<!-- config: {"today": "2026-11-21"} -->', '# Title')).config.today?.toISOString(), '2026-11-21T00:00:00.000Z');
    assert.throws(() => parseFixture(lines('# Title', '<!-- config: {"today": "2026-11-21"} -->')), /first line/);
    assert.throws(() => parseFixture(lines('<!-- config: {"now": "2026-11-21"} -->')), /unknown config keys now/);
  });

  it('refuse an expect comment they cannot read instead of ignoring it', () => {
    assert.throws(() => parseFixture(lines('text', '<!-- expect: Doubled Word -->')), /cannot read/);
    assert.throws(() => parseFixture(lines('text <!-- expect: doubled-word -->')), /whole line/);
    assert.throws(() => parseFixture(lines('<!-- expect: doubled-word -->')), /no line/);
  });

  it('report missing, unexpected and wrongly graded findings', () => {
    const result = compareFindings(
      [{ ruleId: 'a', line: 1 }, { ruleId: 'b', line: 2, severity: 'information' }],
      [{ ruleId: 'b', line: 2, severity: 'error', message: 'm' }, { ruleId: 'c', line: 5, severity: 'error', message: 'n' }],
    );
    assert.deepEqual(result, { missing: ['a at line 1'], unexpected: ['c at line 5: n'], wrongSeverity: ['b at line 2: expected information, got error'] });
  });
});

describe('stale-effective-date against the real clock', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const stale = (date: string) => runRules(makeDoc(lines('# Privacy Policy', '', `Last updated: ${date}`))).filter((f) => f.ruleId === 'stale-effective-date');

  it('stays quiet for a policy updated 30 days ago', () => {
    assert.deepEqual(stale(daysAgo(30)), []);
  });

  it('fires for a policy last updated 400 days ago', () => {
    assert.equal(stale(daysAgo(400)).length, 1);
  });
});
