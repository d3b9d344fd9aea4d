import type { Block } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { perBlockText, perDocument } from './cache';
import { normalizeTitle } from './text';

/** One number or title a reference points at, and the sections it resolves to (none when it is broken). */
export interface ReferenceTarget {
  /** The number or title as written. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly sections: readonly Section[];
  /** Where a target that is not a recognised heading was found: a numbered bold line, a labelled line, a table cell. */
  readonly anchor?: number;
}

/** "Section 4", "sections 3 and 5", "Section 4 (“Cookies”)", "see “Cookies” below". */
export interface CrossReference {
  readonly kind: 'number' | 'title';
  /** The whole reference, quoted title included. */
  readonly start: number;
  readonly end: number;
  readonly targets: readonly ReferenceTarget[];
  /** The title quoted after a numbered reference: its inner text. */
  readonly quotedTitle?: { readonly text: string; readonly start: number; readonly end: number };
  /** The word before the number, as a message names it: "Section", "Clause", "Paragraph". */
  readonly noun?: string;
}

export interface CrossReferenceIndex {
  readonly references: readonly CrossReference[];
  /** Whether the document numbers its sections, so that a number with no section is a broken reference. */
  readonly numbered: boolean;
  sectionsNumbered(number: string): readonly Section[];
}

const NUMBER_REF = /\b(Sections?|Clauses?|Paragraphs?)\s+(\d+(?:\.\d+)*)((?:\s*(?:,|and|or|to|through|-|–)\s*\d+(?:\.\d+)*)*)/gi;
const NUMBER = /\d+(?:\.\d+)*/g;
// A section of a statute, not of the policy: "Civil Code Section 1798.83", "U.S.C. Section 1232g", "§".
const LAW_BEFORE = /(?:\b(?:Code|Acts?|U\.?S\.?C|C\.?F\.?R|CFR|USC|Regulations?|Rules?|Title|Laws?|Statutes?|Chapter|Directive|GDPR|CCPA|CPRA|Cal|Civ|Art(?:icles?)?\.?\s*\d+(?:\(\w{1,3}\))*)|§)[\s.,]*$/i;
const OF_ANOTHER = /^\s*(?:\([^()\n]{0,20}\)\s*)?of\s+(?!this\b|these\b)/i;
const QUOTED_AFTER = /^\s*(?:,\s*)?(?:\(\s*)?[“"‘']([^“”"‘’'\n]{2,120})[”"’']/;
const QUOTED = /[“"‘]([^“”"‘’\n]{2,100})[”"’]/g;
const TITLE_INTRO = /(?:\b(?:see|in|under|read|consult|to|at)\s+(?:the\s+)?|\bthe\s+)(?:(?:section|heading|part)\s+)?(?:(?:titled|entitled|called|headed|named)\s+)?$/i;
const TITLE_OUTRO = /^\s*(?:section\b|heading\b|below\b|above\b)/i;
// "**4.5 Complying with law**." and other numbered lines the outline does not take for headings.
const NUMBERED_LINE = /^\s{0,3}(?:#{1,6}\s+)?(?:\*\*|__)?(?:section\s+)?(\d+(?:\.\d+)*)[.):]?\s+\S/i;
const TITLE_NUMBER = /^(?:section|article|part|clause)\s+(\d+(?:\.\d+)*)\b/i;

// Whether a block's text could hold a reference at all (a section number or a quotation), kept per
// text: the patterns below then run on the few blocks that could.
const mayRefer = perBlockText((block: Block): boolean => /\b(?:sections?|clauses?|paragraphs?)\s+\d/i.test(block.text) || /[“"‘]/.test(block.text));

/** Whether a line could match NUMBERED_LINE, from its first character, without cutting the line out. */
function mayBeNumbered(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < text.length && i - lineStart < 3 && (text[i] === ' ' || text[i] === '\t')) i++;
  const c = text[i];
  return c !== undefined && ((c >= '0' && c <= '9') || c === '#' || c === '*' || c === '_' || c === 's' || c === 'S' || /\s/.test(c));
}

export const crossReferences = perDocument((doc: PolicyDocument): CrossReferenceIndex => {
  const byNumber = new Map<string, Section[]>();
  for (const s of doc.allSections) {
    const number = s.number ?? TITLE_NUMBER.exec(s.title)?.[1];
    if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), s]);
  }
  const numberedLines = new Map<string, number>();
  for (let line = 0; line < doc.lines.lineCount; line++) {
    if (!mayBeNumbered(doc.text, doc.lines.lineStart(line))) continue;
    const m = NUMBERED_LINE.exec(doc.lines.lineText(line));
    if (m && !numberedLines.has(m[1])) numberedLines.set(m[1], doc.lines.lineStart(line));
  }
  const refs: CrossReference[] = [];
  const may = mayRefer(doc);
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || !may.get(block)) continue;
    const taken: Array<[number, number]> = [];
    numberReferences(block, byNumber, numberedLines, refs, taken);
    titleReferences(doc, block, refs, taken);
  }
  refs.sort((a, b) => a.start - b.start);
  return Object.freeze({
    references: Object.freeze(refs),
    numbered: byNumber.size >= 2,
    sectionsNumbered: (n: string) => byNumber.get(n) ?? [],
  });
});

