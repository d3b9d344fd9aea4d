import { resolve } from 'node:path';
import { buildPolicyDocument } from '../model/policyDocument';
import { compareVersions, type Change } from '../facts/changes';
import { readText } from './files';
import type { CliIO } from './report';

export const DIFF_USAGE = `Usage: policywright diff [--format text|json|markdown] <older file> <newer file>

Compares two versions of a policy by meaning, not by line: passages about data categories, purposes,
recipients, transfers, retention, rights, sale or sharing, children and tracking that were added, removed,
or changed in a number or a negation; sections added or removed; and whether the policy's own date moved.
A reworded passage that says the same thing is counted as a wording edit, not listed.

Options:
  --format text|json|markdown  output format (default: text); markdown suits a pull-request comment

Exit codes: 0 no material change, or a material change with the date updated; 1 a material change
without a new date (11 CCR §7011(e)(4), Cal. Bus. & Prof. Code §22575(b)(4)); 2 bad usage or a file
that could not be read.`;

const LABEL: Readonly<Record<Change['kind'], string>> = {
  categories: 'data collected',
  purposes: 'purposes',
  recipients: 'recipients',
  transfers: 'transfers abroad',
  retention: 'retention',
  rights: 'rights',
  sale: 'sale or sharing',
  children: 'children',
  tracking: 'tracking',
  section: 'section',
  other: 'other text',
};

const excerpt = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > 90 ? `${one.slice(0, 89)}…` : one}”`;
};

/** `policywright diff OLD NEW`: arguments in, exit code out. */
export function runDiff(paths: readonly string[], format: string, io: CliIO): number {
  if (paths.length !== 2) {
    io.err(`policywright: diff compares two files, the older version and then the newer one (got ${paths.length})\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    io.err(`policywright: --format for diff must be "text", "json" or "markdown", not "${format}"\n`);
    return 2;
  }
  const docs = [];
  for (const path of paths) {
    const read = readText(resolve(io.cwd, path));
    if (!read.ok) {
      io.err(`policywright: ${path}: ${read.message}\n`);
      return 2;
    }
    docs.push(buildPolicyDocument(path, 0, read.text));
  }
  const [older, newer] = docs;
  const result = compareVersions(older, newer);
  const where = (c: Change) => {
    const doc = c.inOlder ? older : newer;
    return `${c.inOlder ? paths[0] : paths[1]}:${doc.lines.positionAt(c.start).line + 1}`;
  };
  const shown = result.changes.filter((c) => c.kind !== 'other');
  const verdict = !result.material
    ? `No material change${result.wordingEdits > 0 ? ` (${result.wordingEdits} passage${result.wordingEdits === 1 ? '' : 's'} reworded)` : ''}`
    : result.dateUpdated
      ? 'Material change, and the policy date was updated'
      : 'Material change, but the policy date was not updated: update it, and tell readers what changed';
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          version: 1,
          material: result.material,
          dateUpdated: result.dateUpdated,
          wordingEdits: result.wordingEdits,
          changes: result.changes.map((c) => ({ kind: c.kind, how: c.how, where: where(c), why: c.why, text: c.text })),
        },
        null,
        2,
      ) + '\n',
    );
  } else if (format === 'markdown') {
    io.out(`**${verdict}.**\n\n`);
    if (shown.length > 0) {
      io.out('| kind | change | where | passage |\n|---|---|---|---|\n');
      for (const c of shown) io.out(`| ${LABEL[c.kind]} | ${c.how}${c.why ? ` (${c.why})` : ''} | ${where(c)} | ${excerpt(c.text).replace(/\|/g, '\\|')} |\n`);
    }
  } else {
    for (const c of shown) io.out(`${where(c)} ${LABEL[c.kind]} ${c.how}${c.why ? ` (${c.why})` : ''}: ${excerpt(c.text)}\n`);
    io.out(`${verdict}\n`);
  }
  return result.material && !result.dateUpdated ? 1 : 0;
}
