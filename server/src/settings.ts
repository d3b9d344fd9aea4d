import { RULES } from './rules/registry';
import type { RuleSetting } from './rules/engine';
import { DEFAULT_COMPLIANCE, DEFAULT_DRAFTING, SETTING_DEFAULTS, type ComplianceOptions, type DraftingOptions } from './facts/options';
import { JURISDICTIONS, isJurisdictionCode } from './catalog/clauseCatalog';
import { isIsoDay } from './facts/requirements';
import { usableGlobs } from './settingsGlobs';

/** Settings as the server and the command line use them, after validation. */
export interface Settings {
  /** Globs that make a Markdown file a policy (a `policy:` front-matter key also does). */
  readonly files: readonly string[];
  /** Per-rule severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Thresholds of the plain-language rules (`policywright.drafting.*`). */
  readonly drafting: DraftingOptions;
  /** The jurisdictions assumed when a policy's front matter declares none (`policywright.compliance.jurisdictions`). */
  readonly compliance: ComplianceOptions;
  /** Above this many characters only the outline is read (`policywright.maxFileSize`). */
  readonly maxFileSize: number;
}

// The defaults are package.json's (facts/options.ts reads them): a setting's default is written once.
export const DEFAULT_MAX_FILE_SIZE = SETTING_DEFAULTS.maxFileSize as number;
export const DEFAULT_FILES: readonly string[] = Object.freeze([...(SETTING_DEFAULTS.files as string[])]);
export const DEFAULT_SETTINGS: Settings = Object.freeze({ files: DEFAULT_FILES, rules: Object.freeze({}), drafting: DEFAULT_DRAFTING, compliance: DEFAULT_COMPLIANCE, maxFileSize: DEFAULT_MAX_FILE_SIZE });

const SEVERITIES: Record<string, RuleSetting> = {
  off: 'off',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
};

/**
 * The one place that knows the defaults. Anything it cannot use is reported in `problems`
 * (what is wrong and where) and replaced by the default, so one bad value never disables the rest.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: DEFAULT_SETTINGS, problems: ['settings must be an object with `files` and `rules`'] };
  }
  const o = raw as Record<string, unknown>;
  let files = DEFAULT_FILES;
  if (o.files !== undefined) {
    if (Array.isArray(o.files) && o.files.every((g) => typeof g === 'string' && g.trim() !== '')) {
      const usable = usableGlobs(o.files as string[]);
      problems.push(...usable.problems);
      // An empty list is a choice (only `policy:` front matter marks a policy); a list of broken patterns is not.
      if (usable.globs.length > 0 || usable.problems.length === 0) files = Object.freeze(usable.globs);
      else problems.push('`files` has no pattern that can be used; using the defaults');
    } else problems.push('`files` must be a list of glob patterns such as "**/*privacy*.md"; using the defaults');
  }
  const rules: Record<string, RuleSetting> = {};
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) {
      problems.push('`rules` must map rule ids to a severity, such as { "doubled-word": "off" }');
    } else {
      for (const [id, value] of Object.entries(o.rules as Record<string, unknown>)) {
        if (!RULES.some((r) => r.meta.id === id)) {
          problems.push(`\`rules\` names an unknown rule "${id}"; known rules: ${RULES.map((r) => r.meta.id).join(', ')}`);
          continue;
        }
        // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
        const severity = typeof value === 'string' && Object.hasOwn(SEVERITIES, value.toLowerCase()) ? SEVERITIES[value.toLowerCase()] : value === false ? 'off' : undefined;
        if (severity === undefined) problems.push(`\`rules.${id}\` must be one of off, error, warning, information, hint (got ${JSON.stringify(value)})`);
        else rules[id] = severity;
      }
    }
  }
  const drafting = readDrafting(o.drafting, problems);
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (o.maxFileSize !== undefined) {
    if (typeof o.maxFileSize === 'number' && Number.isFinite(o.maxFileSize) && o.maxFileSize >= 10_000) maxFileSize = o.maxFileSize;
    else problems.push(`\`maxFileSize\` must be a number of characters of at least 10000 (got ${JSON.stringify(o.maxFileSize)}); using ${DEFAULT_MAX_FILE_SIZE}`);
  }
  const compliance = readCompliance(o.compliance, problems);
  return { settings: Object.freeze({ files, rules: Object.freeze(rules), drafting, compliance, maxFileSize }), problems };
}

/** `drafting.maxSentenceWords` and `drafting.maxReadingGrade`: numbers in a sensible range, else the default. */
function readDrafting(raw: unknown, problems: string[]): DraftingOptions {
  if (raw === undefined || raw === null) return DEFAULT_DRAFTING;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('`drafting` must be an object such as { "maxSentenceWords": 40, "maxReadingGrade": 14 }; using the defaults');
    return DEFAULT_DRAFTING;
  }
  const o = raw as Record<string, unknown>;
  const number = (key: keyof DraftingOptions, min: number, max: number): number => {
    const value = o[key];
    if (value === undefined) return DEFAULT_DRAFTING[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    problems.push(`\`drafting.${key}\` must be a number from ${min} to ${max} (got ${JSON.stringify(value)}); using ${DEFAULT_DRAFTING[key]}`);
    return DEFAULT_DRAFTING[key];
  };
  return Object.freeze({ maxSentenceWords: Math.round(number('maxSentenceWords', 10, 200)), maxReadingGrade: number('maxReadingGrade', 4, 30) });
}

/** `compliance.jurisdictions`: known jurisdiction codes; an unknown code is reported and left out. `compliance.asOf`: a real day, YYYY-MM-DD, or empty for today. */
function readCompliance(raw: unknown, problems: string[]): ComplianceOptions {
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_COMPLIANCE;
  const o = raw as Record<string, unknown>;
  const asOf = readAsOf(o.asOf, problems) ?? '';
  const list = o.jurisdictions;
  if (list === undefined) return asOf === DEFAULT_COMPLIANCE.asOf ? DEFAULT_COMPLIANCE : Object.freeze({ ...DEFAULT_COMPLIANCE, asOf });
  if (!Array.isArray(list) || !list.every((j) => typeof j === 'string')) {
    problems.push('`compliance.jurisdictions` must be a list of codes such as ["eu", "uk", "us-ca"]; inferring jurisdictions from the text');
    return asOf === DEFAULT_COMPLIANCE.asOf ? DEFAULT_COMPLIANCE : Object.freeze({ ...DEFAULT_COMPLIANCE, asOf });
  }
  const codes = list.map((j: string) => j.trim().toLowerCase());
  for (const c of codes) if (!isJurisdictionCode(c)) problems.push(`\`compliance.jurisdictions\` names an unknown jurisdiction "${c}"; known codes: ${Object.keys(JURISDICTIONS).join(', ')}`);
  return Object.freeze({ jurisdictions: Object.freeze(codes.filter(isJurisdictionCode)), asOf });
}

function readAsOf(value: unknown, problems: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return DEFAULT_COMPLIANCE.asOf;
  if (typeof value === 'string' && isIsoDay(value.trim())) return value.trim();
  problems.push(`\`compliance.asOf\` must be a day written YYYY-MM-DD, such as "2027-01-01", or empty for today (got ${JSON.stringify(value)}); checking as of today`);
  return DEFAULT_COMPLIANCE.asOf;
}
