import { MarkupKind, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { symbolAt } from '../facts/navigation';
import { MIN_GRADED_WORDS, sectionReadability } from '../facts/readability';
import { DEFAULT_DRAFTING, type DraftingOptions } from '../facts/options';

const MAX_QUOTE = 400;

/**
 * On a defined term: its definition, where it is, and how often the term is used. On a
 * reference: the section it leads to. On a heading: the section's Flesch–Kincaid grade.
 */
export function provideDraftingHover(doc: PolicyDocument, position: Position, drafting: DraftingOptions = DEFAULT_DRAFTING): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const symbol = symbolAt(doc, offset);
  if (!symbol) return null;
  const line = (o: number) => doc.lines.lineAt(o) + 1;
  const md = (value: string, start: number, end: number): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: doc.lines.range(start, end) });
  switch (symbol.kind) {
    case 'term': {
      const { term, occurrence } = symbol;
      const parts = [`**${term.name}** — defined term, used ${term.uses.filter((u) => !u.definition).length} times`];
      for (const d of term.definitions) {
        const text = doc.text.slice(d.span.start, d.span.end).replace(/\s+/g, ' ').trim();
        parts.push('', `> ${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text}`, '', `Line ${line(d.start)}`);
      }
      return md(parts.join('\n'), occurrence.start, occurrence.end);
    }
    case 'reference':
    case 'contents': {
      const range = symbol.kind === 'reference' ? symbol.reference : symbol.entry;
      const d = symbol.destinations[0];
      if (!d) return null;
      const title = d.section ? `${d.section.number ? `${d.section.number}. ` : ''}${d.section.title}` : doc.lines.lineText(doc.lines.lineAt(d.start)).trim();
      return md(`Leads to **${title}** (line ${line(d.start)})`, range.start, range.end);
    }
    case 'heading': {
      const r = sectionReadability(doc).get(symbol.section);
      if (!r || r.words === 0) return null;
      const limit = drafting.maxReadingGrade;
      const verdict = r.words < MIN_GRADED_WORDS ? `too short to grade reliably (under ${MIN_GRADED_WORDS} words)` : r.grade > limit ? `above the threshold of ${limit}` : `within the threshold of ${limit}`;
      const value = `**Reading grade ${r.grade.toFixed(1)}** (Flesch–Kincaid), ${verdict}\n\n${r.words} words in ${r.sentences} sentences, ${(r.words / Math.max(1, r.sentences)).toFixed(1)} words per sentence, ${(r.syllables / r.words).toFixed(2)} syllables per word`;
      return md(value, symbol.section.headingStart, symbol.section.headingEnd);
    }
  }
}

/** Both hovers in one: the existing one first, this one below a rule; the range of the first that has one. */
export function mergeHovers(first: Hover | null, second: Hover | null): Hover | null {
  if (!first) return second;
  if (!second) return first;
  const text = (h: Hover) => (typeof h.contents === 'object' && 'kind' in h.contents ? (h.contents as MarkupContent).value : '');
  return { contents: { kind: MarkupKind.Markdown, value: `${text(first)}\n\n---\n\n${text(second)}` }, range: first.range ?? second.range };
}
