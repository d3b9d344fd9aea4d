import type { Block, BlockKind } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import { eachItem, perBlockText, perDocument } from './cache';

/** What a classifier found in one sentence, with the sentence's document offsets. */
export interface SentenceFact<T> {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  /** The sentence as masked prose (markup blanked). */
  readonly text: string;
  readonly value: T;
}

interface Relative<T> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: T;
}

/**
 * Runs `classify` on every sentence of the prose and keeps what it returns. The classification
 * is kept per block text, so while someone types only the edited block's sentences are read again;
 * the document-level list is rebuilt from the cached pieces once per version.
 */
export function sentenceFacts<T>(classify: (sentence: string, kind: BlockKind) => T | undefined): (doc: PolicyDocument) => readonly SentenceFact<T>[] {
  const perBlock = perBlockText((block): readonly Relative<T>[] => {
    const out: Relative<T>[] = [];
    for (const s of block.sentences) {
      const text = block.text.slice(s.start, s.end);
      const value = classify(text, block.kind);
      if (value !== undefined) out.push({ start: s.start, end: s.end, text, value });
    }
    return out;
  });
  return perDocument((doc) => {
    const map = perBlock(doc);
    const out: SentenceFact<T>[] = [];
    eachItem(map, (f, block) => out.push({ block, start: f.start + block.start, end: f.end + block.start, text: f.text, value: f.value }));
    return out;
  });
}

/** The 1-based line of an offset, as messages name it. */
export function lineOf(doc: PolicyDocument, offset: number): number {
  return doc.lines.lineAt(offset) + 1;
}

/** The part of a sentence before the first "but", "however" or semicolon: what a qualifier can still reach. */
export function firstClause(text: string): string {
  const m = /[;:]|\b(?:but|however|although|though|whereas)\b/i.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** Table rows as lists of cell blocks, grouped into tables: consecutive rows under one header row. */
export interface TableRows {
  readonly header: readonly Block[];
  readonly rows: ReadonlyArray<readonly Block[]>;
}

export const tables = perDocument((doc: PolicyDocument): readonly TableRows[] => {
  const out: TableRows[] = [];
  let current: { header: Block[]; rows: Block[][]; line: number } | undefined;
  let row: Block[] = [];
  let rowLine = -1;
  const closeRow = () => {
    if (row.length === 0) return;
    // The delimiter row (`| --- |`) holds no prose, so the first body row is two lines below the header.
    if (current && (rowLine === current.line + 1 || (current.rows.length === 0 && rowLine === current.line + 2))) {
      current.rows.push(row);
      current.line = rowLine;
    } else {
      if (current) out.push({ header: current.header, rows: current.rows });
      current = { header: row, rows: [], line: rowLine };
    }
    row = [];
  };
  for (const block of doc.blocks) {
    if (block.kind !== 'table-cell') continue;
    const line = doc.lines.lineAt(block.start);
    if (line !== rowLine) {
      closeRow();
      rowLine = line;
    }
    row.push(block);
  }
  closeRow();
  if (current) out.push({ header: current.header, rows: current.rows });
  return out;
});
