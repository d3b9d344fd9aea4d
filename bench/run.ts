/**
 * `npm run bench`: prints a table of figures for issue 6 (speed). Not a test: nothing here fails,
 * the targets are printed next to the figures so a reader can compare.
 *
 * Options: `--runs=N` samples for the 53 KB policy (default 30), `--big-runs=N` for the 1 MB one
 * (default 5), `--edits=N` typing edits (default 200: enough for a steady 95th percentile), `--memory-only` just the memory figure,
 * `--shapes-only` just the server-against-CLI rows (many sections, setext headings, huge front matter; `--shape-runs=N`, default 3),
 * `--load-only` just the memory under load (200 policies, 2,000 changes; bench/serverLoad.ts). The memory figures are
 * taken from the packaged server in its own process (bench/serverMemory.ts, bench/serverLoad.ts).
 */
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { generatePolicy, hugeFrontMatter, manySections, policy1m, policy53k, setextHeadings, utf8Length, Rng } from './generate';
import { buildPolicyDocument, type PolicyDocument } from '../server/src/model/policyDocument';
import { parseMarkdown } from '../server/src/model/parse';
import { ruleInputs, runRules } from '../server/src/rules/engine';
import { RULES } from '../server/src/rules/registry';
import { readSuppressions } from '../server/src/rules/suppressions';
import { AnalysisCache } from '../server/src/analysis';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../server/src/features/folding';
import { provideHover } from '../server/src/features/hover';
import { provideCompletionItems } from '../server/src/features/completion';
import { builtInLibrary } from '../server/src/catalog/clauseLibrary';
import { serverMemory, type ServerMemory } from './serverMemory';
import { cliCheckTime, nodeStartTime, serverDiagnosticsTime, serverUnderLoad, type ServerLoad } from './serverLoad';
import { lint as markdownlint } from 'markdownlint/sync';

