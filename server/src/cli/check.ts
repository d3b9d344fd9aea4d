import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPolicyDocument } from '../model/policyDocument';
import { builtInLibrary } from '../catalog/clauseLibrary';
import { analyse } from '../analysis';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings';
import { isPolicy } from '../policyFiles';
import { collectFiles, readText, READ_LIMIT_FACTOR } from './files';
import { toSarif } from './sarif';
import type { CliIO, FileReport } from './report';

export type { CliIO } from './report';
import { DIFF_USAGE, runDiff } from './diff';
import { isIsoDay } from '../facts/requirements';

const USAGE = `Usage: policywright check [--format text|json|sarif] [--config FILE] <files or folders…>

Checks privacy policies written in Markdown (or plain text) and prints one finding per line:
  path:line:col severity rule-id message

Folders are searched for policies (files named like *privacy*.md, *policy*.md, *notice*.md, or with
a "policy:" key in their front matter); files named on the command line are always checked.

Options:
  --format text|json|sarif  output format (default: text); sarif is SARIF 2.1.0 for GitHub code scanning
  --config FILE       settings file (default: .policywright.json in the current folder, if present)
  --jurisdictions LIST  jurisdictions for policies whose front matter declares none, e.g. eu,uk,us-ca
                      (default: the config's compliance.jurisdictions, else inferred from each text)
  --as-of YYYY-MM-DD  check the laws as they stand on that day instead of today (default: the config's
                      compliance.asOf, else today): requirements not yet in force are left out
  -h, --help          show this help

Only regular files are read, each once, up to ten times maxFileSize (20 MB by default). Paths skipped while
searching a folder (links to folders, pipes and devices, a file already checked) are named on standard
error and do not change the exit code.

Exit codes: 0 no errors, 1 errors found, 2 bad usage or a file or config that could not be read.`;

/** The command line, as a function: arguments in, exit code out. */
export function runCli(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, config: { type: 'string' }, jurisdictions: { type: 'string' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`policywright: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(positionals[0] === 'diff' ? DIFF_USAGE + '\n' : USAGE + '\n');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'diff') return runDiff(paths, values.format ?? 'text', io);
  if (command !== 'check') {
    io.err(`policywright: ${command ? `unknown command "${command}"` : 'missing command'}, use "policywright check <files or folders…>" or "policywright diff <older> <newer>"\n\n${USAGE}\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'sarif') {
    io.err(`policywright: --format must be "text" or "json" (or "sarif" for GitHub code scanning), not "${values.format}"\n`);
    return 2;
  }
  if (paths.length === 0) {
    io.err(`policywright: name at least one file or folder to check\n\n${USAGE}\n`);
    return 2;
  }

  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDay(asOf.trim())) {
    io.err(`policywright: --as-of must be a day written YYYY-MM-DD, such as 2027-01-01, not "${asOf}"\n`);
    return 2;
  }

  let usageProblem = false;
  const loaded = loadConfig(values.config, io.cwd);
  let settings = loaded.settings;
  const configProblems = [...loaded.problems];
  if (values.jurisdictions !== undefined) {
    const { settings: withCodes, problems } = normalizeSettings({ compliance: { jurisdictions: values.jurisdictions.split(/[,\s]+/).filter(Boolean) } });
    configProblems.push(...problems.map((p) => p.replace('`compliance.jurisdictions`', '--jurisdictions')));
    settings = { ...settings, compliance: Object.freeze({ ...settings.compliance, jurisdictions: withCodes.compliance.jurisdictions }) };
  }
  if (asOf !== undefined) settings = { ...settings, compliance: Object.freeze({ ...settings.compliance, asOf: asOf.trim() }) };
  for (const p of configProblems) io.err(`policywright: ${p}\n`);
  if (configProblems.length > 0) usageProblem = true;

  const { files, problems, skipped } = collectFiles(paths, io.cwd);
  for (const p of problems) io.err(`policywright: ${p.path}: ${p.message}\n`);
  for (const s of skipped) io.err(`policywright: ${s.path}: ${s.message}\n`);
  if (problems.length > 0) usageProblem = true;

  const reports: FileReport[] = [];
  let checked = 0;
  for (const file of files) {
    const read = readText(resolve(io.cwd, file.path), READ_LIMIT_FACTOR * settings.maxFileSize);
    if (!read.ok) {
      if (file.explicit || /\.(md|markdown)$/i.test(file.path)) {
        io.err(`policywright: ${file.path}: ${read.message}\n`);
        usageProblem = true;
      }
      continue;
    }
    const doc = buildPolicyDocument(file.path, 0, read.text, { structureOnly: read.text.length > settings.maxFileSize });
    if (!file.explicit && !isPolicy(resolve(io.cwd, file.path), doc, settings.files)) continue;
    checked++;
    const findings = analyse(doc, settings, builtInLibrary(), io.today ?? new Date()).findings.map((f) => {
      const s = doc.lines.positionAt(f.start);
      const e = doc.lines.positionAt(f.end);
      return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    });
    reports.push({ path: file.path, findings });
  }
  if (checked === 0 && files.length >= 0 && problems.length === 0 && reports.length === 0) {
    io.err(`policywright: no policies found in ${paths.join(', ')} (looked for ${settings.files.join(', ')}, or front matter with "policy:")\n`);
    usageProblem = true;
  }

  if (values.format === 'json') io.out(JSON.stringify(toJson(reports), null, 2) + '\n');
  else if (values.format === 'sarif') io.out(JSON.stringify(toSarif(reports, { executionSuccessful: !usageProblem }), null, 2) + '\n');
  else for (const r of reports) for (const f of r.findings) io.out(`${r.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n`);

  const all = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  io.err(`${checked} ${checked === 1 ? 'policy' : 'policies'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${all.length - errors - warnings} other\n`);
  if (usageProblem) return 2;
  return errors > 0 ? 1 : 0;
}

function loadConfig(explicit: string | undefined, cwd: string): { settings: Settings; problems: string[] } {
  const path = explicit ? resolve(cwd, explicit) : join(cwd, '.policywright.json');
  if (!explicit && !existsSync(path)) return { settings: DEFAULT_SETTINGS, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { settings: DEFAULT_SETTINGS, problems: [`config ${explicit ?? '.policywright.json'}: ${why}; checking with the default settings`] };
  }
  const { settings, problems } = normalizeSettings(raw);
  return { settings, problems: problems.map((p) => `config ${explicit ?? '.policywright.json'}: ${p}`) };
}

function toJson(reports: readonly FileReport[]) {
  return {
    version: 1,
    findings: reports.flatMap((r) =>
      r.findings.map((f) => ({
        path: r.path,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        ruleId: f.ruleId,
        message: f.message,
        fixes: (f.fixes ?? []).map((x) => x.title),
      })),
    ),
  };
}
