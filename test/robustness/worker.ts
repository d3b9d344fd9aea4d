/**
 * Runs the whole analysis of one text in a worker thread, announcing each stage before it starts
 * and what it produced when it ends, so the test that owns the worker can say which stage threw
 * and check what each stage gave. pathological.test.ts bundles this file on the fly into out/robustness/.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';
import { parseChunks } from '../../server/src/model/chunks';
import { RULES } from '../../server/src/rules/registry';
import { ruleInputs, runRules } from '../../server/src/rules/engine';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { provideHover } from '../../server/src/features/hover';
import type { DocumentSymbol } from 'vscode-languageserver-types';

export type WorkerMessage =
  | { readonly kind: 'start'; readonly stage: string }
  | { readonly kind: 'end'; readonly stage: string; readonly ms: number; readonly count: number; readonly detail?: Readonly<Record<string, number>> }
  | { readonly kind: 'done' };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { text } = workerData as { text: string };
const today = new Date(Date.UTC(2026, 0, 15));

function stage<T>(name: string, fn: () => T, count: (result: T) => number, detail?: (result: T) => Record<string, number>): T {
  port!.postMessage({ kind: 'start', stage: name } satisfies WorkerMessage);
  const start = performance.now();
  const result = fn();
  port!.postMessage({ kind: 'end', stage: name, ms: performance.now() - start, count: count(result), detail: detail?.(result) } satisfies WorkerMessage);
  return result;
}

const countSymbols = (symbols: readonly DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);

// The server's parse (remark in pieces, with its guards) alone first, so a failing stage says whether it is the parse or the model's own work.
// The longest piece given to remark is the work the parse may grow faster than linearly with.
stage('parse', () => parseChunks(text), (chunks) => chunks.length, (chunks) => {
  const sources = new Set(chunks.map((c) => c.src));
  let longestPiece = 0;
  for (const src of sources) longestPiece = Math.max(longestPiece, src.length);
  return { pieces: sources.size, longestPiece };
});
const doc = stage('model', () => buildPolicyDocument('file:///pathological/privacy-policy.md', 1, text), (d) => d.blocks.length);
for (const rule of RULES) {
  stage(`rule ${rule.meta.id}`, () => {
    let found = 0;
    rule.check({ doc, ...ruleInputs(doc), today, report: () => found++ });
    return found;
  }, (n) => n);
}
const findings = stage('engine (all rules, suppressions)', () => runRules(doc, { today, onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } }), (f) => f.length);
stage('diagnostics', () => toDiagnostics(doc, findings), (d) => d.length);
stage('document symbols', () => provideDocumentSymbols(doc), (s) => s.length, (s) => ({ all: countSymbols(s) }));
stage('folding ranges', () => provideFoldingRanges(doc), (f) => f.length);
stage('hover', () => provideHover(doc, findings, doc.lines.positionAt(text.length >> 1)), (h) => (h ? 1 : 0));
port.postMessage({ kind: 'done' } satisfies WorkerMessage);
