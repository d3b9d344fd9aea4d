import type { ReportedFinding } from '../rules/engine';

/** One checked file's findings with 1-based line and column, as the text, JSON and SARIF outputs print them. */
export interface FileReport {
  readonly path: string;
  readonly findings: ReadonlyArray<ReportedFinding & { line: number; column: number; endLine: number; endColumn: number }>;
}

/** Where the command line reads and writes: the process's, or a test's. */
export interface CliIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readonly today?: Date;
}
