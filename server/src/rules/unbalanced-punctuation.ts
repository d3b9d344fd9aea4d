import type { Fix, Rule } from './rule';
import type { Block } from '../model/blocks';
import { perBlockText } from '../facts/cache';

interface Open {
  readonly ch: string;
  /** Document offset. */
  readonly at: number;
  /** How many brackets were open when it opened. */
  readonly depth: number;
}

export interface Imbalance {
  readonly at: number;
  readonly ch: string;
  readonly kind: 'unclosed' | 'unopened' | 'misdirected';
  /** Where the missing closing mark most likely belongs. */
  readonly closeAt?: number;
}

const MAX_PER_BLOCK = 10;
const MARKS = /[()[\]“”„"]/;

// Kept per block text (offsets from the block's start): while someone types, one block is read again.
const imbalancesPerBlock = perBlockText((block: Block) => (MARKS.test(block.text) ? imbalances(block) : []));
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '“': '”', '„': '“', '"': '"' };
// "a) first", "iv) fourth", "2) second": enumerators that close nothing.
const ENUMERATOR = /(?:^|[\s(])(?:[a-zA-Z]|[ivxlcIVXLC]{1,4}|\d{1,3})$/;

/** The brackets and double quotes of one prose block that have no partner. */
export function imbalances(block: Block): Imbalance[] {
  const out: Imbalance[] = [];
  const text = block.text;
  const brackets: Open[] = [];
  const quotes: Open[] = [];
  const curlyOpens = text.includes('“');
  const before = (i: number) => {
    // Close before the white space that precedes the mark.
    let k = i;
    while (k > 0 && /\s/.test(text[k - 1])) k--;
    return block.start + k;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = quotes[quotes.length - 1];
    if (c === '(' || c === '[') {
      // ":(" is a face, not an aside.
      if (c === '(' && (text[i - 1] === ':' || text[i - 1] === ';')) continue;
      brackets.push({ ch: c, at: block.start + i, depth: brackets.length });
    } else if (c === ')' || c === ']') {
      const bracket = brackets[brackets.length - 1];
      if (!bracket && (ENUMERATOR.test(text.slice(Math.max(0, i - 5), i)) || text[i - 1] === ':' || text[i - 1] === ';')) continue;
      // A quote opened inside these brackets must close before them: (“Example Ltd)
      while (quotes.length > 0 && quotes[quotes.length - 1].depth >= brackets.length && brackets.length > 0) {
        const q = quotes.pop()!;
        out.push({ at: q.at, ch: q.ch, kind: 'unclosed', closeAt: before(i) });
      }
      if (bracket && CLOSING[bracket.ch] === c) brackets.pop();
      else out.push({ at: block.start + i, ch: c, kind: 'unopened' });
    } else if (c === '„') {
      quotes.push({ ch: c, at: block.start + i, depth: brackets.length });
    } else if (c === '“' && closesHere(text, i)) {
      // “Personal Information“ is a slip; „Übersetzen“ is German and right.
      if (!top || top.ch === '“') out.push({ at: block.start + i, ch: c, kind: 'misdirected' });
      if (top) quotes.pop();
    } else if (c === '“') {
      if (top && top.ch === '“' && top.depth === brackets.length) {
        quotes.pop();
        out.push({ at: top.at, ch: top.ch, kind: 'unclosed', closeAt: before(i) });
      }
      quotes.push({ ch: c, at: block.start + i, depth: brackets.length });
    } else if (c === '”' && opensHere(text, i) && !(top && closesHere(text, i))) {
      // ”Like“: an opening mark turned round.
      out.push({ at: block.start + i, ch: c, kind: 'misdirected' });
      quotes.push({ ch: '“', at: block.start + i, depth: brackets.length });
    } else if (c === '”') {
      if (top) quotes.pop();
      else if (curlyOpens) out.push({ at: block.start + i, ch: c, kind: 'unopened' });
    } else if (c === '"') {
      if (top && (top.ch === '"' || closesHere(text, i))) quotes.pop();
      else quotes.push({ ch: c, at: block.start + i, depth: brackets.length });
    }
  }
  for (const q of [...quotes, ...brackets]) {
    // (an “Authorized Agent” may …: the bracket held the defined term.
    const term = q.ch === '(' ? /^\(\s*(?:(?:the|a|an|collectively|together)\s+)?[“"][^“”"\n]{1,60}[”"]/i.exec(text.slice(q.at - block.start)) : null;
    out.push({ at: q.at, ch: q.ch, kind: 'unclosed', closeAt: term ? q.at + term[0].length : sentenceEnd(block, q.at) });
  }
  return out.sort((a, b) => a.at - b.at);
}

const LETTER = /[\p{L}\p{N}]/u;

const MARK_NAMES: Record<string, string> = { '(': 'opening parenthesis', ')': 'closing parenthesis', '[': 'opening bracket', ']': 'closing bracket', '“': 'opening quotation mark', '”': 'closing quotation mark', '„': 'low opening quotation mark', '"': 'straight quotation mark' };

/** A mark named and shown in single quotes (a quotation mark in “…” would be unreadable), for the Problems panel, which shows no Markdown. */
function mark(ch: string): string {
  return `the ${MARK_NAMES[ch] ?? 'mark'} ‘${ch}’`;
}

function upperFirst(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
/** A mark between a word and a space or punctuation closes: `word“ ` */
function closesHere(text: string, i: number): boolean {
  return i > 0 && /[\p{L}\p{N}.,!?]/u.test(text[i - 1]) && (i + 1 >= text.length || !LETTER.test(text[i + 1]));
}
/** A mark between a space and a word opens: ` ”word` */
function opensHere(text: string, i: number): boolean {
  return (i === 0 || /[\s(\[]/.test(text[i - 1])) && i + 1 < text.length && LETTER.test(text[i + 1]);
}

/** The end of the sentence around `offset`, before its final punctuation. */
function sentenceEnd(block: Block, offset: number): number {
  const s = block.sentences.find((x) => x.start <= offset && offset < x.end) ?? { start: block.start, end: block.end };
  let end = s.end;
  while (end > offset + 1 && /[\s.,;:!?]/.test(block.text[end - 1 - block.start])) end--;
  return end;
}

export const unbalancedPunctuation: Rule = {
  meta: {
    id: 'unbalanced-punctuation',
    description: 'Finds brackets and double quotation marks that are opened and never closed, or closed and never opened',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation:
      'An unclosed bracket or quotation mark makes it unclear where a defined term or an aside ends, as in (“Example” “Example Ltd)). It is usually what remains of an edit.',
  },
  check(ctx) {
    const found = imbalancesPerBlock(ctx.doc);
    for (const block of ctx.doc.blocks) {
      const relative = found.get(block) ?? [];
      // A paragraph of stray marks is one problem, not a hundred.
      for (const r of relative.slice(0, MAX_PER_BLOCK)) {
        const p = { ...r, at: r.at + block.start, closeAt: r.closeAt === undefined ? undefined : r.closeAt + block.start };
        if (p.kind === 'misdirected') {
          const right = p.ch === '“' ? '”' : '“';
          ctx.report({
            start: p.at,
            end: p.at + 1,
            message: `${upperFirst(mark(p.ch))} points the wrong way for where it stands: write ${mark(right)}`,
            fixes: [{ title: `Write ${right}`, edits: [{ start: p.at, end: p.at + 1, newText: right }] }],
          });
          continue;
        }
        const close = CLOSING[p.ch];
        const fixes: Fix[] = [];
        if (p.kind === 'unclosed' && close && p.closeAt !== undefined && p.closeAt > p.at) {
          const after = ctx.doc.text.slice(Math.max(p.at + 1, p.closeAt - 20), p.closeAt).trim();
          fixes.push({ title: `Close it: insert ${close} after "${after}"`, edits: [{ start: p.closeAt, end: p.closeAt, newText: close }] });
        }
        fixes.push({ title: `Delete the ${p.kind === 'unclosed' ? 'unclosed' : 'unmatched'} ${p.ch}`, edits: [{ start: p.at, end: p.at + 1, newText: '' }] });
        // An unclosed mark is reported with the text it leaves open, up to where it should close.
        const end = p.kind === 'unclosed' && p.closeAt !== undefined && p.closeAt > p.at ? Math.min(p.closeAt + 1, block.end) : p.at + 1;
        ctx.report({
          start: p.at,
          end,
          message: p.kind === 'unclosed' ? `${upperFirst(mark(p.ch))} is never closed: add ${mark(close)} where the quotation or aside ends` : `${upperFirst(mark(p.ch))} closes nothing: delete it or add the opening mark`,
          fixes,
        });
      }
    }
  },
};
