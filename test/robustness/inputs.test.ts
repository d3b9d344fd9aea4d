import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver/node';
import { lines, makeDoc } from '../support/doc';
import type { PolicyDocument } from '../../server/src/model/policyDocument';
import { renderHeadings } from '../support/render';
import { LspHarness } from '../support/lspHarness';
import { runRules } from '../../server/src/rules/engine';
import { normalizeSettings, DEFAULT_FILES } from '../../server/src/settings';
import { isPolicy } from '../../server/src/policyFiles';
import { JURISDICTIONS, isJurisdictionCode } from '../../server/src/catalog/clauseCatalog';
import { applicability } from '../../server/src/facts/applicability';

/**
 * Hostile input that used to crash, hang or quietly change results: YAML alias bombs and huge
 * front matter, settings that name prototype keys (`constructor`, `__proto__`) and a glob longer
 * than the matcher accepts. Each must give a message that says what is wrong, and lose nothing else.
 */
const BODY = ['# Privacy Policy', '', 'We collect your email address to send you receipts.', '', '## Your rights', '', 'You can ask us for a copy of your data.'];
const BOMB = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]'];
const withFrontMatter = (...yaml: string[]) => lines('---', ...yaml, '---', ...BODY);
const TODAY = new Date(Date.UTC(2026, 0, 15));

describe('a YAML alias bomb in the front matter', () => {
  const text = withFrontMatter('policy: true', 'company: Northwind Ltd', ...BOMB, 'jurisdictions: [uk]');
  let doc: PolicyDocument;
  before(() => (doc = makeDoc(text)));

  it('is a front-matter-invalid finding on the key that holds it, saying why', () => {
    const found = runRules(doc, { today: TODAY }).filter((f) => f.ruleId === 'front-matter-invalid');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0].start, found[0].end), 'c');
    assert.match(found[0].message, /^Front matter “c” repeats YAML aliases too often to be read \(a resource exhaustion guard\), write the values out instead of using “\*” aliases$/);
  });

  it('keeps the policy keys around it', () => {
    assert.equal(doc.fields.company, 'Northwind Ltd');
    assert.deepEqual(doc.fields.jurisdictions, ['uk']);
    assert.deepEqual(doc.frontMatter?.keys, ['policy', 'company', 'a', 'b', 'c', 'jurisdictions']);
  });

  it('leaves the rest of the document checked', () => {
    assert.deepEqual(renderHeadings(doc), ['# Privacy Policy (atx)', '## Your rights (atx)']);
    assert.ok(runRules(doc, { today: TODAY }).some((f) => f.ruleId === 'missing-effective-date'));
  });

  it('in a policy key itself, reports that key and leaves it unread', () => {
    const bad = makeDoc(withFrontMatter('policy: true', ...BOMB.slice(0, 2), 'company: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]'));
    assert.equal(bad.fields.company, undefined);
    assert.deepEqual(bad.frontMatter?.problems.map((p) => p.message.slice(0, 26)), ['Front matter “company” rep']);
  });

  it('reaches the server: the document gets its diagnostics and its outline', async () => {
    const h = await LspHarness.start();
    try {
      const uri = 'file:///tmp/ws/bomb-privacy.md';
      await h.openDocument(uri, text);
      const codes = (await h.diagnostics(uri)).map((d) => d.code);
      assert.ok(codes.includes('front-matter-invalid'), String(codes));
      assert.ok(codes.includes('missing-effective-date'), String(codes));
      const symbols = (await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(symbols.map((s) => s.name), ['Privacy Policy']);
    } finally {
      await h.dispose();
    }
  });
});

