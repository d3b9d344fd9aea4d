import type { PolicyDocument } from '../model/policyDocument';
import { perDocument } from './cache';
import { isCapitalised, isUpperWord, tokens, type Token } from './text';

/**
 * How the document itself writes its words where it is not shouting: "California", "Connex",
 * "Personal Information", "CCPA". Used to turn a paragraph or title in capitals back into
 * sentence case without losing the names and defined terms in it.
 */
export interface CaseMemory {
  /** Lower-case phrase of two to four words → the capitalised form the document uses. */
  readonly phrases: ReadonlyMap<string, string>;
  /** Lower-case word → its preferred form, only for words the document capitalises mid-sentence. */
  readonly words: ReadonlyMap<string, string>;
}

export const caseMemory = perDocument((doc: PolicyDocument): CaseMemory => {
  const all = tokens(doc);
  const phraseCounts = new Map<string, { form: string; n: number }>();
  const capital = new Map<string, { form: string; n: number }>();
  const lower = new Map<string, number>();
  const loud = new Map<Token['block'], boolean>();
  const shouting = (t: Token) => {
    let v = loud.get(t.block);
    if (v === undefined) loud.set(t.block, (v = t.block.kind === 'heading' || isUpperWord(t.block.text.replace(/[^\p{L}]/gu, ''))));
    return v;
  };
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (shouting(t)) continue;
    const key = t.text.toLowerCase();
    if (isUpperWord(t.text) && t.text.length >= 2) bump(capital, key, t.text);
    else if (isCapitalised(t.text) && !t.sentenceStart) bump(capital, key, t.text);
    else if (!isCapitalised(t.text)) lower.set(key, (lower.get(key) ?? 0) + 1);
    // Runs of capitalised words mid-sentence are names and defined terms: keep them whole.
    if (!t.sentenceStart && isCapitalised(t.text) && !isUpperWord(t.text)) {
      let j = i;
      while (j + 1 < all.length && j - i < 3 && all[j + 1].block === t.block && isCapitalised(all[j + 1].text) && !isUpperWord(all[j + 1].text) && /^\s+$/.test(t.block.text.slice(all[j].end - t.block.start, all[j + 1].start - t.block.start))) j++;
      if (j > i) {
        const words = all.slice(i, j + 1).map((x) => x.text);
        bump(phraseCounts, words.join(' ').toLowerCase(), words.join(' '));
      }
    }
  }
  const phrases = new Map<string, string>();
  for (const [k, v] of phraseCounts) if (v.n >= 2) phrases.set(k, v.form);
  const words = new Map<string, string>();
  for (const [k, v] of capital) if (v.n > (lower.get(k) ?? 0)) words.set(k, v.form);
  return { phrases, words };
});

function bump(map: Map<string, { form: string; n: number }>, key: string, form: string): void {
  const entry = map.get(key);
  if (entry) entry.n++;
  else map.set(key, { form, n: 1 });
}

/**
 * Sentence case for text written in capitals: lower case, a capital at the start of each
 * sentence, and the document's own capitals for names, defined terms and abbreviations.
 */
export function sentenceCase(text: string, memory: CaseMemory): string {
  const lowered = text.toLowerCase();
  const out = lowered.split('');
  const spans: Array<{ start: number; end: number; form: string }> = [];
  const matches = [...lowered.matchAll(/[\p{L}\p{N}]+/gu)];
  for (let i = 0; i < matches.length; ) {
    let used = 1;
    for (let n = Math.min(4, matches.length - i); n >= 2; n--) {
      const run = matches.slice(i, i + n);
      if (run.slice(1).some((m, k) => !/^\s+$/.test(lowered.slice(run[k].index + run[k][0].length, m.index)))) continue;
      const form = memory.phrases.get(run.map((m) => m[0]).join(' '));
      if (form) {
        const end = run[n - 1].index + run[n - 1][0].length;
        spans.push({ start: run[0].index, end, form: applyWords(lowered.slice(run[0].index, end), form) });
        used = n;
        break;
      }
    }
    if (used === 1) {
      const m = matches[i];
      const form = m[0] === 'i' ? 'I' : memory.words.get(m[0]);
      if (form) spans.push({ start: m.index, end: m.index + m[0].length, form });
    }
    i += used;
  }
  for (const s of spans) for (let k = 0; k < s.form.length; k++) out[s.start + k] = s.form[k];
  // A capital where each sentence starts, and at the very start.
  let capitalise = true;
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (/[\p{L}\p{N}]/u.test(c)) {
      if (capitalise) out[k] = c.toUpperCase();
      capitalise = false;
    } else if (/[.!?]/.test(c)) capitalise = true;
  }
  return out.join('');
}

/** `form`'s letters laid over the same words as found in `text`, keeping `text`'s spacing. */
function applyWords(text: string, form: string): string {
  const words = form.split(' ');
  let k = 0;
  return text.replace(/[\p{L}\p{N}]+/gu, (w) => (words[k] && words[k].length === w.length ? words[k++] : (k++, w)));
}