const TODAY = new Date(Date.UTC(2026, 0, 15));
const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit ? Number(hit.split('=')[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

interface Stats {
  readonly first: number;
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { first: samples[0], median: at(0.5), p95: at(0.95), runs: samples.length };
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Times each function `runs` times, interleaved, so a load spike on the machine hits all of them alike. */
function interleaved(runs: number, fns: Record<string, () => unknown>): Record<string, Stats> {
  const samples: Record<string, number[]> = {};
  for (const name of Object.keys(fns)) samples[name] = [];
  for (let i = 0; i < runs; i++) for (const [name, fn] of Object.entries(fns)) samples[name].push(time(fn));
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}

const bareProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const bareParse = (text: string) => bareProcessor.parse(text);
const fullAnalysis = (text: string) => runRules(buildPolicyDocument('file:///bench/privacy-policy.md', 1, text), { today: TODAY });
// markdownlint with its default rules, on the same string: the prose linter a drafter might run instead.
const lintMarkdown = (text: string) => markdownlint({ strings: { policy: text } });

/**
 * The model and each rule, cold: every run builds the model anew (under a new name, so no earlier
 * version's per-block results are reused) and runs the rules on it in the engine's order. What
 * several rules share (tokens, defined terms, the compliance status) is paid by the first that asks.
 * Only public entry points are timed, so the benchmark survives changes inside the model.
 */
function breakdown(text: string, runs: number): Array<[string, Stats]> {
  const samples = new Map<string, number[]>();
  const add = (name: string, ms: number) => {
    const list = samples.get(name);
    if (list) list.push(ms);
    else samples.set(name, [ms]);
  };
  for (let r = 0; r < runs; r++) {
    add('model: remark parse (server processor)', time(() => parseMarkdown(text)));
    let doc: PolicyDocument | undefined;
    add('model: buildPolicyDocument (whole, parse included)', time(() => (doc = buildPolicyDocument(`file:///bench/breakdown-${r}.md`, 1, text))));
    const built = doc!;
    add('engine: suppressions', time(() => readSuppressions(built)));
    const inputs = ruleInputs(built);
    for (const rule of RULES) add(`rule: ${rule.meta.id}`, time(() => rule.check({ doc: built, ...inputs, today: TODAY, report: () => undefined })));
  }
  return [...samples].map(([name, v]) => [name, stats(v)]);
}

/** Types one character at a time at a few places in the prose, as the server sees it: a new version, then diagnostics. */
function typing(text: string, edits: number): Stats {
  const rng = new Rng(7);
  const cache = new AnalysisCache();
  const uri = 'file:///bench/privacy-policy.md';
  let current = text;
  let version = 1;
  cache.analyse(uri, version, current, DEFAULT_SETTINGS, TODAY);
  const bodyStart = current.indexOf('# Privacy Notice');
  let cursor = 0;
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    if (i % 8 === 0) {
      // A new place: just after a space in the body, so the edit lands in a word as typing does.
      cursor = current.indexOf(' ', rng.int(bodyStart, current.length - 2)) + 1 || bodyStart;
    }
    current = current.slice(0, cursor) + 'e' + current.slice(cursor);
    cursor++;
    version++;
    const start = performance.now();
    const { doc, findings } = cache.analyse(uri, version, current, DEFAULT_SETTINGS, TODAY);
    toDiagnostics(doc, findings);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

function features(doc: PolicyDocument, runs: number): Record<string, Stats> {
  const findings = runRules(doc, { today: TODAY });
  const target = findings[Math.floor(findings.length / 2)] ?? { start: 0 };
  const position = doc.lines.positionAt(target.start);
  const library = builtInLibrary();
  // Where a drafter asks for completions: an empty line in the body, the end of a heading, a front-matter key.
  const emptyLine = doc.lines.positionAt(doc.text.indexOf('\n\n', doc.text.length >> 1) + 1);
  const headingEnd = doc.lines.positionAt(doc.headings[doc.headings.length >> 1]?.end ?? 0);
  const frontMatterKey = { line: 1, character: 3 };
  return interleaved(runs, {
    'completion: "/" on an empty line': () => provideCompletionItems(doc, emptyLine, library, { triggerKind: 2, triggerCharacter: '/', today: TODAY }),
    'completion: invoked at a heading end': () => provideCompletionItems(doc, headingEnd, library, { today: TODAY }),
    'completion: invoked on a front-matter key': () => provideCompletionItems(doc, frontMatterKey, library, { today: TODAY }),
    'document symbols': () => provideDocumentSymbols(doc),
    'folding ranges': () => provideFoldingRanges(doc),
    'diagnostics from findings': () => toDiagnostics(doc, findings),
    'hover on a finding': () => provideHover(doc, findings, position),
  });
}

/** The server as packaged (minified, no source maps), written where the memory probe can start it. */
async function packagedServer(entry = 'server/src/main.ts', file = 'out/bench-server.js'): Promise<{ bytes: number; file: string } | undefined> {
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node18',
      minify: true, outfile: file, mainFields: ['module', 'main'], logLevel: 'silent',
    });
    return { bytes: statSync(file).size, file };
  } catch {
    return undefined;
  }
}
const packagedCli = () => packagedServer('server/src/cli/main.ts', 'out/bench-cli.js');

/** Inputs whose shape once made the server far slower than the command line (issue 13): the same text through both. */
// The huge front matter is timed once: it took tens of seconds through both before its front matter was capped.
const SHAPES: ReadonlyArray<readonly [string, () => string, number?]> = [
  ['many sections: 2,000 short sections', () => manySections(2000)],
  ['setext headings: 10,000', () => setextHeadings(10_000)],
  ['huge front matter: 40,000 keys', () => hugeFrontMatter(40_000), 1],
];

interface ShapeRow {
  readonly name: string;
  readonly bytes: number;
  readonly server: Stats;
  readonly cli: Stats;
}

/** For each shape: from `didOpen` to published diagnostics in a started server, and the command-line check of the same file. */
async function shapes(runs: number): Promise<{ rows: ShapeRow[]; nodeStart: number } | undefined> {
  const server = await packagedServer();
  const cli = await packagedCli();
  if (!server || !cli) return undefined;
  const rows: ShapeRow[] = [];
  for (const [name, make, most] of SHAPES) {
    const text = make();
    const s: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < Math.min(runs, most ?? runs); i++) {
      s.push(await serverDiagnosticsTime(server.file, text));
      c.push(cliCheckTime(cli.file, text));
    }
    rows.push({ name, bytes: utf8Length(text), server: stats(s), cli: stats(c) });
  }
  return { rows, nodeStart: stats(Array.from({ length: 5 }, () => nodeStartTime())).median };
}

