/**
 * The material-change review (issue 18) against ../shared/corpus/versions: for each pair of consecutive versions,
 * whether the review calls the change material, whether it saw the date move, and which of the kinds of change the
 * folder's README names it reports (bench/accuracy/version-changes.tsv is our summary of that account).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPolicyDocument } from '../../server/src/model/policyDocument';
import { compareVersions } from '../../server/src/facts/changes';
import { readTsv } from './tsv';

export function versionChanges(dir: string, expectedPath: string): string[] {
  const lines = ['\nMaterial-change review on the version pairs (../shared/corpus/versions, expected kinds from bench/accuracy/version-changes.tsv)'];
  lines.push('pair           material        date bumped     kinds found / expected');
  let verdicts = 0;
  let dates = 0;
  let kindsFound = 0;
  let kindsExpected = 0;
  const rows = readTsv(expectedPath);
  for (const row of rows) {
    const files = readdirSync(join(dir, row.service)).filter((f) => f.endsWith('.md')).sort();
    const [older, newer] = files.map((f) => buildPolicyDocument(`${row.service}/${f}`, 0, readFileSync(join(dir, row.service, f), 'utf8')));
    const result = compareVersions(older, newer);
    const found = new Set(result.changes.filter((c) => c.kind !== 'other').map((c) => c.kind));
    const expected = row.kinds === '-' ? [] : row.kinds.split(',');
    const hit = expected.filter((k) => found.has(k as never));
    const materialRight = result.material === (row.material === 'yes');
    const dateRight = result.dateUpdated === (row.dateBumped === 'yes');
    verdicts += Number(materialRight);
    dates += Number(dateRight);
    kindsFound += hit.length;
    kindsExpected += expected.length;
    const mark = (ok: boolean, said: boolean) => `${said ? 'yes' : 'no'}${ok ? '' : ' (wrong)'}`.padEnd(16);
    lines.push(`${row.service.padEnd(15)}${mark(materialRight, result.material)}${mark(dateRight, result.dateUpdated)}${expected.length === 0 ? `none expected; reported ${[...found].join(', ') || 'none'}` : `${hit.length}/${expected.length} (${expected.map((k) => (found.has(k as never) ? k : `missed ${k}`)).join(', ')})`}`);
  }
  lines.push(`material or not right on ${verdicts}/${rows.length} pairs; date bump right on ${dates}/${rows.length}; kinds of change found ${kindsFound}/${kindsExpected}`);
  return lines;
}
