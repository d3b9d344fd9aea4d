/**
 * Disclosure recognition on the labelled development set (../shared/corpus/gdpr-transparency-200-dev): for each of
 * the 21 GDPR transparency requirements, whether the policy discloses it, ours against the human labels.
 * Never reads ../shared/corpus/gdpr-transparency-200 (the held-out test set).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';
import { disclosuresOf } from '../../server/src/facts/disclosures';
import { clip, f1, pct, readTsv } from './tsv';

interface Labels {
  readonly requirements_present: readonly string[];
  readonly passages: ReadonlyArray<{ line: number; type: string; annotations: ReadonlyArray<{ requirement: string; value: string; performed: boolean }> }>;
}

export interface ItemScore {
  readonly requirement: string;
  readonly covered: boolean;
  readonly positives: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface DevResult {
  readonly items: readonly ItemScore[];
  readonly macro21: number;
  readonly macroCovered: number;
  readonly coveredCount: number;
  readonly files: number;
}

/** The passage that starts at a 1-based line: up to the next blank line. */
function passageAt(lines: readonly string[], line: number): string {
  const out: string[] = [];
  for (let i = line - 1; i < lines.length && lines[i].trim() !== ''; i++) out.push(lines[i]);
  return out.join(' ');
}

export function disclosureRecognition(dir: string, tablePath: string, report: string[]): DevResult {
  const table = readTsv(tablePath);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const counts = table.map(() => ({ tp: 0, fp: 0, fn: 0, positives: 0 }));
  const misses: string[][] = table.map(() => []);
  const falseHits: string[][] = table.map(() => []);
  for (const name of names) {
    const labelsPath = join(dir, name.replace(/\.txt$/, '.labels.json'));
    if (!existsSync(labelsPath)) continue;
    const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Labels;
    const text = readFileSync(join(dir, name), 'utf8');
    const lines = text.split(/\r?\n/);
    const doc = buildPolicyDocument(`file:///dev/${name}`, 0, text);
    const found = disclosuresOf(doc);
    table.forEach((row, i) => {
      const ids = row.disclosures.split(',').map((s) => s.trim());
      const evidence = ids.map((id) => found.get(id)).find((e) => e !== undefined);
      const present = labels.requirements_present.includes(row.requirement);
      const c = counts[i];
      if (present) c.positives++;
      if (present && evidence) c.tp++;
      else if (present) {
        c.fn++;
        const where = labels.passages.filter((p) => p.annotations.some((a) => a.requirement === row.requirement && a.performed));
        misses[i].push(`- MISS ${name}\n` + where.slice(0, 3).map((p) => {
          const values = p.annotations.filter((a) => a.requirement === row.requirement && a.performed).map((a) => `“${clip(a.value, 80)}”`).join(', ');
          return `    line ${p.line} (${p.type}) labelled ${values}: ${clip(passageAt(lines, p.line))}`;
        }).join('\n'));
      } else if (evidence) {
        c.fp++;
        const line = doc.lines.lineAt(evidence.start) + 1;
        const denied = labels.passages.some((p) => p.annotations.some((a) => a.requirement === row.requirement && !a.performed));
        falseHits[i].push(`- FALSE HIT ${name} line ${line}${denied ? ' (labelled as denied there or elsewhere)' : ''}: ${clip(doc.text.slice(evidence.start, evidence.end))}`);
      }
    });
  }
  const items: ItemScore[] = table.map((row, i) => {
    const c = counts[i];
    return { requirement: row.requirement, covered: row.checklist !== '-', positives: c.positives, tp: c.tp, fp: c.fp, fn: c.fn, ...f1(c.tp, c.fp, c.fn) };
  });
  // Items the checklist does not cover are never reported missing: F1 0 in the 21-item macro.
  const macro21 = items.reduce((a, it) => a + (it.covered ? it.f1 : 0), 0) / items.length;
  const covered = items.filter((it) => it.covered);
  const macroCovered = covered.reduce((a, it) => a + it.f1, 0) / Math.max(1, covered.length);
  for (const [i, row] of table.entries()) {
    report.push(`\n## ${row.requirement} (${row.disclosures}; checklist ${row.checklist}): P ${pct(items[i].precision)} R ${pct(items[i].recall)} F1 ${pct(items[i].f1)}`);
    report.push(...misses[i], ...falseHits[i]);
  }
  return { items, macro21, macroCovered, coveredCount: covered.length, files: names.length };
}

export function printDev(r: DevResult): string[] {
  const out = [`Disclosure recognition, ${r.files} labelled policies (gdpr-transparency-200-dev)`];
  out.push(`${'requirement'.padEnd(38)} ${'pos'.padStart(4)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  prec   rec    F1  checklist`);
  for (const it of r.items) {
    out.push(`${it.requirement.padEnd(38)} ${String(it.positives).padStart(4)} ${String(it.tp).padStart(4)} ${String(it.fp).padStart(4)} ${String(it.fn).padStart(4)} ${pct(it.precision)} ${pct(it.recall)} ${pct(it.f1)}  ${it.covered ? 'yes' : 'no (F1 0 in the 21-item macro)'}${it.positives >= 15 && it.f1 < 0.75 ? '  < 0.75' : ''}`);
  }
  out.push(`macro F1 over 21: ${r.macro21.toFixed(3)}   over the ${r.coveredCount} the checklist covers: ${r.macroCovered.toFixed(3)}   (goal ≥ 0.90; items with ≥ 15 positives ≥ 0.75)`);
  return out;
}
