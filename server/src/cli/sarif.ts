import { createHash } from 'node:crypto';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { docsUrl, RULES } from '../rules/registry';
import type { Rule, Severity } from '../rules/rule';
import type { FileReport } from './report';

/**
 * `policywright check --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts
 * (github/codeql-action/upload-sarif). One run; every rule of the registry is listed, so a rule that
 * found nothing today still has its description and docs link when it finds something tomorrow.
 */

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
// GitHub shows `problem.severity` for non-security results: error, warning or recommendation.
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation' };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/policywright/policywright';

export interface SarifOptions {
  /** False when a file or the config could not be read (exit code 2): the log then says the run did not succeed. */
  readonly executionSuccessful?: boolean;
  readonly rules?: readonly Rule[];
}

export function toSarif(reports: readonly FileReport[], options: SarifOptions = {}): object {
  const rules = options.rules ?? RULES;
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results = reports.flatMap((report) => {
    const uri = toUri(report.path);
    // Identical findings in one file are told apart by their order, so each keeps its own alert.
    const seen = new Map<string, number>();
    return report.findings.map((f) => {
      const key = `${f.ruleId}\u0000${f.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const ruleIndex = index.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        // Not the line number: the alert should survive lines added above it.
        partialFingerprints: { 'policywright/v1': `${createHash('sha256').update(`${uri}\u0000${key}`).digest('hex').slice(0, 32)}:${occurrence}` },
      };
    });
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Policywright',
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: rules.map(toReportingDescriptor),
          },
        },
        // Columns count UTF-16 code units, as LSP positions and the text output do.
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: options.executionSuccessful ?? true }],
        results,
      },
    ],
  };
}

function toReportingDescriptor(rule: Rule) {
  const { id, description, explanation, legalSource, defaultSeverity, tags } = rule.meta;
  const help = legalSource ? `${explanation}\n\nLegal source: ${legalSource}` : explanation;
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: explanation },
    help: { text: `${help}\n\nMore: ${docsUrl(id)}`, markdown: `${help}\n\n[Rule documentation](${docsUrl(id)})` },
    helpUri: docsUrl(id),
    defaultConfiguration: { level: LEVEL[defaultSeverity] },
    properties: { tags: [...tags], 'problem.severity': PROBLEM_SEVERITY[defaultSeverity] },
  };
}

/** A repository-relative path stays relative (GitHub resolves it against the checkout); an absolute one becomes a file URI. */
export function toUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(sep === '\\' ? /[\\/]/ : '/')
    .filter((segment, i) => !(segment === '.' && i === 0))
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
