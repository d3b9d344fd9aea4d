import type { OffsetEdit, Severity } from '../../server/src/rules/rule';

/**
 * Inline expectations for rule fixtures.
 *
 *   <!-- config: {"today": "2026-11-21"} -->     first line only: the date the rules measure against
 *   some offending line
 *   <!-- expect: rule-id, other-id -->           findings on the nearest preceding non-blank, non-expect line
 *   <!-- expect: rule-id (information) -->       …with that severity
 *   <!-- expect: rule-id @3 -->                  a finding on absolute line 3 (1-based)
 *
 * Naming a rule twice expects two findings of it on that line.
 */
export interface Expectation {
  readonly ruleId: string;
  /** 1-based line. */
  readonly line: number;
  readonly severity?: Severity;
}

export interface FixtureConfig {
  readonly today?: Date;
}

export interface Fixture {
  readonly config: FixtureConfig;
  readonly expectations: readonly Expectation[];
}

const EXPECT_LINE = /^\s*<!--\s*expect:\s*(.*?)\s*-->\s*$/;
const EXPECT_ITEM = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s+\((error|warning|information|hint)\))?(?:\s+@(\d+))?$/;
const CONFIG_LINE = /^<!--\s*config:\s*(\{.*\})\s*-->\s*$/;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export function parseFixture(text: string): Fixture {
  const lines = splitLines(text);
  const expectations: Expectation[] = [];
  let config: FixtureConfig = {};
  let target: number | undefined;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (/<!--\s*config:/.test(raw)) {
      const m = CONFIG_LINE.exec(raw);
      if (!m || index !== 0) throw new Error(`line ${lineNo}: a config comment must be the whole first line, as <!-- config: {"today": "YYYY-MM-DD"} -->`);
      config = readConfig(m[1], lineNo);
      return;
    }
    if (/<!--\s*expect\b/.test(raw)) {
      const m = EXPECT_LINE.exec(raw);
      if (!m) throw new Error(`line ${lineNo}: an expect comment must be a whole line, as <!-- expect: rule-id -->`);
      for (const item of m[1].split(',').map((s) => s.trim())) {
        const parts = EXPECT_ITEM.exec(item);
        if (!parts) throw new Error(`line ${lineNo}: cannot read the expectation "${item}", write rule-id, rule-id (severity) or rule-id @N`);
        const line = parts[3] !== undefined ? Number(parts[3]) : target;
        if (line === undefined || line < 1 || line > lines.length) throw new Error(`line ${lineNo}: the expectation "${item}" has no line to refer to`);
        expectations.push({ ruleId: parts[1], line, ...(parts[2] ? { severity: parts[2] as Severity } : {}) });
      }
      return;
    }
    if (raw.trim() !== '') target = lineNo;
  });
  return { config, expectations };
}

function readConfig(json: string, lineNo: number): FixtureConfig {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`line ${lineNo}: the config is not JSON (${(error as Error).message})`);
  }
  const o = value as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => k !== 'today');
  if (unknownKeys.length > 0) throw new Error(`line ${lineNo}: unknown config keys ${unknownKeys.join(', ')}`);
  if (o.today === undefined) return {};
  if (typeof o.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new Error(`line ${lineNo}: "today" must be a YYYY-MM-DD date`);
  return { today: new Date(`${o.today}T00:00:00Z`) };
}

export interface Found {
  readonly ruleId: string;
  readonly line: number;
  readonly severity: Severity;
  readonly message: string;
}

/** Both directions of the comparison, as readable lines; empty when the fixture and the rules agree. */
export function compareFindings(expected: readonly Expectation[], actual: readonly Found[]): { missing: string[]; unexpected: string[]; wrongSeverity: string[] } {
  const key = (x: { ruleId: string; line: number }) => `${x.ruleId} at line ${x.line}`;
  const remaining = new Map<string, Found[]>();
  for (const f of actual) remaining.set(key(f), [...(remaining.get(key(f)) ?? []), f]);
  const missing: string[] = [];
  const wrongSeverity: string[] = [];
  for (const e of expected) {
    const list = remaining.get(key(e)) ?? [];
    const at = e.severity ? list.findIndex((f) => f.severity === e.severity) : 0;
    if (list.length === 0) missing.push(key(e));
    else if (at < 0) wrongSeverity.push(`${key(e)}: expected ${e.severity}, got ${list.map((f) => f.severity).join(', ')}`);
    list.splice(Math.max(at, 0), 1);
  }
  const unexpected = [...remaining.values()].flat().map((f) => `${key(f)}: ${f.message}`);
  return { missing, unexpected, wrongSeverity };
}

export function describeMismatch(result: ReturnType<typeof compareFindings>): string {
  const parts: string[] = [];
  if (result.missing.length) parts.push(`missing:\n  ${result.missing.join('\n  ')}`);
  if (result.unexpected.length) parts.push(`unexpected:\n  ${result.unexpected.join('\n  ')}`);
  if (result.wrongSeverity.length) parts.push(`wrong severity:\n  ${result.wrongSeverity.join('\n  ')}`);
  return parts.join('\n');
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Where an offset of the text before the edits lands after them. */
export function mapOffset(offset: number, edits: readonly OffsetEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.end <= offset) delta += e.newText.length - (e.end - e.start);
  return offset + delta;
}
