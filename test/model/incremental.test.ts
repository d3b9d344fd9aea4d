import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildPolicyDocument, updatePolicyDocument, type PolicyDocument } from '../../server/src/model/policyDocument';
import { parseChunks } from '../../server/src/model/chunks';
import { runRules } from '../../server/src/rules/engine';
import { generatePolicy } from '../../bench/generate';

/** Everything a feature can read from the model, as plain data (no chunks, no tree). */
function snapshot(doc: PolicyDocument): unknown {
  return {
    frontMatter: doc.frontMatter && { start: doc.frontMatter.start, end: doc.frontMatter.end, keys: doc.frontMatter.keys, problems: doc.frontMatter.problems },
    fields: doc.fields,
    headings: doc.headings,
    sections: doc.allSections.map((s) => ({ ...s, children: s.children.map((c) => c.index) })),
    blocks: doc.blocks,
    comments: doc.comments,
    html: doc.html,
    code: doc.code,
    limits: doc.limits,
    lines: Array.from({ length: doc.lines.lineCount }, (_, i) => doc.lines.lineStart(i)),
  };
}

function findings(doc: PolicyDocument): unknown {
  return runRules(doc, { today: new Date(Date.UTC(2026, 10, 21)) }).map((f) => ({ ...f }));
}

const today = new Date(Date.UTC(2026, 10, 21));
const POLICY = generatePolicy({ bytes: 9_000, seed: 7 });
const POLICY_CRLF = generatePolicy({ bytes: 6_000, seed: 11, eol: '\r\n' });
// Tight and loose lists, ordered and not, nested, with bold lead words: where keystrokes re-parse one item.
const LISTS = [
  '# Lists',
  '',
  '- **Account data**: we keep it for two years.\n- **Usage data**: the second one, kept for a month.\n  - a nested detail of usage\n- **Support data**: kept until the ticket closes.',
  '',
  '1. First we ask.\n2. Then we keep it for a while.\n3. Last we delete it.',
  '',
  '- Loose item one.\n\n- Loose item two, with more words.\n\n- Loose item three.',
  '',
  '* Star list item that we keep it for.\n* Another star item.',
  '',
].join('\n');
const SNIPPETS = ['\n', '\r\n', '\r', '\n\n', '# ', '## New heading\n\n', '1. ', '1. WHAT WE COLLECT\n', '- ', '> ', '```\n', '---\n', '**', '"', '“', '(', ')', '[', ']', '|', '<!-- policywright-disable -->\n', '<!--', '-->', 'the the ', 'Data Protection Act 1998', '[COMPANY NAME]', '😀', 'e\u0301', 'Last updated: 2 March 2024\n', '\t', '    code\n', 'x'];
// Front matter openings and closings, CR endings next to them, HTML declarations (CommonMark HTML block type 4).
const SHAPES = [...SNIPPETS, '---', '---\r', '\r---\r', '---\n<!-->\n', '<!-->', '<!X', '<!DOCTYPE html>\n', '<!a\n', '>\n'];

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const editFrom = (snippets: readonly string[]) => fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 }), fc.constant('')),
});
const edit = editFrom(SNIPPETS);
const shapeEdit = editFrom(SHAPES);

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Applies the edits one version at a time and checks each version against a fresh build. */
function check(base: string, edits: readonly Edit[]): void {
  let doc = buildPolicyDocument('file:///w/privacy.md', 1, base);
  const first = findings(doc);
  let text = base;
  edits.forEach((e, i) => {
    text = apply(text, e);
    doc = updatePolicyDocument(doc, i + 2, text);
    const fresh = buildPolicyDocument('file:///w/privacy.md', i + 2, text);
    assert.deepEqual(snapshot(doc), snapshot(fresh), `model differs after edit ${i + 1}`);
    assert.deepEqual(runRules(doc, { today }), runRules(fresh, { today }), `findings differ after edit ${i + 1}`);
  });
  // Undoing every edit restores the first findings.
  const undone = updatePolicyDocument(doc, edits.length + 2, base);
  assert.deepEqual(findings(undone), first, 'undoing every edit did not restore the first findings');
}

const REGRESSIONS = join(process.cwd(), 'test/fixtures/incremental');

