import * as assert from 'node:assert/strict';
import { parseChunks, type Chunk } from '../../server/src/model/chunks';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';

/**
 * Where the text is cut before remark reads it (model/chunks.ts). A cut may only be made where a
 * new top-level block must start, so the pieces always read as the whole text does; and a long
 * run of sections must be cut, because remark's time grows faster than a piece on some shapes
 * (10,000 setext headings as one piece took 24 s to parse, in pieces about 1 s).
 */
const shape = (chunks: readonly Chunk[]) => chunks.map((c) => ({ type: c.node.type, start: c.start, end: c.end }));
const whole = (text: string) => shape(parseChunks(text, Number.MAX_SAFE_INTEGER));
const inPieces = (text: string, size = 16) => shape(parseChunks(text, size));
/** The texts remark was given: one per piece. */
const pieceSources = (text: string) => [...new Set(parseChunks(text).map((c) => c.src))];

const setextHeadings = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `Heading ${i}${eol}---`).join(eol) + eol;

describe('parsing in pieces: where the text is cut', () => {
  const texts: ReadonlyArray<[string, string]> = [
    ['setext headings', setextHeadings(40)],
    ['setext headings with CRLF endings', setextHeadings(40, '\r\n')],
    ['paragraphs between thematic breaks of each kind', Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says what we keep.\n${['---', '***', '___', '- - -', ' * * *'][i % 5]}\n`).join('')],
    ['a rule right after a list item', 'Intro text here.\n\n' + Array.from({ length: 20 }, (_, i) => `- item ${i}\n---\nText after ${i}\n`).join('\n')],
    ['a rule right after a lazy list line', Array.from({ length: 20 }, (_, i) => `- item ${i}\nlazy ${i}\n---\nText ${i}\n`).join('\n')],
    ['a rule after a quotation', Array.from({ length: 20 }, (_, i) => `> quoted ${i}\n---\nText ${i}\n`).join('')],
    ['an underline inside a list item', Array.from({ length: 20 }, (_, i) => `- item ${i}\n  ---\nText ${i}\n`).join('\n')],
    ['rules and headings inside HTML blocks', Array.from({ length: 20 }, (_, i) => `<div>\n---\nText ${i}\n# Heading ${i}\nMore ${i}\n</div>\n`).join('\n')],
    ['rules inside a fenced code block', '```\n' + Array.from({ length: 20 }, (_, i) => `---\nline ${i}`).join('\n') + '\n```\nAfter the code.\n'],
    ['`===` after a blank line (a paragraph, not an underline)', Array.from({ length: 20 }, (_, i) => `Text ${i}\n\n===\nStill the same paragraph ${i}\n`).join('\n')],
    [
      'front matter holding blank lines, rules and headings',
      `---\npolicy: true\n${Array.from({ length: 20 }, (_, i) => `\nkey${i}: value\n***\n# comment ${i}\nnext${i}: x`).join('\n')}\n---\n${setextHeadings(20)}`,
    ],
    ['a text that opens with a rule and never closes it', `---\n${setextHeadings(30)}`],
  ];
  for (const [name, text] of texts) {
    it(`reads ${name} as one parse does`, () => {
      assert.deepEqual(inPieces(text), whole(text));
    });
  }

  it('cuts 10,000 setext headings into pieces of about 4 KB', () => {
    const text = setextHeadings(10_000);
    const sources = pieceSources(text);
    assert.ok(sources.length >= 30, `${sources.length} pieces for ${text.length.toLocaleString('en')} characters`);
    assert.ok(Math.max(...sources.map((s) => s.length)) <= 8192, 'a piece is longer than twice the piece size');
    // The outline is every heading, at level 2.
    const doc = buildPolicyDocument('file:///w/privacy.md', 1, text);
    assert.equal(doc.headings.length, 10_000);
    assert.ok(doc.headings.every((h, i) => h.level === 2 && h.title === `Heading ${i}`));
  });

  it('cuts after thematic breaks', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of the policy.\n***`).join('\n');
    assert.ok(pieceSources(text).length >= 10);
  });

  it('never cuts inside front matter', () => {
    const text = `---\npolicy: true\n${Array.from({ length: 400 }, (_, i) => `\nkey${i}: value ${i}`).join('\n')}\n---\n# Privacy Policy\n\nWe keep logs.\n`;
    const doc = buildPolicyDocument('file:///w/privacy.md', 1, text);
    assert.equal(doc.frontMatter?.end, text.indexOf('\n---\n') + 4);
    assert.deepEqual(doc.headings.map((h) => h.title), ['Privacy Policy']);
  });
});
