import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDoc } from '../support/doc';
import type { PolicyDocument } from '../../server/src/model/policyDocument';
import type { Section } from '../../server/src/model/sections';

// The seed policies are real published text kept outside the repository (see shared/corpus/README.md).
// They are read here at test time only; the expectations below are the outline the README asks for.
const SEEDS = join(process.cwd(), '..', 'shared', 'corpus', 'seeds');

function seed(prefix: string): PolicyDocument {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(name, `no seed ${prefix}_* in ${SEEDS}`);
  return makeDoc(readFileSync(join(SEEDS, name), 'utf8'), `file:///seeds/${name}`);
}

const line = (doc: PolicyDocument, s: Section) => doc.lines.lineAt(s.headingStart) + 1;

/** Asserts that `titles` appear among the sections, in this order, each in the given style. */
function assertInOrder(doc: PolicyDocument, titles: readonly string[], style: Section['style']): void {
  let from = 0;
  for (const title of titles) {
    const i = doc.allSections.findIndex((s, k) => k >= from && s.title === title);
    assert.ok(i >= 0, `heading "${title}" missing or out of order; outline: ${doc.allSections.map((s) => s.title).join(' | ')}`);
    assert.equal(doc.allSections[i].style, style, `heading "${title}"`);
    from = i + 1;
  }
}

if (!existsSync(SEEDS)) {
  console.log(`Seed corpus outline checks not run: ${SEEDS} is absent (it lives outside the repository).`);
} else {
  describe('outline of the real seed policies', () => {
    it('shows the 15 numbered upper-case sections of 003, which CommonMark reads as list items', () => {
      const doc = seed('003');
      const top = doc.allSections.filter((s) => s.style === 'numbered' && /^\d+$/.test(s.number ?? ''));
      assert.deepEqual(
        top.map((s) => s.number),
        Array.from({ length: 15 }, (_, i) => String(i + 1)),
      );
      assert.deepEqual(
        top.map((s) => s.title.split(/\s+/)[0]),
        ['WHAT', 'IF', 'HOW', 'HOW', 'HOW', 'THIRD-PARTY', 'HOW', 'HOW', 'CHOICES', 'HOW', 'FOR', 'FOR', 'INTERNATIONAL', 'CHANGES', 'CONTACT'],
      );
      // Siblings under one parent, so the outline shows them side by side at the top of the policy.
      assert.equal(new Set(top.map((s) => s.level)).size, 1);
      const parents = new Set(top.map((s) => s.path.slice(0, -1).join(' > ')));
      assert.equal(parents.size, 1);
      assert.ok(top.every((s) => s.path.length <= 2), 'the numbered sections are at the top of the outline');
    });

    it('places heading 4 of 003 on line 148 and nests the "1.1"-style sub-sections under their section', () => {
      const doc = seed('003');
      const four = doc.allSections.find((s) => s.number === '4');
      assert.ok(four);
      assert.equal(line(doc, four), 148);
      const one = doc.allSections.find((s) => s.number === '1');
      assert.ok(one && one.children.length > 0, 'section 1 has sub-sections');
      assert.ok(one.children.every((c) => c.number?.startsWith('1.')), one.children.map((c) => c.number).join(', '));
    });

    it('shows the plain-line headings of 001', () => {
      const doc = seed('001');
      assertInOrder(doc, ['What we collect and do not collect', 'Security', 'How we use cookies', 'Contact us'], 'plain-line');
      assert.ok(doc.allSections.length >= 5, `only ${doc.allSections.length} sections`);
    });

    it('shows the plain-line headings of 002, without their closing full stops', () => {
      const doc = seed('002');
      assertInOrder(doc, ['Introduction', 'Collection of Personal Information', 'The Internet', 'Contact'], 'plain-line');
    });

    it('shows the sections of 000 under the Markdown title on line 3', () => {
      const doc = seed('000');
      const title = doc.sections.find((s) => s.level === 1);
      assert.ok(title);
      assert.equal(title.style, 'atx');
      assert.equal(line(doc, title), 3);
      assert.deepEqual(
        title.children.map((c) => `${c.level} ${c.style} ${c.title}`),
        ['2 atx Sharing Information', '2 atx Security', '2 atx Contacting Us'],
      );
    });

    it('shows every ### heading of 004 at its line, including the closing one on line 47', () => {
      const doc = seed('004');
      const expected: string[] = [];
      doc.text.split(/\r\n|\n|\r/).forEach((text, i) => {
        const m = /^###\s+(.+?)\s*#*\s*$/.exec(text);
        if (m) expected.push(`L${i + 1} ${m[1].replace(/\*\*/g, '')}`);
      });
      assert.ok(expected.length > 0, 'the seed has ### headings');
      const level3 = doc.allSections.filter((s) => s.level === 3 && s.style === 'atx');
      assert.deepEqual(
        level3.map((s) => `L${line(doc, s)} ${s.title}`),
        expected,
      );
      assert.ok(level3.some((s) => line(doc, s) === 47 && s.title === 'END OF PRIVACY POLICY'));
    });
  });
}
