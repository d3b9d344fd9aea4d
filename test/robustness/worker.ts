/**
 * Runs the whole analysis of one text in a worker thread, announcing each stage before it starts,
 * so the test that owns the worker can stop it when a stage runs past its time limit and say which
 * stage it was. pathological.test.ts bundles this file on the fly into out/robustness/.
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

export type WorkerMessage =
  | { readonly kind: 'start'; readonly stage: string }
  | { readonly kind: 'end'; readonly stage: string; readonly ms: number; readonly count: number }
  | { readonly kind: 'done' };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { text } = workerData as { text: string };
const today = new Date(Date.UTC(2026, 0, 15));

function stage<T>(name: string, fn: () => T, count: (result: T) => number): T {
  port!.postMessage({ kind: 'start', stage: name } satisfies WorkerMessage);
  const start = performance.now();
  const result = fn();
  port!.postMessage({ kind: 'end', stage: name, ms: performance.now() - start, count: count(result) } satisfies WorkerMessage);
  return result;
}

// The server's parse (remark in pieces, with its guards) alone first, so a slow stage says whether it is the parse or the model's own work.
stage('parse', () => parseChunks(text), (chunks) => chunks.length);
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
stage('document symbols', () => provideDocumentSymbols(doc), (s) => s.length);
stage('folding ranges', () => provideFoldingRanges(doc), (f) => f.length);
stage('hover', () => provideHover(doc, findings, doc.lines.positionAt(text.length >> 1)), (h) => (h ? 1 : 0));
port.postMessage({ kind: 'done' } satisfies WorkerMessage);
