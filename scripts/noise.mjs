#!/usr/bin/env node
// Findings per 1,000 words for each drafting rule, on the seed policies in ../shared/corpus/seeds and on
// our own well-drafted fixture. A rule above 5 per 1,000 words at default settings is too noisy.
// Run after a build: `npm run build && node scripts/noise.mjs` (add `--real` for the long real policies too).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const ROOT = process.cwd();
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'drafting', 'well-drafted-privacy-policy.md');
const LIMIT = 5;
const RULES = [
  'undefined-term', 'unused-definition', 'conflicting-definition', 'term-before-definition', 'lower-case-defined-term',
  'broken-cross-reference', 'cross-reference-title-mismatch', 'table-of-contents-mismatch',
  'vague-term', 'long-sentence', 'all-caps-paragraph', 'hidden-actor-passive', 'reading-grade',
  'unbalanced-punctuation', 'doubled-possessive', 'typed-bullet', 'insecure-link', 'inconsistent-contact',
];

if (!existsSync(CLI)) {
  console.log('noise: dist/cli.js is missing; run `npm run build` first');
  process.exit(0);
}
if (!existsSync(CORPUS)) {
  console.log(`noise: ${CORPUS} is absent; nothing to measure (the corpus is not part of the repository)`);
  process.exit(0);
}

const files = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
const words = (path) => (readFileSync(path, 'utf8').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

/** Findings per rule and file, from the command line's JSON output. */
function measure(paths) {
  let out;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '--format', 'json', ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // Exit code 1 means "errors found"; the report is on standard output all the same.
    out = error.stdout;
  }
  const counts = new Map();
  for (const f of JSON.parse(out).findings) {
    const key = `${f.ruleId}\t${resolve(ROOT, f.path)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function table(title, paths, columns) {
  const counts = measure(paths);
  const size = new Map(paths.map((p) => [p, words(p)]));
  const rate = (rule, p) => (1000 * (counts.get(`${rule}\t${p}`) ?? 0)) / size.get(p);
  console.log(`\n${title}`);
  console.log(['rule'.padEnd(32), ...columns.map((c) => c.padStart(8)), 'max'.padStart(7), ''].join(' '));
  console.log(['words'.padEnd(32), ...paths.map((p) => String(size.get(p)).padStart(8)), ''.padStart(7)].join(' '));
  let noisy = 0;
  for (const rule of RULES) {
    const rates = paths.map((p) => rate(rule, p));
    const max = Math.max(...rates);
    if (max > LIMIT) noisy++;
    console.log([rule.padEnd(32), ...rates.map((r) => r.toFixed(1).padStart(8)), max.toFixed(1).padStart(7), max > LIMIT ? ' > limit' : ''].join(' '));
  }
  return noisy;
}

/** For many files: the rate over all of them, and the worst file's. */
function summary(title, paths) {
  if (paths.length === 0) return 0;
  const counts = measure(paths);
  const size = new Map(paths.map((p) => [p, words(p)]));
  const total = [...size.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title} (${paths.length} files, ${total} words)`);
  console.log(['rule'.padEnd(32), 'overall'.padStart(8), 'worst'.padStart(7), ' file'].join(' '));
  let noisy = 0;
  for (const rule of RULES) {
    const n = paths.reduce((a, p) => a + (counts.get(`${rule}\t${p}`) ?? 0), 0);
    // Files under 300 words make one finding look like a flood; the worst file is taken among the others.
    const rated = paths.filter((p) => size.get(p) >= 300).map((p) => [p, (1000 * (counts.get(`${rule}\t${p}`) ?? 0)) / size.get(p)]);
    const [worstPath, worst] = rated.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    const overall = (1000 * n) / total;
    if (overall > LIMIT) noisy++;
    console.log([rule.padEnd(32), overall.toFixed(1).padStart(8), worst.toFixed(1).padStart(7), worst > 0 ? ` ${basename(worstPath)}` : ''].join(' '));
  }
  return noisy;
}

const seeds = files(join(CORPUS, 'seeds'), '.txt');
const main = [...seeds, ...(existsSync(FIXTURE) ? [FIXTURE] : [])];
let noisy = table('Findings per 1,000 words at default settings (seeds and the well-drafted fixture)', main, main.map((p) => (p === FIXTURE ? 'fixture' : basename(p).slice(0, 3))));
if (process.argv.includes('--real')) {
  const real = files(join(CORPUS, 'real'), '.md');
  noisy += table('Long, well-drafted real policies', real, real.map((p) => basename(p).slice(0, 8)));
  noisy += summary('Pasted app policies (gdpr-transparency-200): overall and worst file', files(join(CORPUS, 'gdpr-transparency-200'), '.txt'));
}
console.log(noisy === 0 ? `\nEvery rule stays at or below ${LIMIT} findings per 1,000 words.` : `\n${noisy} rule rows above ${LIMIT} per 1,000 words.`);