describe('incremental model', function () {
  // Each case builds the model twice per version and runs every rule: slow by design, bounded by numRuns.
  this.timeout(180_000);
  it('equals a fresh build after random edits to a generated policy', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(POLICY, edits)), { numRuns: 60, seed: 424242 });
  });

  it('equals a fresh build after random edits to a CRLF policy with front matter', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(POLICY_CRLF, edits)), { numRuns: 40, seed: 515151 });
  });

  it('equals a fresh build after random edits to a policy whose front matter is open, CR-ended or declares HTML', () => {
    const bases = ['---\n<!-->\n', `---\rpolicy: true\r---\r${POLICY.slice(0, 1500)}`, `---\npolicy: true\n---\n<!DOCTYPE x>\n\n${POLICY.slice(0, 1500)}`, `---\n${POLICY.slice(0, 1500)}`];
    bases.forEach((base, k) => {
      fc.assert(fc.property(fc.array(shapeEdit, { minLength: 1, maxLength: 6 }), (edits) => check(base, edits)), { numRuns: 40, seed: 313131 + k });
    });
  });

  it('equals a fresh build when a fence or a comment opens and swallows the rest', () => {
    const middle = POLICY.indexOf('\n## ', POLICY.length >> 1) + 1;
    check(POLICY, [{ at: middle / POLICY.length, remove: 0, insert: '```\n' }]);
    check(POLICY, [{ at: middle / POLICY.length, remove: 0, insert: '<!--\n' }]);
    check(POLICY, [{ at: 0, remove: 0, insert: '---\npolicy: true\n---\n' }]);
  });

  it('equals a fresh build for the shapes of issue 13 (front matter closed late, CR after the opening, <!X blocks)', () => {
    const at = (base: string, offset: number) => offset / base.length;
    // Front matter left open over an odd body, then closed.
    const open = '---\n<!-->\n';
    check(open, [{ at: 1, remove: 0, insert: '---' }]);
    check(open, [{ at: 1, remove: 0, insert: '---\n' }]);
    check(`${open}text\n`, [{ at: at(`${open}text\n`, open.length), remove: 0, insert: '---\n' }]);
    // A CR line ending right after the opening `---`.
    const fm = '---\npolicy: true\n---\n\n# Privacy\n\nWe keep data.\n';
    check(fm, [{ at: at(fm, 3), remove: 1, insert: '\r' }]);
    check(fm, [{ at: at(fm, 3), remove: 0, insert: '\r' }]);
    check('---\rpolicy: true\r---\r\r# Privacy\r\rWe keep data.\r', [{ at: 0.9, remove: 0, insert: 'x' }]);
    // A line starting with `<!` and a letter opens an HTML block (CommonMark type 4) that ends at the first `>`.
    const line = POLICY.indexOf('\n## ', POLICY.length >> 1) + 1;
    check(POLICY, [{ at: at(POLICY, line), remove: 0, insert: '<!X' }]);
    check(POLICY, [{ at: at(POLICY, line), remove: 0, insert: '<!DOCTYPE html\n' }]);
    const para = POLICY.indexOf('\n\n', line) + 2;
    check(POLICY, [{ at: at(POLICY, para), remove: 0, insert: '<!a' }]);
    check(POLICY, [{ at: at(POLICY, para), remove: 0, insert: '<!' }, { at: at(POLICY, para) , remove: 0, insert: 'b' }]);
  });

  // Keystrokes inside a line take a shorter path (only the block itself is re-parsed): these edits
  // aim there, with the characters that could change how lines group into blocks.
  const keystroke = fc.record({
    // A line picked evenly (per million of the lines): fast-check favours the ends of a range and
    // small doubles, which would put most keystrokes on the first line.
    line: fc.noBias(fc.integer({ min: 0, max: 999_999 })),
    column: fc.noBias(fc.integer({ min: 0, max: 12 })),
    remove: fc.integer({ min: 0, max: 3 }),
    insert: fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom('e', 'T', ' ', '|', '\\', '#', '-', '*', '_', '`', '>', '=', '1', '.', ')', '[', ']', ':', '^', '<', '~', '\t', 'é', '😀'), maxLength: 3 })),
  });
  const inLine = (text: string, k: { line: number; column: number; remove: number; insert: string }): Edit => {
    const starts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
    const start = starts[Math.floor((k.line / 1_000_000) * starts.length)];
    const eol = text.slice(start).search(/[\r\n]|$/);
    const at = start + Math.min(k.column, eol);
    return { at: at / text.length, remove: Math.min(k.remove, eol - (at - start)), insert: k.insert };
  };

  it('equals a fresh build after keystrokes inside lines', () => {
    const footnotes = `${POLICY.slice(0, 2000)}\n\nSee the note[^1] here.\n\n[^1]: A note on the ${POLICY.slice(2000)}`;
    for (const [base, seed] of [[POLICY, 616161], [POLICY_CRLF, 717171], [footnotes, 818181], [LISTS, 919191]] as const) {
      fc.assert(
        fc.property(fc.array(keystroke, { minLength: 1, maxLength: 8 }), (keys) => {
          // Each keystroke is placed in the text as it stands after the ones before it.
          const edits: Edit[] = [];
          let text = base;
          for (const k of keys) {
            const e = inLine(text, k);
            edits.push(e);
            text = apply(text, e);
          }
          check(base, edits);
        }),
        { numRuns: 40, seed },
      );
    }
  });

  it('equals a fresh build after a keystroke in one item of a list', () => {
    const at = (needle: string) => LISTS.indexOf(needle) / LISTS.length;
    check(LISTS, [{ at: at('keep it for'), remove: 0, insert: 'x' }]);
    check(LISTS, [{ at: at('keep it for'), remove: 2, insert: '' }]);
    check(LISTS, [{ at: at('the second one'), remove: 0, insert: ' *' }]);
    check(LISTS, [{ at: at('nested detail'), remove: 0, insert: 'and ' }]);
  });

  it('re-parses only the paragraph a letter is typed into', () => {
    const base = 'Intro line.\n\nWe keep your data for a while.\nIt stays here.\n\n# Next\n\nMore text.\n';
    const before = buildPolicyDocument('file:///w/p.md', 1, base);
    const at = base.indexOf('data');
    const after = updatePolicyDocument(before, 2, `${base.slice(0, at)}x${base.slice(at)}`);
    assert.equal(after.chunks[0].node, before.chunks[0].node, 'the paragraph before was parsed again');
    assert.equal(after.chunks[2].node, before.chunks[2].node, 'the heading after was parsed again');
    assert.notEqual(after.chunks[1].node, before.chunks[1].node);
  });

  it('re-runs the edits kept from earlier failures', () => {
    if (!existsSync(REGRESSIONS)) return;
    for (const name of readdirSync(REGRESSIONS).filter((n) => n.endsWith('.json'))) {
      const { base, edits } = JSON.parse(readFileSync(join(REGRESSIONS, name), 'utf8')) as { base: string; edits: Edit[] };
      check(base, edits);
    }
  });
});

describe('parsing in pieces', () => {
  it('gives the same model as one parse of the whole text', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const text = generatePolicy({ bytes: 20_000, seed, eol: seed === 3 ? '\r\n' : '\n' });
      const whole = parseChunks(text, Number.MAX_SAFE_INTEGER).map((c) => ({ type: c.node.type, start: c.start, end: c.end }));
      const pieces = parseChunks(text, 512).map((c) => ({ type: c.node.type, start: c.start, end: c.end }));
      assert.deepEqual(pieces, whole, `seed ${seed}`);
    }
  });

  it('keeps a document with a link definition in one piece', () => {
    const text = 'x\n\n'.repeat(3000) + '[a]: https://example.com\n\nSee [a].\n';
    const chunks = parseChunks(text, 64);
    assert.ok(chunks.every((c) => c.src === text));
  });
});

// A failing seed is saved as a regression fixture so that it runs every time (see the last test above).
export function saveRegression(name: string, base: string, edits: readonly Edit[]): void {
  mkdirSync(REGRESSIONS, { recursive: true });
  writeFileSync(join(REGRESSIONS, `${name}.json`), JSON.stringify({ base, edits }, null, 2));
}
