import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Position, Range } from 'vscode-languageserver-types';
import { buildPolicyDocument, type PolicyDocument } from '../../server/src/model/policyDocument';
import type { Section } from '../../server/src/model/sections';
import { runRules } from '../../server/src/rules/engine';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { provideHover } from '../../server/src/features/hover';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { generatePolicy } from '../../bench/generate';

/**
 * Any text a lawyer can paste must analyse without an exception and with every range inside the
 * document. The runs are seeded, so CI checks the same 10,000+ cases every time; set FUZZ_SEED to
 * explore others (a failure prints the seed and the shrunk input to reproduce it).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260106);
const TODAY = new Date(Date.UTC(2026, 0, 15));
const URI = 'file:///fuzz/privacy-policy.md';
let cases = 0;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Line starts computed here, independently of LineIndex, so a LineIndex bug cannot hide itself. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

function checkDocument(text: string): void {
  cases++;
  const errors: string[] = [];
  const doc = buildPolicyDocument(URI, 1, text);
  const findings = runRules(doc, { today: TODAY, onRuleError: (id, e) => errors.push(`rule ${id} threw: ${String(e)}`) });
  assert.deepEqual(errors, []);
  const starts = lineStarts(text);
  const lineLength = (line: number) => (line + 1 < starts.length ? text.slice(starts[line], starts[line + 1]).replace(/\r?\n$|\r$/, '').length : text.length - starts[line]);

  const offsets = (what: string, start: number, end: number) => {
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}-${end} are not integers`);
    assert.ok(0 <= start && start <= end && end <= text.length, `${what}: offsets ${start}-${end} outside 0-${text.length} or reversed`);
    for (const o of [start, end]) assert.ok(!(isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))), `${what}: offset ${o} splits a surrogate pair`);
  };
  const position = (what: string, p: Position) => {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} outside 0-${starts.length - 1}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lineLength(p.line), `${what}: character ${p.character} outside line ${p.line}`);
    const o = starts[p.line] + p.character;
    assert.ok(!(isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))), `${what}: position ${p.line}:${p.character} splits a surrogate pair`);
  };
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const range = (what: string, r: Range) => {
    position(`${what} start`, r.start);
    position(`${what} end`, r.end);
    assert.ok(before(r.start, r.end), `${what}: start ${JSON.stringify(r.start)} after end ${JSON.stringify(r.end)}`);
  };
  const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

  // The model.
  if (doc.frontMatter) {
    offsets('front matter', doc.frontMatter.start, doc.frontMatter.end);
    for (const p of doc.frontMatter.problems) offsets('front-matter problem', p.start, p.end);
  }
  doc.headings.forEach((h, i) => {
    offsets(`heading ${i}`, h.start, h.end);
    // Catches offsets shifted against the text (a byte-order mark once did that): an ATX heading starts at its `#`.
    if (h.style === 'atx') assert.match(text.slice(h.start, h.end), /^[ \t]{0,3}#/, `heading ${i} does not start at its #`);
    if (i > 0) assert.ok(doc.headings[i - 1].end <= h.start, `headings ${i - 1} and ${i} overlap`);
  });
  for (const b of doc.blocks) {
    offsets(`${b.kind} block`, b.start, b.end);
    assert.equal(b.text.length, b.end - b.start, 'a block keeps the length of its source');
    for (const s of b.sentences) offsets('sentence', s.start, s.end);
  }
  for (const c of doc.comments) offsets('comment', c.start, c.end);
  checkSections(doc, offsets);

  // The features, as the server calls them.
  const diagnostics = toDiagnostics(doc, findings);
  for (const f of findings) {
    offsets(`finding ${f.ruleId}`, f.start, f.end);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) offsets(`fix of ${f.ruleId}`, e.start, e.end);
  }
  for (const d of diagnostics) range(`diagnostic ${String(d.code)}`, d.range);
  for (const action of provideCodeActions(URI, diagnostics)) for (const e of action.edit?.changes?.[URI] ?? []) range(`code action ${action.title}`, e.range);
  const visit = (s: ReturnType<typeof provideDocumentSymbols>[number], parent?: Range) => {
    range(`symbol ${s.name}`, s.range);
    range(`symbol ${s.name} selection`, s.selectionRange);
    assert.ok(contains(s.range, s.selectionRange), `symbol ${s.name}: selection range outside its range`);
    if (parent) assert.ok(contains(parent, s.range), `symbol ${s.name}: outside its parent`);
    for (const child of s.children ?? []) visit(child, s.range);
  };
  for (const s of provideDocumentSymbols(doc)) visit(s);
  for (const f of provideFoldingRanges(doc)) assert.ok(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < starts.length, `folding range ${f.startLine}-${f.endLine}`);
  const last = starts.length - 1;
  const probes: Position[] = [{ line: 0, character: 0 }, { line: last, character: lineLength(last) }, { line: last >> 1, character: 3 }, { line: last + 5, character: 2 }];
  for (const f of findings.slice(0, 3)) probes.push(doc.lines.positionAt(f.start));
  for (const h of doc.headings.slice(0, 3)) probes.push(doc.lines.positionAt(h.start + 1));
  for (const p of probes) {
    const hover = provideHover(doc, findings, p);
    if (hover?.range) range('hover', hover.range);
  }
}

function checkSections(doc: PolicyDocument, offsets: (what: string, start: number, end: number) => void): void {
  const seen: Section[] = [];
  const visit = (s: Section, parent?: Section) => {
    seen.push(s);
    offsets(`section ${s.title}`, s.headingStart, s.headingEnd);
    offsets(`section ${s.title} body`, s.start, Math.max(s.end, s.headingEnd));
    assert.ok(s.start <= s.headingStart, `section ${s.title} starts after its heading`);
    if (parent) {
      assert.ok(s.level > parent.level, `section ${s.title} (level ${s.level}) is nested in ${parent.title} (level ${parent.level})`);
      assert.ok(parent.start <= s.start && Math.max(s.end, s.headingEnd) <= Math.max(parent.end, parent.headingEnd), `section ${s.title} lies outside its parent ${parent.title}`);
      assert.deepEqual(s.path, [...parent.path, s.title], `section ${s.title} has a wrong path`);
    }
    s.children.forEach((c, i) => {
      if (i > 0) assert.ok(Math.max(s.children[i - 1].end, s.children[i - 1].headingEnd) <= c.start, `sibling sections before ${c.title} overlap`);
      visit(c, s);
    });
  };
  for (const s of doc.sections) visit(s);
  assert.deepEqual(seen.map((s) => s.index), doc.allSections.map((s) => s.index), 'the outline visits every section once, in document order');
  doc.allSections.forEach((s, i) => assert.equal(s.index, i));
}

// Inputs. Each generator aims at something pasted drafts really contain, or at a parser edge.
const EOLS = ['\n', '\r\n', '\r'];
const ODD_CHARS = ['\r\n', '\r', '\n', '\0', '\uFEFF', '😀', '𝔄', '👩‍⚖️', 'e\u0301', '\u0301\u0302', '\uD83D', '\uDE00', '\u00A0', '\u2028', '\t', '’', '“', '”', 'â€™', 'Ã©', '\uFFFD'];
const MARKUP = ['*', '**', '_', '__', '[', ']', '(', ')', '|', '"', "'", '`', '```', '~~~', '<', '>', '#', '# ', '## ', '-', '- ', '+ ', '1. ', '1) ', '---', '===', '\\', '!', '![', '](', '<!--', '-->', '&amp;', '[^1]', ': ', '    '];
const PHRASES = [
  'Privacy Notice', 'HOW WE USE DATA', 'Your Rights', 'Last updated: March 3, 2021', 'effective 2019-02-30', '[COMPANY NAME]', '{{company}}',
  '<insert date>', 'TBD', 'the the', 'WWe', 'Privacy Shield', 'Data Protection Act 1998', 'Directive 95/46/EC', 'https://example.com/a_b*c',
  'privacy@example.com', '<!-- policywright-disable doubled-word -->', '<!-- policywright-disable-next-line -->', '<!-- policywright-enable -->',
  'We keep logs.', 'Cookies', '4.2 Retention', '**Contact us**', 'e.g. cookies', 'Cal. Civ. Code §1798.100',
];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const soup = fc.array(token, { maxLength: 80 }).map((t) => t.join(''));

const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(...PHRASES)).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('COLLECTION', 'Sharing Data', 'RIGHTS 😀', 'Cookies')).map(([n, t]) => `${n}. ${t}`),
  fc.tuple(fc.nat({ max: 12 }), fc.constantFrom('-', '*', '+', '1.', '2)'), soup).map(([i, m, t]) => `${' '.repeat(i)}${m} ${t}`),
  fc.array(soup, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|', '| :-- | --: |', '```', '~~~md', '---', '***', '> ', '', '', 'Contact Us', '**Bold Heading**', '[link]: https://example.com'),
  soup,
);
const structured = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom(...EOLS, 'mixed')).map(([lines, eol]) =>
  eol === 'mixed' ? lines.map((l, i) => l + EOLS[i % 3]).join('') : lines.join(eol),
);

const mutation = fc.oneof(
  fc.tuple(fc.constant('insert' as const), fc.nat(), token),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.nat({ max: 200 })),
  fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.nat({ max: 300 })),
  fc.tuple(fc.constant('eol' as const), fc.nat(), fc.constantFrom(...EOLS)),
  fc.tuple(fc.constant('truncate' as const), fc.nat(), fc.constant('')),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
function mutate(text: string, [kind, at, arg]: Mutation): string {
  const i = text.length === 0 ? 0 : at % (text.length + 1);
  if (kind === 'insert') return text.slice(0, i) + arg + text.slice(i);
  if (kind === 'delete') return text.slice(0, i) + text.slice(i + (arg as number));
  if (kind === 'duplicate') return text.slice(0, i + (arg as number)) + text.slice(i);
  if (kind === 'eol') return text.replace(/\r\n|\r|\n/g, arg as string);
  return text.slice(0, i);
}
const mutated = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 200, max: 1200 }), fc.boolean(), fc.constantFrom(...EOLS), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([seed, bytes, frontMatter, eol, mutations]) => mutations.reduce(mutate, generatePolicy({ seed, bytes, frontMatter, eol })));

const deepList = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('-', '*', '1.', '>', '- >'), fc.constantFrom('nested', 'inline'), fc.constantFrom(...EOLS), soup)
  .map(([depth, marker, shape, eol, tail]) => {
    if (shape === 'inline') return `${`${marker} `.repeat(depth)}${tail}`;
    const rows: string[] = [];
    for (let d = 0; d < depth; d++) rows.push(`${' '.repeat(d * (marker.length + 1))}${marker} item ${d} ${d % 5 === 0 ? tail : ''}`);
    return rows.join(eol);
  });

const yamlLine = fc.oneof(
  fc.constantFrom('policy: true', 'effective: 2019-02-30', 'effective: 2020-01-15', 'effective: [', 'company: {', 'jurisdictions: [eu, uk', 'jurisdictions: 7',
    'contact:', '  email: a@b.c', '  phone: 123', '- item', ': :', '\tkey: tab', '&a x: *a', '!!binary AAA=', 'audience: [adults, 3]', 'sells-or-shares: maybe', '"unclosed', '...', '---x'),
  soup,
);
const frontMatter = fc
  .tuple(fc.array(yamlLine, { maxLength: 10 }), fc.constantFrom('---', '', '...', '--- '), fc.constantFrom(...EOLS), fc.boolean(), soup)
  .map(([lines, close, eol, bom, rest]) => `${bom ? '\uFEFF' : ''}---${eol}${lines.join(eol)}${eol}${close}${eol}${rest}`);

/** Inputs that broke an invariant once, shrunk by fast-check: each runs every time. */
const REGRESSIONS: ReadonlyArray<[string, string]> = [
  ['a leading byte-order mark before a heading', '\uFEFF# Title\n\nWe keep logs.'],
  ['a byte-order mark before an astral character', '\uFEFF\u{10000}'],
  ['front matter with lone CR line endings and a YAML error', '---\reffective: [\r---\r\r\n'],
  ['front matter whose YAML error is at an astral character', '---\ncompany: {\n\u{1F600}\n---\n'],
  ['a setext heading inside a numbered list item', '1. COLLECTION\n   - \n1. COLLECTION'],
  ['a comment indented with a tab inside a list item', '- item 0 \r\n\t<!-- policywright-enable -->'],
  ['a last heading with trailing spaces', '# A\n\n## B '],
];

function run(arbitrary: fc.Arbitrary<string>, numRuns: number, salt: number): void {
  fc.assert(fc.property(arbitrary, (text) => checkDocument(text)), { numRuns, seed: SEED + salt });
}

describe('analysing any text', function () {
  this.timeout(120_000);

  it('survives random soups of Markdown markup, odd characters and rule triggers', () => run(soup, 3500, 1));
  it('survives random documents of headings, lists, tables and fences with any line endings', () => run(structured, 2500, 2));
  it('survives generated policies after random inserts, deletions, duplications and line-ending changes', () => run(mutated, 2500, 3));
  it('survives deeply nested lists and blockquotes', () => run(deepList, 750, 4));
  it('survives broken and partial front matter', () => run(frontMatter, 750, 5));

  it('survives every input that once broke it', () => {
    const failures: string[] = [];
    for (const [name, text] of REGRESSIONS) {
      try {
        checkDocument(text);
      } catch (error) {
        failures.push(`${name} ${JSON.stringify(text)}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('has checked at least 10,000 cases in all', () => {
    assert.ok(cases >= 10_000, `only ${cases} cases ran`);
  });
});
