import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';
import { RULES } from '../../server/src/rules/registry';
import { generatePolicy, manySections, setextHeadings } from '../../bench/generate';
import type { WorkerMessage } from './worker';

/**
 * Inputs built to make parsers and regular expressions backtrack or recurse, and shapes of ordinary
 * policies that once made the server superlinear (thousands of sections, setext headings). Each is
 * analysed in a worker thread, stage by stage (the parse, the model, then each rule alone, then the
 * features), with its own small stack. The test passes when every stage has run and given what it
 * should (the outline, the diagnostics, text cut into pieces that remark reads in linear time):
 * nothing here depends on the clock. How long each takes is measured by `npm run bench`.
 */
// Outside out/test, which `node build.mjs --tests` empties, and per process, so parallel runs never share it.
const WORKER = join(process.cwd(), `out/robustness/worker-${process.pid}.js`);
// Long enough that quadratic work takes far longer than the limit while linear work stays far below it.
const N = 200_000;

// remark is read piece by piece (model/chunks.ts): where sections follow one another, no piece is much longer than one piece's size.
const PIECE_BOUND = 8192;

interface Outcome {
  readonly stages: ReadonlyArray<{ stage: string; ms: number; count: number; detail?: Readonly<Record<string, number>> }>;
}
/** What an input must give, beyond every stage running: checked on the stages' counts. */
type Expectation = (outcome: Outcome) => void;

const stageOf = (outcome: Outcome, name: string) => {
  const found = outcome.stages.find((s) => s.stage === name);
  assert.ok(found, `stage "${name}" did not run`);
  return found;
};
/** remark was given no piece longer than PIECE_BOUND characters. */
const inPieces: Expectation = (outcome) => {
  const parse = stageOf(outcome, 'parse').detail;
  assert.ok((parse?.longestPiece ?? Infinity) <= PIECE_BOUND, `a piece of ${parse?.longestPiece} characters was given to remark`);
};
/** The outline has `symbols` entries in all and the folding at least `folds` ranges, read from text cut in pieces. */
const outline = (symbols: number, folds: number): Expectation => (outcome) => {
  assert.equal(stageOf(outcome, 'document symbols').detail?.all, symbols, 'entries of the outline');
  assert.ok(stageOf(outcome, 'folding ranges').count >= folds, 'folding ranges');
  inPieces(outcome);
};
const diagnostics = (atLeast: number): Expectation => (outcome) => assert.ok(stageOf(outcome, 'diagnostics').count >= atLeast, 'diagnostics');

