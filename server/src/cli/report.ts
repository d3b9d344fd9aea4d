import type { ReportedFinding } from '../rules/engine';

/** One checked file's findings with 1-based line and column, as the text, JSON and SARIF outputs print them. */
export interface FileReport {
  readonly path: string;
  readonly findings: ReadonlyArray<ReportedFinding & { line: number; column: number; endLine: number; endColumn: number }>;
}