function printShapes(result: Awaited<ReturnType<typeof shapes>>): void {
  if (!result) return console.log('Server against the command line: not measured (needs esbuild).');
  console.log(`Server against the command line on the same text (server: didOpen to published diagnostics over stdio, started beforehand; command line: \`check\` of the file, start-up included, node alone starts in ${ms(result.nodeStart)} ms):`);
  console.log(row(['input', 'size', 'server median', 'server p95', 'CLI median', 'server / CLI', 'target', 'meets']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
  for (const r of result.rows) {
    const ratio = r.server.median / r.cli.median;
    const target = r.name.startsWith('many sections') ? '≤ 1.5 × CLI' : '';
    console.log(row([r.name, `${(r.bytes / 1024).toFixed(0)} KB`, ms(r.server.median), ms(r.server.p95), ms(r.cli.median), ratio.toFixed(2), target, target ? yes(ratio <= 1.5) : '']));
  }
  console.log('');
}

/** 200 policies of about 24 KB each, all different (seeded). */
const loadPolicies = () => Array.from({ length: 200 }, (_, i) => generatePolicy({ bytes: 24 * 1024, seed: 100 + i }));

function printLoad(load: ServerLoad | undefined): void {
  if (!load) return console.log('Memory under load: not measured (needs Linux /proc and esbuild).');
  console.log(
    `Memory under load, packaged server over stdio (/proc VmRSS): ${load.documents} policies of 24 KB open ${mb(load.opened)} MB; ` +
      `after a burst of ${load.changes.toLocaleString('en')} changes ${mb(load.burst)} MB; idle ${load.quietMs / 1000} s later ${mb(load.idle)} MB; ` +
      `all closed, ${load.quietMs / 1000} s later ${mb(load.closed)} MB; peak ${mb(load.peak)} MB. ` +
      `Idle and closed documents give back their analyses (idle below half the burst, closed below the open figure): ${yes(load.idle < load.burst / 2 && load.closed < load.opened)}`,
  );
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

function printMemory(memory: ServerMemory | undefined): void {
  if (!memory) return console.log('Resident memory: not measured (needs Linux /proc and esbuild).');
  console.log(
    `Resident memory of the packaged server over stdio (/proc VmRSS): ${mb(memory.idle)} MB started; with the 1 MB policy open ${mb(memory.open)} MB as its diagnostics are published, ` +
      `${mb(memory.settled)} MB settled (15 s later); ${mb(memory.typed)} MB after 20 edits, ${mb(memory.typedSettled)} MB settled; peak ${mb(memory.peak)} MB. ` +
      `Target ≤ 150 MB with the policy open (settled, before and after typing): ${yes(Math.max(memory.settled, memory.typedSettled) <= 150 * 1024 * 1024)}`,
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--memory-only')) {
    const server = await packagedServer();
    return printMemory(server && (await serverMemory(server.file, policy1m())));
  }
  if (process.argv.includes('--shapes-only')) return printShapes(await shapes(arg('shape-runs', 3)));
  if (process.argv.includes('--load-only')) {
    const server = await packagedServer();
    return printLoad(server && (await serverUnderLoad(server.file, loadPolicies())));
  }
  const runs = arg('runs', 30);
  const bigRuns = arg('big-runs', 5);
  const edits = arg('edits', 200);
  const small = policy53k();
  const big = policy1m();
  const describe = (t: string) => {
    const d = buildPolicyDocument('file:///bench/p.md', 1, t);
    return `${utf8Length(t).toLocaleString('en')} bytes, ${d.lines.lineCount.toLocaleString('en')} lines, ${d.headings.length} headings, ${d.blocks.length} prose blocks`;
  };
  console.log(`Policywright benchmark: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${new Date().toISOString()}`);
  console.log(`53 KB policy: ${describe(small)}`);
  console.log(`1 MB policy:  ${describe(big)}`);
  console.log(`Both generated by bench/generate.ts (seeded, no real policy text). Times in ms; "first" is the first call in this process.`);
  // Other processes on a small machine move every figure; the load says how far to trust them.
  console.log(`Load average at start: ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs.\n`);

  // The first call of each, before anything has warmed the JIT: what opening a file right after start-up costs.
  const coldFull = time(() => fullAnalysis(small));
  const coldBare = time(() => bareParse(small));
  const s = interleaved(runs, { bare: () => bareParse(small), full: () => fullAnalysis(small), lint: () => lintMarkdown(small) });
  const b = interleaved(bigRuns, { bare: () => bareParse(big), full: () => fullAnalysis(big), lint: () => lintMarkdown(big) });
  const type = typing(small, edits);
  const smallDoc = buildPolicyDocument('file:///bench/p.md', 1, small);
  const bigDoc = buildPolicyDocument('file:///bench/p.md', 1, big);
  const fs = features(smallDoc, Math.max(runs, 50));
  const fb = features(bigDoc, Math.max(bigRuns, 10));
  const server = await packagedServer();
  const memory = server ? await serverMemory(server.file, big) : undefined;
  const shaped = await shapes(arg('shape-runs', 3));
  const load = server ? await serverUnderLoad(server.file, loadPolicies()) : undefined;

  const head = ['measurement', 'policy', 'first', 'median', 'p95', 'runs', 'ratio to bare remark (median)', 'target', 'meets'];
  console.log(row(head));
  console.log(row(head.map(() => '---')));
  const line = (name: string, size: string, st: Stats, ratio: string, target: string, meets: string) =>
    console.log(row([name, size, ms(st.first), ms(st.median), ms(st.p95), String(st.runs), ratio, target, meets]));
  const rs = s.full.median / s.bare.median;
  const rb = b.full.median / b.bare.median;
  line('bare remark parse (unified + remark-parse + gfm + frontmatter)', '53 KB', { ...s.bare, first: coldBare }, '1.00', '', '');
  line('full analysis, cold (buildPolicyDocument + runRules)', '53 KB', { ...s.full, first: coldFull }, rs.toFixed(2), '≤ 1.3 × remark', yes(rs <= 1.3));
  line('bare remark parse', '1 MB', b.bare, '1.00', '', '');
  line('full analysis, cold', '1 MB', b.full, rb.toFixed(2), '≤ 1.5 × remark', yes(rb <= 1.5));
  line('typing: 1-char edit -> fresh diagnostics via AnalysisCache (incremental: changed chunks re-parsed, per-block rule results reused)', '53 KB', type, (type.median / s.bare.median).toFixed(2), 'median ≤ 5, p95 ≤ 15', yes(type.median <= 5 && type.p95 <= 15));
  const target = (name: string) => (name === 'document symbols' ? 2 : name.startsWith('completion') ? 10 : undefined);
  for (const [name, st] of Object.entries(fs)) {
    const t = target(name);
    line(name, '53 KB', st, '', t ? `p95 ≤ ${t}` : '', t ? yes(st.p95 <= t) : '');
  }
  for (const [name, st] of Object.entries(fb)) line(name, '1 MB', st, '', '', '');
  line('markdownlint 0.42 on the same text (its default rules)', '53 KB', s.lint, (s.lint.median / s.bare.median).toFixed(2), '', '');
  line('markdownlint 0.42 on the same text (its default rules)', '1 MB', b.lint, (b.lint.median / b.bare.median).toFixed(2), '', '');
  console.log('');
  printMemory(memory);
  printLoad(load);
  console.log('');
  printShapes(shaped);
  if (server) console.log(`Server bundle, minified as packaged: ${mb(server.bytes)} MB. Target < 1.5 MB: ${yes(server.bytes < 1.5 * 1024 * 1024)}`);
  console.log(`Load average at the end of the timings: ${loadavg()[0].toFixed(2)}.\n`);

  for (const [label, text, n, full] of [['53 KB', small, runs, s.full.median], ['1 MB', big, bigRuns, b.full.median]] as const) {
    console.log(`Where the time goes, ${label} policy (cold: each run builds the model anew and runs every rule on it; share of the full analysis median, ${ms(full)} ms):`);
    console.log(row(['part', 'median', 'p95', 'share']));
    console.log(row(['---', '---', '---', '---']));
    const parts = breakdown(text, n);
    const parse = parts.find(([name]) => name.includes('remark parse'))?.[1].median ?? 0;
    for (const [name, st] of parts) {
      console.log(row([name, ms(st.median), ms(st.p95), `${((100 * st.median) / full).toFixed(1)} %`]));
      if (name.startsWith('model: buildPolicyDocument')) console.log(row(['model minus parse (headings, sections, blocks, lines)', ms(st.median - parse), '', `${((100 * (st.median - parse)) / full).toFixed(1)} %`]));
    }
    console.log('');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
