import { RULES } from './rules/registry';
import type { RuleSetting } from './rules/engine';

/** Settings as the server and the command line use them, after validation. */
export interface Settings {
  /** Globs that make a Markdown file a policy (a `policy:` front-matter key also does). */
  readonly files: readonly string[];
  /** Per-rule severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export const DEFAULT_FILES: readonly string[] = Object.freeze(['**/*privacy*.md', '**/*policy*.md', '**/*notice*.md', '**/policies/**/*.md']);
export const DEFAULT_SETTINGS: Settings = Object.freeze({ files: DEFAULT_FILES, rules: Object.freeze({}) });

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
    if (Array.isArray(o.files) && o.files.every((g) => typeof g === 'string' && g.trim() !== '')) files = Object.freeze([...(o.files as string[])]);
    else problems.push('`files` must be a list of glob patterns such as "**/*privacy*.md"; using the defaults');
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
        const severity = typeof value === 'string' ? SEVERITIES[value.toLowerCase()] : value === false ? 'off' : undefined;
        if (severity === undefined) problems.push(`\`rules.${id}\` must be one of off, error, warning, information, hint (got ${JSON.stringify(value)})`);
        else rules[id] = severity;
      }
    }
  }
  return { settings: Object.freeze({ files, rules: Object.freeze(rules) }), problems };
}