describe('huge front matter', () => {
  // 40,000 keys, about 1.1 MB: what a generated or pasted block of metadata can look like.
  const filler = Array.from({ length: 40_000 }, (_, i) => `field-${i}: value ${i} here`);
  const text = withFrontMatter('policy: true', 'company: Northwind Ltd', ...filler, 'jurisdictions: [eu]');
  let doc: PolicyDocument;
  before(() => (doc = makeDoc(text)));

  it('is read only as far as the limit, for the policy keys, and a finding says what was not read', () => {
    assert.equal(doc.fields.company, 'Northwind Ltd');
    assert.equal(doc.fields.policy, true);
    const limited = runRules(doc, { today: TODAY }).filter((f) => f.ruleId === 'analysis-limited');
    assert.equal(limited.length, 1, JSON.stringify(limited));
    assert.match(limited[0].message, /^Front matter has \d[\d,]* characters, so only its first 65,536 were read for the policy's settings: keys from line \d[\d,]* on \(such as “field-\d+”\) were not read, move “policy”, “company”, “jurisdictions” and the other policy keys to the top$/);
    const line = doc.lines.lineAt(limited[0].start) + 1;
    assert.ok(line > 3 && line < 40_000, `the finding sits where reading stopped (line ${line})`);
  });

  it('does not read a policy key placed after the limit, and says so rather than guessing', () => {
    assert.deepEqual(doc.fields.jurisdictions, []);
    assert.ok(!doc.frontMatter?.keys.includes('jurisdictions'));
  });

  it('still finds the document body', () => {
    assert.deepEqual(renderHeadings(doc), ['# Privacy Policy (atx)', '## Your rights (atx)']);
  });

  it('under the limit, keeps reporting a key written twice', () => {
    const twice = makeDoc(withFrontMatter('company: A Ltd', 'policy: true', 'company: B Ltd'));
    assert.match(twice.frontMatter?.problems[0]?.message ?? '', /^Front matter is not valid YAML \(line 4: Map keys must be unique\)/);
  });
});

describe('prototype keys in user input', () => {
  it('are not jurisdiction codes', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(isJurisdictionCode(key), false, key);
      assert.equal(key in JURISDICTIONS, false, `${key} in JURISDICTIONS`);
    }
    assert.equal(isJurisdictionCode('us-ca'), true);
  });

  it('in `compliance.jurisdictions` are refused with the valid codes', () => {
    const { settings, problems } = normalizeSettings({ compliance: { jurisdictions: ['constructor', '__proto__', 'eu'] } });
    assert.deepEqual(settings.compliance.jurisdictions, ['eu']);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^`compliance.jurisdictions` names an unknown jurisdiction "constructor"; known codes: eu, uk, us, us-ca/);
  });

  it('in rule severities are refused', () => {
    for (const severity of ['constructor', '__proto__', 'toString', 'valueOf']) {
      const { settings, problems } = normalizeSettings({ rules: { 'doubled-word': severity } });
      assert.equal(settings.rules['doubled-word'], undefined, severity);
      assert.match(problems[0] ?? '', /^`rules.doubled-word` must be one of off, error, warning, information, hint/);
    }
  });

  it('in the front matter are not taken for a jurisdiction, and are reported', () => {
    const doc = makeDoc(withFrontMatter('policy: true', 'jurisdictions: [constructor, uk]'));
    assert.deepEqual(applicability(doc).jurisdictions.map((j: { code: string }) => j.code), ['uk']);
    const found = runRules(doc, { today: TODAY }).filter((f) => f.ruleId === 'front-matter-invalid');
    assert.deepEqual(found.map((f) => f.message), ['Front matter “jurisdictions” names the unknown code “constructor”, use one of eu, uk, us, us-ca, us-va, us-co, us-ct, us-tx, us-ut, us-or, us-ne, us-nj, us-mn, us-ri, ca, ca-qc, br']);
  });
});

describe('policywright.files', () => {
  const long = `**/${'a'.repeat(70_000)}*.md`;

  it('refuses a glob the matcher cannot compile, names it, and keeps the other globs', () => {
    const { settings, problems } = normalizeSettings({ files: [long, '**/*terms*.md'] });
    assert.deepEqual(settings.files, ['**/*terms*.md']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^`files` pattern "\*\*\/a{20}…" \(70,007 characters\) cannot be used: it is longer than the 65,536 characters a pattern may have, shorten it; the other patterns still apply$/);
    assert.ok(isPolicy('/ws/terms-of-service.md', { frontMatter: undefined }, settings.files));
  });

  it('falls back to the defaults when no glob is usable, so documents are still analysed', () => {
    const { settings, problems } = normalizeSettings({ files: [long] });
    assert.deepEqual(settings.files, DEFAULT_FILES);
    assert.match(problems.join('\n'), /using the defaults/);
    assert.ok(isPolicy('/ws/privacy-policy.md', { frontMatter: undefined }, settings.files));
  });
});