const onePolicyLine = () => generatePolicy({ bytes: 1024 * 1024, seed: 9, frontMatter: false }).replace(/\s+/g, ' ');
const INPUTS: ReadonlyArray<readonly [string, () => string, Expectation?]> = [
  ['a run of 200,000 spaces inside a sentence', () => `We keep${' '.repeat(N)}the the logs.`],
  ['1,000 lines of 1,000 spaces and tabs', () => `${' \t'.repeat(500)}\n`.repeat(1000)],
  ['200,000 straight double quotes', () => '"'.repeat(N)],
  ['200,000 single and curly quotes', () => "'“”’".repeat(N / 4)],
  ['200,000 opening brackets', () => '['.repeat(N)],
  ['50,000 nested bracket pairs', () => '['.repeat(50_000) + ']'.repeat(50_000)],
  ['100,000 unclosed link openings', () => '[a]('.repeat(100_000)],
  ['50,000 unclosed placeholder openings', () => '[insert '.repeat(50_000)],
  ['200,000 asterisks', () => '*'.repeat(N)],
  ['emphasis openers before 60,000 words', () => '*a **b '.repeat(30_000)],
  ['200,000 underscores', () => '_'.repeat(N)],
  ['underscore openers inside 60,000 words', () => '_a__b '.repeat(30_000)],
  ['200,000 pipes on one line', () => '|'.repeat(N)],
  ['a table of 50 rows and 400 columns', () => [`|${' a |'.repeat(400)}`, `|${' --- |'.repeat(400)}`, ...Array.from({ length: 50 }, () => `|${' x |'.repeat(400)}`)].join('\n')],
  ['200,000 backticks', () => '`'.repeat(N)],
  ['a YAML alias bomb in the front matter', () => `---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(9)}*a]\nc: [${'*b,'.repeat(9)}*b]\n---\n# Privacy Policy\n\nWe keep logs.\n`],
  ['an alias bomb nine levels deep in the front matter', () => `---\nl0: &l0 [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${`*l${i},`.repeat(9)}*l${i}]`).join('\n')}\n---\n# Privacy Policy\n`],
  ['a chain of 60,000 anchors and aliases in the front matter', () => `---\nk0: &a0 x\n${Array.from({ length: 60_000 }, (_, i) => `k${i + 1}: &a${i + 1} [*a${i}]`).join('\n')}\n---\n# Privacy Policy\n`],
  ['40,000 front matter keys (1.1 MB)', () => `---\npolicy: true\n${Array.from({ length: 40_000 }, (_, i) => `field-${i}: value ${i} here`).join('\n')}\n---\n# Privacy Policy\n\nWe keep logs.\n`],
  ['front matter of one 600 KB flow mapping', () => `---\n{${Array.from({ length: 40_000 }, (_, i) => `k${i}: v${i}`).join(', ')}}\n---\n# Privacy Policy\n`],
  ['200,000 exclamation marks inside a word', () => `Stop${'!'.repeat(N)}now`],
  ['a dotted leader of 200,000 full stops', () => `Contents${'.'.repeat(N)}3`],
  ['an unclosed comment before 1 MB of text', () => `<!-- policywright-disable\n${onePolicyLine()}`],
  ['a 1 MB policy on a single line', onePolicyLine],
  ['10,000 nested list items', () => `${'- '.repeat(10_000)}item`],
  ['10,000 nested ordered list items', () => `${'1. '.repeat(10_000)}ITEM`],
  ['10,000 nested blockquotes', () => `${'> '.repeat(10_000)}quote`],
  ['10,000 numbered upper-case heading lines', () => Array.from({ length: 10_000 }, (_, i) => `${i + 1}. SECTION ${i + 1}\n\nWe keep logs.\n`).join('\n')],
  ['60,000 Markdown headings', () => '## Heading\n'.repeat(60_000), outline(60_000, 0)],
  ['2,000 short sections (190 KB)', () => manySections(2000), (o) => (outline(2001, 2000)(o), diagnostics(200)(o))],
  ['10,000 setext headings (169 KB)', () => setextHeadings(10_000), outline(10_000, 10_000)],
  ['20,000 setext headings', () => setextHeadings(20_000), outline(20_000, 20_000)],
  ['5,000 paragraphs between thematic breaks', () => Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} of the policy.\n${i % 2 ? '***' : '---'}\n`).join('\n'), inPieces],
  ['100,000 repeated words', () => 'the '.repeat(100_000)],
  ['a 200,000-letter word', () => `AA${'a'.repeat(N)}`],
];

/** Resolves when the worker has run every stage; rejects naming the stage that threw or the worker's exit. */
function analyseInWorker(name: string, text: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // A worker's stack is 4 MB by default; the server analyses on a main thread of about 1 MB, so the worker gets that.
    const worker = new Worker(WORKER, { workerData: { text }, resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: 1 } });
    const stages: Array<Outcome['stages'][number]> = [];
    let current = 'loading the worker';
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve({ stages });
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'start') current = m.stage;
      else if (m.kind === 'end') stages.push({ stage: m.stage, ms: m.ms, count: m.count, detail: m.detail });
      else finish();
    });
    worker.on('error', (error) => finish(new Error(`${name}: stage "${current}" threw ${error.name}: ${error.message}`)));
    worker.on('exit', (code) => finish(new Error(`${name}: the worker exited with code ${code} during stage "${current}"`)));
  });
}

describe('pathological inputs', function () {
  // No time limit: an input passes by completing with the right results, not by being fast (the bench times them).
  this.timeout(0);

  before(async () => {
    // build.mjs bundles only *.test.ts files, so the worker's entry is bundled here.
    const esbuild = createRequire(join(process.cwd(), 'package.json'))('esbuild') as typeof Esbuild;
    await esbuild.build({
      entryPoints: [join(process.cwd(), 'test/robustness/worker.ts')],
      outfile: WORKER,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
  });

  after(() => rmSync(WORKER, { force: true }));

  for (const [name, make, expect] of INPUTS) {
    it(`analyses ${name} through every stage`, async () => {
      const outcome = await analyseInWorker(name, make());
      assert.deepEqual(
        outcome.stages.map((s) => s.stage).filter((s) => s.startsWith('rule ')),
        RULES.map((r) => `rule ${r.meta.id}`),
        'every rule ran',
      );
      expect?.(outcome);
    });
  }
});
