/**
 * `npm run accuracy`: how far the findings can be trusted (issue 14). Two measurements, both on text kept outside the
 * repository in ../shared/corpus (skipped, with a message, when it is absent):
 *
 * 1. Disclosure recognition on the labelled development set: per GDPR Art. 13/14 requirement precision, recall and F1
 *    of "the policy discloses it", macro F1; each miss and false hit with its file, line and passage in
 *    out/accuracy/disclosures.md.
 * 2. Precision of every error and warning rule on real policies, from the judgements in bench/accuracy/judgements.tsv,
 *    with default settings and with the jurisdictions each text makes obvious (bench/accuracy/jurisdictions.tsv).
 *    Findings nobody has judged are listed in out/accuracy/unjudged.tsv.
 * 3. The material-change review on the pairs of consecutive versions (bench/accuracy/versionChanges.ts).
 *
 * Not a test: nothing here fails; the goals are printed next to the figures. Never reads the held-out test set
 * ../shared/corpus/gdpr-transparency-200.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { disclosureRecognition, printDev } from './disclosureRecognition';
import { findingsOf, keyOf, printRun, readJudgements, type Judged, type Jurisdictions } from './rulePrecision';
import { countWords, readTsv } from './tsv';
import { versionChanges } from './versionChanges';

const ROOT = process.cwd();
const HERE = join(ROOT, 'bench', 'accuracy');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const OUT = join(ROOT, 'out', 'accuracy');
// A fixed day, so that a judgement of a date rule (e.g. a stale date) stays right from one run to the next.
const TODAY = new Date(Date.UTC(2026, 11, 1));

if (!existsSync(CORPUS)) {
  console.log(`accuracy: ${CORPUS} is absent, nothing to measure (the corpus is not part of the repository)`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });
const summary: string[] = [];

// 1. Disclosure recognition.
const devDir = join(CORPUS, 'gdpr-transparency-200-dev');
if (existsSync(devDir)) {
  const report = ['# Disclosure recognition: misses and false hits', '', 'Lines are 1-based lines of the .txt files in ../shared/corpus/gdpr-transparency-200-dev.'];
  const dev = disclosureRecognition(devDir, join(HERE, 'requirements.tsv'), report);
  writeFileSync(join(OUT, 'disclosures.md'), report.join('\n') + '\n');
  summary.push(...printDev(dev), `(each miss and false hit: out/accuracy/disclosures.md)`);
} else summary.push(`accuracy: ${devDir} is absent, disclosure recognition not measured`);

// 2. Rule precision on the judged corpus.
const files: Array<{ rel: string; path: string }> = [];
const add = (dir: string, pick: (names: string[]) => string[]) => {
  const abs = join(CORPUS, dir);
  if (!existsSync(abs)) return;
  for (const name of pick(readdirSync(abs).filter((n) => /\.(md|txt)$/.test(n) && n !== 'README.md').sort())) files.push({ rel: `${dir}/${name}`, path: join(abs, name) });
};
add('real', (n) => n);
add('seeds', (n) => n);
if (existsSync(join(CORPUS, 'versions'))) {
  for (const service of readdirSync(join(CORPUS, 'versions')).sort()) {
    if (existsSync(join(CORPUS, 'versions', service)) && !service.endsWith('.md')) add(`versions/${service}`, (n) => n.slice(-1)); // the newer of the pair
  }
}
const words = files.reduce((a, f) => a + countWords(readFileSync(f.path, 'utf8')), 0);
const judgements = readJudgements(readTsv(join(HERE, 'judgements.tsv')));
const table = new Map<string, Jurisdictions>(readTsv(join(HERE, 'jurisdictions.tsv')).map((r) => [r.file, r.jurisdictions === '-' ? 'none' : r.jurisdictions.split(',').map((s) => s.trim())]));
for (const f of files) if (!table.has(f.rel)) summary.push(`accuracy: no row for ${f.rel} in bench/accuracy/jurisdictions.tsv: its second run infers from the text`);

const runs: Array<{ name: string; findings: Judged[] }> = [
  { name: 'default settings (jurisdictions inferred from the text)', findings: findingsOf(files, () => [], judgements, TODAY) },
  { name: 'jurisdictions each text makes obvious (bench/accuracy/jurisdictions.tsv)', findings: findingsOf(files, (rel) => table.get(rel) ?? [], judgements, TODAY) },
];
summary.push(`\nRule precision on ${files.length} real policies (${words} words), from bench/accuracy/judgements.tsv (${judgements.size} judgements)`);
for (const run of runs) summary.push(...printRun(run.name, run.findings, words).lines);

// Every finding, for reading; the unjudged ones once each, ready to be judged and moved into judgements.tsv.
const all = runs.flatMap((r, i) => r.findings.map((f) => ({ ...f, run: i + 1 })));
writeFileSync(join(OUT, 'findings.tsv'), ['run\tfile\tline\trule\tsubject\tseverity\tverdict\tmessage\tcontext', ...all.map((f) => [f.run, f.file, f.line, f.rule, f.subject, f.severity, f.verdict ?? '?', f.message, f.context].join('\t'))].join('\n') + '\n');
const unjudged = new Map<string, Judged>();
for (const f of all) if (f.verdict === undefined && !unjudged.has(keyOf(f))) unjudged.set(keyOf(f), f);
writeFileSync(join(OUT, 'unjudged.tsv'), ['file\tline\trule\tsubject\tverdict\treason\t(message)\t(context)', ...[...unjudged.values()].map((f) => [f.file, f.line, f.rule, f.subject, '?', '', f.message, f.context].join('\t'))].join('\n') + '\n');
summary.push(`\nunjudged findings (listed in out/accuracy/unjudged.tsv, counted apart): ${unjudged.size}`);
const stale = [...judgements.keys()].filter((k) => !all.some((f) => keyOf(f) === k)).length;
if (stale > 0) summary.push(`judgements no longer matching any finding (kept, not counted): ${stale}`);

// 3. The material-change review on the version pairs.
const versionsDir = join(CORPUS, 'versions');
if (existsSync(versionsDir)) summary.push(...versionChanges(versionsDir, join(HERE, 'version-changes.tsv')));
else summary.push(`accuracy: ${versionsDir} is absent, the material-change review not measured`);

console.log(summary.join('\n'));
writeFileSync(join(OUT, 'summary.txt'), summary.join('\n') + '\n');
