/**
 * Precision of every error and warning rule (and of the information findings of the rules tagged `unlawful`) on the judged corpus (../shared/corpus real, seeds and the newer of each
 * version pair), from bench/accuracy/judgements.tsv. A finding nobody has judged yet is listed as such and counted
 * apart, never as true.
 */
import { readFileSync } from 'node:fs';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';
import { runRules } from '../../server/src/rules/engine';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { RULES } from '../../server/src/rules/registry';
import { clip, countWords, pct, type Row } from './tsv';

export interface Judged {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly subject: string;
  readonly severity: string;
  readonly message: string;
  readonly context: string;
  /** true, false, or undefined when not judged yet. */
  readonly verdict?: boolean;
}

/** What a finding is about, so two findings of one rule on one line are told apart: the item, or the quoted text. */
export function subjectOf(message: string): string {
  const missing = /^Missing for [^:]+: (.+?) \((?:[^()]|\([^()]*\))*\), add it/.exec(message);
  if (missing) return missing[1];
  // A punctuation mark named in single quotes ("The opening parenthesis ‘(’ …") is the subject itself.
  const mark = /‘(.)’/.exec(message);
  if (mark) return mark[1];
  // Quoted text, in typographic quotes or (older messages) backticks.
  const quoted = /“([^”]{1,60})|`([^`]{1,60})`/.exec(message);
  return quoted ? (quoted[1] ?? quoted[2]) : '';
}

export const keyOf = (f: { file: string; line: number; rule: string; subject: string }): string => `${f.file}\t${f.line}\t${f.rule}\t${f.subject}`;

/** `none`: no law is obvious, so the compliance rules are off (the setting cannot say "none": empty means infer). */
export type Jurisdictions = readonly string[] | 'none';

// Information findings judged as well: those of the rules on statements the law does not allow (issue 17), which
// still say that a clause is likely unlawful. Their lines are apart from the error and warning precision.
const JUDGED_INFORMATION = new Set(RULES.filter((r) => r.meta.tags.includes('unlawful')).map((r) => r.meta.id));

const COMPLIANCE_OFF = Object.freeze(Object.fromEntries(RULES.filter((r) => r.meta.tags.includes('compliance')).map((r) => [r.meta.id, 'off' as const])));

export function findingsOf(files: ReadonlyArray<{ rel: string; path: string }>, jurisdictions: (rel: string) => Jurisdictions, judgements: ReadonlyMap<string, boolean>, today: Date): Judged[] {
  const out: Judged[] = [];
  for (const { rel, path } of files) {
    const text = readFileSync(path, 'utf8');
    const doc = buildPolicyDocument(path, 0, text, { structureOnly: text.length > DEFAULT_SETTINGS.maxFileSize });
    const codes = jurisdictions(rel);
    // The options the command line gives the rules, with this run's jurisdictions.
    const options = { drafting: DEFAULT_SETTINGS.drafting, compliance: { ...DEFAULT_SETTINGS.compliance, jurisdictions: codes === 'none' ? [] : codes }, library: builtInLibrary() };
    const lines = text.split(/\r?\n/);
    for (const f of runRules(doc, { rules: codes === 'none' ? { ...DEFAULT_SETTINGS.rules, ...COMPLIANCE_OFF } : DEFAULT_SETTINGS.rules, today, options })) {
      if (f.severity !== 'error' && f.severity !== 'warning' && !(f.severity === 'information' && JUDGED_INFORMATION.has(f.ruleId))) continue;
      const line = doc.lines.lineAt(f.start) + 1;
      const j = { file: rel, line, rule: f.ruleId, subject: subjectOf(f.message) };
      out.push({ ...j, severity: f.severity, message: f.message, context: clip(lines[line - 1] ?? '', 200), verdict: judgements.get(keyOf(j)) });
    }
  }
  return out;
}

export function readJudgements(rows: readonly Row[]): Map<string, boolean> {
  const map = new Map<string, boolean>();
  for (const r of rows) {
    if (r.verdict !== 'true' && r.verdict !== 'false') throw new Error(`judgements.tsv: verdict must be true or false, not "${r.verdict}" (${r.file}:${r.line} ${r.rule})`);
    map.set(keyOf({ file: r.file, line: Number(r.line), rule: r.rule, subject: r.subject }), r.verdict === 'true');
  }
  return map;
}

export interface RunSummary {
  readonly errorPrecision: number;
  readonly warningPrecision: number;
  readonly falsePer1000: number;
  readonly unjudged: number;
}

export function printRun(title: string, findings: readonly Judged[], words: number): { lines: string[]; summary: RunSummary } {
  const lines = [`\n${title}: ${findings.length} errors and warnings on ${words} words`];
  lines.push(`${'rule'.padEnd(32)} ${'sev'.padEnd(11)} ${'n'.padStart(4)} ${'true'.padStart(5)} ${'false'.padStart(5)} ${'unj.'.padStart(5)}  prec`);
  const groups = new Map<string, Judged[]>();
  for (const f of findings) {
    const k = `${f.rule}\t${f.severity}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const [k, list] of [...groups].sort()) {
    const [rule, sev] = k.split('\t');
    const t = list.filter((f) => f.verdict === true).length;
    const fl = list.filter((f) => f.verdict === false).length;
    lines.push(`${rule.padEnd(32)} ${sev.padEnd(11)} ${String(list.length).padStart(4)} ${String(t).padStart(5)} ${String(fl).padStart(5)} ${String(list.length - t - fl).padStart(5)}  ${pct(t / (t + fl))}`);
  }
  const of = (sev: string) => {
    const list = findings.filter((f) => f.severity === sev);
    const t = list.filter((f) => f.verdict === true).length;
    const fl = list.filter((f) => f.verdict === false).length;
    return { t, fl, precision: t / (t + fl), unjudged: list.length - t - fl };
  };
  const e = of('error');
  const w = of('warning');
  const falsePer1000 = (1000 * (e.fl + w.fl)) / words;
  lines.push(`error precision ${pct(e.precision)} (${e.t}/${e.t + e.fl}, goal ≥ 0.95)   warning precision ${pct(w.precision)} (${w.t}/${w.t + w.fl}, goal ≥ 0.85)`);
  lines.push(`false errors + warnings per 1,000 words: ${falsePer1000.toFixed(2)} (${e.fl + w.fl} on ${words} words, goal ≤ 0.5)   unjudged: ${e.unjudged + w.unjudged}`);
  return { lines, summary: { errorPrecision: e.precision, warningPrecision: w.precision, falsePer1000, unjudged: e.unjudged + w.unjudged } };
}

export { countWords };
