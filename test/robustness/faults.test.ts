import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/rule';
import { AnalysisCache } from '../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideHover } from '../../server/src/features/hover';
import { generatePolicy } from '../../bench/generate';

const POLICY = generatePolicy({ bytes: 20_000, seed: 3 }) + '\nWe follow the Data Protection Act 1998 and the the [COMPANY NAME] rules.\n';

describe('faults stay local', () => {
  const broken: Rule = {
    meta: { id: 'broken-rule', description: 'Always throws', defaultSeverity: 'error', tags: [], explanation: 'Test rule.' },
    check() {
      throw new Error('boom');
    },
  };

  it('skips a rule that throws, tells once, and still reports the other rules', () => {
    const doc = buildPolicyDocument('file:///w/privacy.md', 1, POLICY);
    const told: string[] = [];
    const findings = runRules(doc, { onRuleError: (id) => told.push(id) }, [broken, ...RULES]);
    assert.deepEqual(told, ['broken-rule']);
    assert.ok(findings.some((f) => f.ruleId === 'outdated-legal-reference'));
    assert.ok(findings.some((f) => f.ruleId === 'unfilled-placeholder'));
    assert.ok(!findings.some((f) => f.ruleId === 'broken-rule'));
  });
});

describe('size limit', () => {
  it('reads only the outline above the limit and says so once, on the first line', () => {
    const cache = new AnalysisCache();
    const big = '# Privacy Policy\n\n' + 'We keep the the records. '.repeat(1000) + '\n\n## Contact\n\nWrite to us.\n';
    const { doc, findings } = cache.analyse('file:///w/privacy.md', 1, big, { ...DEFAULT_SETTINGS, maxFileSize: 10_000 });
    assert.equal(doc.structureOnly, true);
    assert.deepEqual(doc.allSections.map((s) => s.title), ['Privacy Policy', 'Contact']);
    assert.deepEqual(findings.map((f) => [f.ruleId, doc.lines.positionAt(f.start).line]), [['analysis-limited', 0]]);
    const full = cache.analyse('file:///w/privacy.md', 2, big + ' ', DEFAULT_SETTINGS);
    assert.equal(full.doc.structureOnly, false);
    assert.ok(full.findings.some((f) => f.ruleId === 'doubled-word'));
  });
});

describe('local only', () => {
  it('opens no network connection and looks up no host while analysing a policy', () => {
    const calls: string[] = [];
    const restore: Array<() => void> = [];
    const trap = (target: object, name: string) => {
      const owner = target as Record<string, unknown>;
      const original = owner[name];
      owner[name] = (...args: unknown[]) => {
        calls.push(name);
        return (original as (...a: unknown[]) => unknown).apply(target, args);
      };
      restore.push(() => (owner[name] = original));
    };
    // The modules themselves (not a bundler's read-only namespace copies), so the traps are what the code would call.
    const load = createRequire(__filename);
    trap(load('node:net').Socket.prototype, 'connect');
    trap(load('node:http'), 'request');
    trap(load('node:https'), 'request');
    trap(load('node:dns'), 'lookup');
    try {
      const doc = buildPolicyDocument('file:///w/privacy.md', 1, POLICY);
      const findings = runRules(doc);
      toDiagnostics(doc, findings);
      provideDocumentSymbols(doc);
      provideHover(doc, findings, doc.lines.positionAt(POLICY.length - 20));
    } finally {
      for (const r of restore) r();
    }
    assert.deepEqual(calls, []);
  });
});

describe('process hygiene', () => {
  it('exits when the client process it was started for goes away', async function () {
    this.timeout(20_000);
    // A stand-in client that lives for a moment; the server is told its process id.
    const client = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    const server = spawn(process.execPath, [join(process.cwd(), 'dist/server.js'), '--stdio', `--clientProcessId=${client.pid}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: client.pid, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const code = await new Promise<number | null>((resolve, reject) => {
      const deadline = setTimeout(() => {
        server.kill();
        reject(new Error('the server was still running 15 s after its client exited'));
      }, 15_000);
      server.on('exit', (c) => {
        clearTimeout(deadline);
        resolve(c);
      });
    });
    assert.notEqual(code, null);
  });
});