function numberReferences(block: Block, byNumber: Map<string, Section[]>, numberedLines: Map<string, number>, out: CrossReference[], taken: Array<[number, number]>): void {
  const target = (label: string, start: number, end: number): ReferenceTarget => {
    const sections = byNumber.get(label) ?? [];
    return { label, start, end, sections, anchor: sections.length === 0 ? numberedLines.get(label) : undefined };
  };
  NUMBER_REF.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_REF.exec(block.text)) !== null) {
    const rel = m.index;
    const after = block.text.slice(rel + m[0].length, rel + m[0].length + 60);
    const before = block.text.slice(Math.max(0, rel - 30), rel);
    if (Number(m[2].split('.')[0]) >= 100 || /^[\p{L}]/u.test(after) || LAW_BEFORE.test(before) || OF_ANOTHER.test(after)) continue;
    const targets: ReferenceTarget[] = [];
    const numbersAt = rel + m[0].length - m[2].length - m[3].length;
    const list = `${m[2]}${m[3]}`;
    NUMBER.lastIndex = 0;
    let n: RegExpExecArray | null;
    let previous: string | undefined;
    let previousEnd = 0;
    while ((n = NUMBER.exec(list)) !== null) {
      const start = block.start + numbersAt + n.index;
      const gap = list.slice(previousEnd, n.index);
      previousEnd = n.index + n[0].length;
      // "Sections 2-4" takes in 3 as well; its link still sits on the numbers written.
      if (previous && /^\s*(?:-|–|to|through)\s*$/.test(gap) && !previous.includes('.') && !n[0].includes('.')) {
        for (let k = Number(previous) + 1; k < Number(n[0]) && k - Number(previous) < 20; k++) {
          targets.push(target(String(k), start, start + n[0].length));
        }
      }
      targets.push(target(n[0], start, start + n[0].length));
      previous = n[0];
    }
    const quoted = QUOTED_AFTER.exec(after);
    let end = block.start + rel + m[0].length;
    let quotedTitle: CrossReference['quotedTitle'];
    if (quoted && targets.length === 1) {
      const innerStart = end + quoted[0].length - 1 - quoted[1].length;
      quotedTitle = { text: quoted[1], start: innerStart, end: innerStart + quoted[1].length };
      end = innerStart + quoted[1].length + 1;
      // "(“Cookies”)": the bracket that opened before the title closes the reference.
      if (/^\s*(?:,\s*)?\(/.test(quoted[0]) && block.text[end - block.start] === ')') end++;
    }
    const noun = m[1].replace(/s$/i, '');
    out.push({ kind: 'number', start: block.start + rel, end, targets, quotedTitle, noun: noun[0].toUpperCase() + noun.slice(1).toLowerCase() });
    taken.push([block.start + rel, end]);
  }
}

function titleReferences(doc: PolicyDocument, block: Block, out: CrossReference[], taken: ReadonlyArray<[number, number]>): void {
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(block.text)) !== null) {
    const start = block.start + m.index;
    if (taken.some(([s, e]) => start < e && s < start + m![0].length)) continue;
    const before = block.text.slice(Math.max(0, m.index - 40), m.index);
    const after = block.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const intro = TITLE_INTRO.exec(before);
    if (!intro) continue;
    // "see “Privacy Shield”" names a thing; "see “Cookies” below" and "the “Cookies” section" name a section.
    if (!TITLE_OUTRO.test(after) && !/\b(?:section|heading|titled|entitled|headed)\b/i.test(intro[0])) continue;
    // "the “About Us” section of our website": a section of another page.
    if (/^\s*(?:(?:section|heading|page)\s+)?(?:of|on|in)\s+(?:our|the|their|its)\s+(?!privacy\b|policy\b|notice\b)/i.test(after)) continue;
    // “[Outside of the United States](https://…)” section: a section of another page.
    if (/\]\(|:\/\//.test(doc.text.slice(start, start + m[0].length))) continue;
    const title = m[1].trim();
    const innerStart = start + 1 + (m[1].length - m[1].trimStart().length);
    const sections = doc.allSections.filter((s) => titleMatches(title, s.title));
    const anchor = sections.length === 0 ? labelledBlock(doc, title, start) : undefined;
    out.push({
      kind: 'title',
      start,
      end: start + m[0].length,
      targets: [{ label: title, start: innerStart, end: innerStart + title.length, sections, anchor }],
    });
  }
}

/** A block other than the reference's own that opens with the title: a label line ("LAST UPDATED: …") or a table cell. */
function labelledBlock(doc: PolicyDocument, title: string, except: number): number | undefined {
  const want = normalizeTitle(title);
  if (!want) return undefined;
  for (const b of doc.blocks) {
    if (b.start <= except && except < b.end) continue;
    const head = normalizeTitle(b.text.slice(0, title.length + 8));
    if (head === want || head.startsWith(want + ' ')) return b.start;
  }
  return undefined;
}

/** A quoted title matches a heading when it has the same words, or is a whole-word part of it ("Cookies"). */
export function titleMatches(quoted: string, heading: string): boolean {
  const a = normalizeTitle(quoted).replace(/^(?:section\s+)?\d+(?:\s+\d+)*\s+/, '');
  const b = normalizeTitle(heading).replace(/^(?:section\s+)?\d+(?:\s+\d+)*\s+/, '');
  if (!a || !b) return false;
  return a === b || ` ${b} `.includes(` ${a} `);
}

/** The heading whose words overlap most with `quoted`, when the overlap is at least half. */
export function closestTitle(quoted: string, sections: readonly Section[]): Section | undefined {
  const words = new Set(normalizeTitle(quoted).split(' ').filter(Boolean));
  let best: Section | undefined;
  let bestScore = 0.5;
  for (const s of sections) {
    const other = new Set(normalizeTitle(s.title).split(' ').filter(Boolean));
    const common = [...words].filter((w) => other.has(w)).length;
    const score = common / (words.size + other.size - common || 1);
    if (score >= bestScore) {
      best = s;
      bestScore = score + 1e-9;
    }
  }
  return best;
}
