import type { Block } from '../model/blocks';
import type { Span } from '../model/maskedText';
import type { PolicyDocument } from '../model/policyDocument';
import { innermostSection, normalizeTitle, sentenceSpan } from './text';
import { tablesOfContents } from './tableOfContents';
import { perBlockText } from './cache';

/** A definition as the text writes it, before terms are gathered. */
export interface Candidate {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** `means`: "X" means …; `parenthetical`: … (the "X"); `glossary`: an entry of a definitions section, list or table. */
  readonly form: 'means' | 'parenthetical' | 'glossary';
  readonly span: Span;
  readonly meaning: string;
  readonly inGlossary: boolean;
  /** `"X" is …` at the start of a paragraph: a definition only where the term has no other. */
  readonly weak?: boolean;
}

const GLOSSARY_TITLE = /\b(?:definitions?|glossary|interpretation|key terms|(?:terms|words) we use|defined terms)\b/i;
const INTRODUCES_DEFINITIONS = /\b(?:defin\w*|the following (?:terms|meanings|words))\b/i;
const DOUBLE_QUOTED = /[“"]([^“”"\n]{1,80})[”"]/g;
const SINGLE_QUOTED = /‘([^‘’\n]{1,80})’/g;
const DEFINING_VERB = /^\s*(?:,\s*)?(?:shall\s+)?(?:means?|refers?\s+to|(?:is|are)\s+(?:defined\s+as|used\s+to\s+refer\s+to)|(?:has|have)\s+the\s+meaning)\b/i;
// In a definitions section "Account: …", "Account – …" and "Account is …" define too.
const GLOSSARY_VERB = /^\s*(?::|[-–—]\s|(?:is|are|includes?)\s)/i;
const GROUP_GAP = /^\s*(?:[,/]\s*)?(?:(?:or|and)\s+)?$/;
const PAREN_WORDS = new Set(['collectively', 'together', 'jointly', 'each', 'individually', 'hereinafter', 'hereafter', 'also', 'either', 'referred', 'to', 'as', 'known', 'herein', 'the', 'a', 'an']);
const PAREN_TAIL_WORDS = new Set(['in', 'this', 'these', 'policy', 'notice', 'statement', 'agreement', 'document', 'respectively']);

interface Quoted {
  /** Offsets of the quote marks. */
  readonly open: number;
  readonly close: number;
  readonly term?: { text: string; start: number; end: number };
}

export function definitionCandidates(doc: PolicyDocument): Candidate[] {
  const out: Candidate[] = [];
  let introducesList = false;
  let previousWasEntry = false;
  // A table of contents repeats headings; what they define, the headings' sections define.
  const contents = tablesOfContents(doc);
  const profiles = blockProfiles(doc);
  // Most policies have no definitions section: then no block needs its section looked up.
  const anyGlossary = doc.allSections.some((s) => GLOSSARY_TITLE.test(s.title));
  for (const block of doc.blocks) {
    if (contents.length > 0 && contents.some((t) => t.start <= block.start && block.start < t.end)) continue;
    const profile = profiles.get(block)!;
    const glossarySection = anyGlossary && (innermostSection(doc, block.start)?.path ?? []).some((t) => GLOSSARY_TITLE.test(t));
    const glossaryList = block.kind === 'list-item' && introducesList;
    if (block.kind === 'paragraph') introducesList = profile.introduces;
    // Pasted definitions lists lose their structure: an entry read as a heading ("Country refers to: …") keeps the list going.
    const inGlossary: boolean = glossarySection || glossaryList || previousWasEntry;
    if (block.kind === 'heading') {
      const entry: ReturnType<typeof unquotedEntry> = inGlossary ? unquotedEntry(doc, block) : undefined;
      if (entry) out.push({ ...entry, form: 'glossary', span: { start: block.start, end: block.end }, inGlossary });
      previousWasEntry = entry !== undefined;
      continue;
    }
    const before = out.length;
    if (profile.quotes.length === 0 && !inGlossary) {
      previousWasEntry = false;
      continue;
    }
    const groups = groupQuotes(block, profile.quotes.map((q) => moveQuoted(q, block.start)));
    let entryFound = false;
    for (const group of groups) {
      const after = block.text.slice(group[group.length - 1].close + 1 - block.start, group[group.length - 1].close + 81 - block.start);
      const atStart = /^\s*(?:the\s+terms?\s+)?$/i.test(block.text.slice(0, group[0].open - block.start));
      const verb = DEFINING_VERB.exec(after) ?? (inGlossary && atStart ? GLOSSARY_VERB.exec(after) : null);
      if (verb) {
        const meaningFrom = group[group.length - 1].close + 1 + verb[0].length;
        const span = inGlossary && atStart ? { start: block.start, end: block.end } : sentenceSpan(block, group[0].open);
        const meaning = meaningOf(block, meaningFrom, span.end);
        for (const q of group) if (q.term) out.push({ term: q.term.text, start: q.term.start, end: q.term.end, form: inGlossary && atStart ? 'glossary' : 'means', span, meaning, inGlossary });
        entryFound ||= atStart;
        continue;
      }
      if (atStart && /^\s*(?:is|are)\s/.test(after)) {
        const span = sentenceSpan(block, group[0].open);
        const meaning = meaningOf(block, group[group.length - 1].close + 1 + /^\s*(?:is|are)\s/.exec(after)![0].length, span.end);
        for (const q of group) if (q.term) out.push({ term: q.term.text, start: q.term.start, end: q.term.end, form: 'means', span, meaning, inGlossary, weak: true });
        continue;
      }
      const referent = parentheticalReferent(block, group);
      if (referent !== undefined) {
        const span = sentenceSpan(block, group[0].open);
        for (const q of group) if (q.term && acceptableInParentheses(q.term.text)) out.push({ term: q.term.text, start: q.term.start, end: q.term.end, form: 'parenthetical', span, meaning: referent, inGlossary });
      }
    }
    if (inGlossary && !entryFound) {
      const entry = unquotedEntry(doc, block);
      if (entry) out.push({ ...entry, form: 'glossary', span: { start: block.start, end: block.end }, inGlossary });
    }
    previousWasEntry = inGlossary && out.slice(before).some((c) => c.form === 'glossary');
  }
  out.push(...tableEntries(doc));
  return out.sort((a, b) => a.start - b.start);
}

// What a block's text alone says about definitions, kept per text: most blocks quote nothing.
const blockProfiles = perBlockText((block: Block) => ({
  quotes: quotedSpans(block),
  introduces: INTRODUCES_DEFINITIONS.test(block.text) && /:\s*$/.test(block.text),
}));

function moveQuoted(q: Quoted, by: number): Quoted {
  return { open: q.open + by, close: q.close + by, term: q.term && { text: q.term.text, start: q.term.start + by, end: q.term.end + by } };
}

function quotedSpans(block: Block): Quoted[] {
  const out: Quoted[] = [];
  for (const re of [DOUBLE_QUOTED, SINGLE_QUOTED]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block.text)) !== null) {
      const open = block.start + m.index;
      out.push({ open, close: open + m[0].length - 1, term: cleanTerm(m[1], open + 1) });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** Quoted terms standing together: “we”, “us” or “our”. */
function groupQuotes(block: Block, quotes: readonly Quoted[]): Quoted[][] {
  const groups: Quoted[][] = [];
  for (const q of quotes) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && q.open > prev.close && GROUP_GAP.test(block.text.slice(prev.close + 1 - block.start, q.open - block.start))) last.push(q);
    else groups.push([q]);
  }
  return groups;
}

