import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../../server/src/model/policyDocument';
import type { Section } from '../../server/src/model/sections';
import type { Block } from '../../server/src/model/blocks';

/**
 * Compact one-line renderings, so a test compares a whole outline (too few or too many lines
 * both fail) instead of poking at single fields. Line numbers are 1-based, as an editor shows them.
 */

/** One line per section, indented by nesting: `  ## 4. Cookies [L3-L9] (numbered)`. */
export function renderOutline(doc: PolicyDocument): string[] {
  const out: string[] = [];
  const visit = (s: Section, depth: number) => {
    const number = s.number ? `${s.number}. ` : '';
    const from = doc.lines.lineAt(s.headingStart) + 1;
    const to = doc.lines.lineAt(s.end) + 1;
    out.push(`${'  '.repeat(depth)}${'#'.repeat(s.level)} ${number}${s.title} [L${from}-L${to}] (${s.style})`);
    for (const child of s.children) visit(child, depth + 1);
  };
  for (const s of doc.sections) visit(s, 0);
  return out;
}

/** The headings only, as `level number title (style)`, for tests about detection rather than ranges. */
export function renderHeadings(doc: PolicyDocument): string[] {
  return doc.headings.map((h) => `${'#'.repeat(h.level)} ${h.number ? `${h.number}. ` : ''}${h.title} (${h.style})`);
}

/** One line per block: `paragraph L4: We keep your data.` with the masked text, line breaks shown as `⏎`. */
export function renderBlocks(doc: PolicyDocument): string[] {
  return doc.blocks.map((b: Block) => `${b.kind} L${doc.lines.lineAt(b.start) + 1}: ${b.text.replace(/\r?\n|\r/g, '⏎')}`);
}

/** The sentences of every block, as the document text they cover. */
export function renderSentences(doc: PolicyDocument): string[] {
  return doc.blocks.flatMap((b) => b.sentences.map((s) => doc.text.slice(s.start, s.end)));
}

/** One line per symbol, indented by nesting: `4. HOW WE USE COOKIES — Cookies and similar technologies [L3-L9]`. */
export function renderSymbols(symbols: readonly DocumentSymbol[]): string[] {
  const out: string[] = [];
  const visit = (s: DocumentSymbol, depth: number) => {
    const detail = s.detail ? ` — ${s.detail}` : '';
    out.push(`${'  '.repeat(depth)}${s.name}${detail} [L${s.range.start.line + 1}-L${s.range.end.line + 1}]`);
    for (const child of s.children ?? []) visit(child, depth + 1);
  };
  for (const s of symbols) visit(s, 0);
  return out;
}

/** `L1-L4 region` style lines, in the order the provider returned them. */
export function renderFolding(ranges: readonly FoldingRange[]): string[] {
  return ranges.map((r) => `L${r.startLine + 1}-L${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`);
}
