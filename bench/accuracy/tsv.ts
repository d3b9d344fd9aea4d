/** The small tab-separated tables of bench/accuracy: `#` lines are comments, the first other line names the columns. */
import { readFileSync } from 'node:fs';

export type Row = Readonly<Record<string, string>>;

export function readTsv(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  if (lines.length === 0) return [];
  const columns = lines[0].split('\t');
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length < columns.length - 1) throw new Error(`${path}: row ${i + 2} has ${cells.length} cells, expected ${columns.length}: ${line}`);
    return Object.freeze(Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()])));
  });
}

/** Words as the noise script counts them: runs of letters and digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

export const pct = (x: number): string => (Number.isNaN(x) ? '   – ' : x.toFixed(2).padStart(5));

export function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
  const recall = tp + fn === 0 ? NaN : tp / (tp + fn);
  const f = tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: f };
}

/** One line of text, shortened for a report. */
export function clip(text: string, max = 320): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