/** The text a quoted term names when it stands alone in brackets after it: `Example Ltd ("Example")`. */
function parentheticalReferent(block: Block, group: readonly Quoted[]): string | undefined {
  const rel = group[0].open - block.start;
  const open = block.text.lastIndexOf('(', rel);
  if (open < 0 || rel - open > 80 || block.text.slice(open, rel).includes(')')) return undefined;
  const prefix = block.text.slice(open + 1, rel).toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (!prefix.every((w) => PAREN_WORDS.has(w))) return undefined;
  const endRel = group[group.length - 1].close + 1 - block.start;
  const closeAt = block.text.indexOf(')', endRel);
  if (closeAt < 0 || closeAt - endRel > 40) return undefined;
  const tail = block.text.slice(endRel, closeAt).toLowerCase().replace(/[,;.]/g, ' ').split(/\s+/).filter(Boolean);
  if (!tail.every((w) => PAREN_TAIL_WORDS.has(w))) return undefined;
  const before = block.text.slice(0, open).split(/[.;:!?]/).pop() ?? '';
  return normalizeTitle(before).split(' ').filter(Boolean).slice(-8).join(' ');
}

/** A term between quotes, trimmed of markup blanks, trailing punctuation and a leading article. */
function cleanTerm(inner: string, at: number): { text: string; start: number; end: number } | undefined {
  let s = 0;
  let e = inner.length;
  while (s < e && /\s/.test(inner[s])) s++;
  while (e > s && /[\s,.;:]/.test(inner[e - 1])) e--;
  const article = /^(?:the|a|an)\s+(?=\p{Lu})/iu.exec(inner.slice(s, e));
  if (article) s += article[0].length;
  const text = inner.slice(s, e).replace(/\s+/g, ' ');
  return validTerm(text) ? { text, start: at + s, end: at + e } : undefined;
}

