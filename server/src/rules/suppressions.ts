import type { PolicyDocument } from '../model/policyDocument';

/**
 * Inline suppression comments:
 *   <!-- policywright-disable [rule-id …] [-- reason] -->   off from this line on
 *   <!-- policywright-enable [rule-id …] -->                back on
 *   <!-- policywright-disable-next-line [rule-id …] -->     off for the next line only
 * With no rule id they apply to every rule.
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const DIRECTIVE = /^policywright-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const ALL = '*';

export function readSuppressions(doc: PolicyDocument): Suppressions {
  // For each rule (or ALL), the line ranges [from, to) where it is off.
  const ranges = new Map<string, Array<[number, number]>>();
  const open = new Map<string, number>();
  const add = (id: string, from: number, to: number) => {
    const list = ranges.get(id) ?? [];
    list.push([from, to]);
    ranges.set(id, list);
  };
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const ids = m[2].split(/\s--\s|^--\s|\s--$/)[0].split(/[\s,]+/).filter(Boolean);
    const targets = ids.length > 0 ? ids : [ALL];
    const line = doc.lines.lineAt(c.start);
    const endLine = doc.lines.lineAt(c.end);
    if (m[1] === 'disable-next-line') {
      for (const id of targets) add(id, endLine + 1, endLine + 2);
    } else if (m[1] === 'disable') {
      for (const id of targets) if (!open.has(id)) open.set(id, line);
    } else {
      const closing = ids.length > 0 ? ids : [...open.keys()];
      for (const id of closing) {
        const from = open.get(id);
        if (from !== undefined) add(id, from, line);
        open.delete(id);
      }
    }
  }
  for (const [id, from] of open) add(id, from, Number.MAX_SAFE_INTEGER);
  const within = (id: string, line: number) => (ranges.get(id) ?? []).some(([from, to]) => line >= from && line < to);
  return { isSuppressed: (ruleId, line) => within(ruleId, line) || within(ALL, line) };
}