export function validTerm(text: string): boolean {
  if (text.length < 1 || text.length > 60) return false;
  if (!/^[\p{L}\p{N}]/u.test(text) || !/\p{L}/u.test(text)) return false;
  if (/[.!?]\s|@|:\/\/|[()[\]{}<>]/.test(text)) return false;
  return text.split(' ').length <= 6;
}

/** In brackets a quoted phrase is a defined name only when it looks like one, not like an example. */
function acceptableInParentheses(term: string): boolean {
  const words = term.split(' ');
  return /^\p{Lu}/u.test(term) || words.length <= 3;
}

function meaningOf(block: Block, from: number, to: number): string {
  return normalizeTitle(block.text.slice(Math.max(0, from - block.start), Math.max(0, to - block.start))).split(' ').slice(0, 40).join(' ');
}

/** "Account means …", "**Controller**: …" at the start of an entry of a definitions section or list. */
function unquotedEntry(doc: PolicyDocument, block: Block): { term: string; start: number; end: number; meaning: string } | undefined {
  const bold = doc.text.slice(Math.max(0, block.start - 2), block.start);
  if (bold === '**' || bold === '__') {
    const close = doc.text.indexOf(bold, block.start);
    if (close < 0 || close - block.start > 80) return undefined;
    const raw = doc.text.slice(block.start, close);
    const term = cleanTerm(raw, block.start);
    if (!term) return undefined;
    const rest = block.text.slice(close + 2 - block.start);
    const verb = DEFINING_VERB.exec(rest) ?? GLOSSARY_VERB.exec(rest) ?? (/:\s*$/.test(raw) ? /^/.exec(rest) : null);
    if (!verb) return undefined;
    return { term: term.text, start: term.start, end: term.end, meaning: meaningOf(block, close + 2 + verb[0].length, block.end) };
  }
  // Plain entries as policy generators write them: "Usage Data refers to …", "Company (the "Company") means …".
  const words = [...block.text.slice(0, 120).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].slice(0, 5);
  for (let n = words.length; n >= 1; n--) {
    const lastWord = words[n - 1];
    const head = block.text.slice(0, lastWord.index + lastWord[0].length);
    if (!/^[\p{L}\p{N}'’\s-]+$/u.test(head) || !/^[\p{Lu}\p{N}]/u.test(head)) continue;
    const titleCase = words.slice(0, n).every((w) => /^[\p{Lu}\p{N}]/u.test(w[0]));
    let rest = block.text.slice(head.length);
    const paren = /^\s*\([^()\n]{0,120}\)/.exec(rest);
    if (paren) rest = rest.slice(paren[0].length);
    // "Personal data means …" is an entry; "We collect the following:" is not.
    const verb = DEFINING_VERB.exec(rest) ?? (titleCase ? GLOSSARY_VERB.exec(rest) : null);
    if (!verb || (!titleCase && n > 3)) continue;
    if (!verb) continue;
    const term = cleanTerm(head, block.start);
    const from = block.start + block.text.length - rest.length + verb[0].length;
    return term ? { term: term.text, start: term.start, end: term.end, meaning: meaningOf(block, from, block.end) } : undefined;
  }
  return undefined;
}

/** Rows of a table in a definitions section: the first cell is the term, the next one its meaning. */
function tableEntries(doc: PolicyDocument): Candidate[] {
  const out: Candidate[] = [];
  const cells = doc.blocks.filter((b) => b.kind === 'table-cell');
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!(innermostSection(doc, cell.start)?.path ?? []).some((t) => GLOSSARY_TITLE.test(t))) continue;
    const line = doc.lines.lineAt(cell.start);
    const lead = doc.text.slice(doc.lines.lineStart(line), cell.start).trim();
    if (lead !== '' && lead !== '|') continue;
    // The header row sits above the `| --- |` delimiter row.
    if (/^:?-{3,}/.test(doc.lines.lineText(line + 1).trim().replace(/^\|/, '').trimStart())) continue;
    const term = cleanTerm(cell.text.replace(/[“”"‘’]/g, ' '), cell.start);
    const next = cells[i + 1];
    if (!term || !next || doc.lines.lineAt(next.start) !== line) continue;
    out.push({ term: term.text, start: term.start, end: term.end, form: 'glossary', span: { start: cell.start, end: next.end }, meaning: normalizeTitle(next.text), inGlossary: true });
  }
  return out;
}
