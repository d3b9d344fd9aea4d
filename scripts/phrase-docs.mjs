// Writes the docs of the phrase rules from server/data/phrase-rules.json: each rule's page
// (docs/rules/<id>.md) and the phrase-rule table of docs/rules/README.md, between
// `<!-- phrase-rules:start -->` and `<!-- phrase-rules:end -->`. The README's rule row comes from
// the registry (scripts/readme-rules.mjs), which reads the same data.
//   node scripts/phrase-docs.mjs                           rewrites the pages
//   node scripts/phrase-docs.mjs --check                   exits 1, changing nothing, when a page is out of date
//   node scripts/phrase-docs.mjs --data FILE --docs DIR    reads FILE and writes into DIR instead
// test/rules/phrase.test.ts runs the --check form.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from './load-ts.mjs';

const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? resolve(process.argv[at + 1]) : undefined;
};
const dataFile = arg('--data') ?? join(root, 'server/data/phrase-rules.json');
const docs = arg('--docs') ?? join(root, 'docs/rules');
const check = process.argv.includes('--check');
const { rules } = JSON.parse(readFileSync(dataFile, 'utf8'));

const fence = (text) => ['```markdown', text, '```'].join('\n');

const names = { eu: 'the EU GDPR', uk: 'the UK GDPR', us: 'US federal law', 'us-ca': 'California law (CCPA)', br: 'the LGPD', ca: 'PIPEDA', 'ca-qc': 'Québec law' };

/** The context an entry asks for, as paragraphs of the page, each followed by a blank line; nothing when it asks for none. */
function conditions(rule) {
  const paragraphs = [];
  if (rule.laws) paragraphs.push([`Only when ${rule.laws.map((c) => names[c] ?? `\`${c}\``).join(' or ')} applies to the policy: declared in the front matter (\`jurisdictions:\`) or by the \`policywright.compliance.jurisdictions\` setting, or, when neither says, evident from the text.`]);
  if (rule.unlessNegated) paragraphs.push(['Not when the clause before the phrase denies it ("not", "never", "no", "-n\'t").']);
  if (rule.near) paragraphs.push(['Only when the same sentence also writes each of:', '', ...rule.near.map((p) => `- \`${p}\``)]);
  if (rule.notNear) paragraphs.push(['Not when the same sentence writes any of:', '', ...rule.notNear.map((p) => `- \`${p}\``)]);
  if (rule.notUnder) paragraphs.push(['Not in a section, or under a heading, whose title writes any of:', '', ...rule.notUnder.map((p) => `- \`${p}\``)]);
  return paragraphs.flatMap((lines) => [...lines, '']);
}

export function renderPage(rule) {
  const fix = rule.replacement === undefined ? 'no' : rule.replacement === '' ? 'yes (deletes the phrase)' : `yes (writes “${rule.replacement}”)`;
  return [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    `Default severity: **${rule.severity}** · Quick fix: ${fix}`,
    '',
    '<!-- Written by scripts/phrase-docs.mjs from server/data/phrase-rules.json: edit the entry, not this page. -->',
    '',
    '## What it checks',
    '',
    'Each place a sentence of the prose writes one of these phrases (in any case, as whole words):',
    '',
    ...rule.pattern.map((p) => `- \`${p}\``),
    '',
    ...conditions(rule),
    '## Why it matters',
    '',
    rule.explanation,
    '',
    '## Legal source',
    '',
    rule.legalSource ?? 'None. This is a drafting check.',
    '',
    '## Example',
    '',
    'This fires:',
    '',
    fence(rule.example.flags),
    ...(rule.example.fixed ? ['', 'Fixed:', '', fence(rule.example.fixed)] : []),
    '',
    "## Turning it off",
    '',
    "In VS Code settings, set the rule's severity or turn it off for a workspace or folder:",
    '',
    '```json',
    '{',
    `  "policywright.rules": { "${rule.id}": "off" }`,
    '}',
    '```',
    '',
    'To silence one place in a policy, put a suppression comment in the Markdown:',
    '',
    fence(`<!-- policywright-disable-next-line ${rule.id} -- a reason for the next reader -->`),
    '',
  ].join('\n');
}

export function renderIndex(rules) {
  if (rules.length === 0) return 'None yet: see CONTRIBUTING.md, "Add a phrase rule".';
  const rows = rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.description.replace(/\|/g, '\\|')} | ${r.severity} | ${r.replacement === undefined ? 'no' : 'yes'} |`);
  return ['| Rule | What it finds | Default severity | Quick fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function between(text, name, content) {
  const [open, close] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`docs/rules/README.md needs the markers ${open} and ${close}`);
  return `${text.slice(0, start + open.length)}\n${content}\n${text.slice(end)}`;
}

const problems = [];
const write = (path, text) => {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) return;
  if (check) problems.push(`${path}: out of date with ${dataFile}; run \`node scripts/phrase-docs.mjs\``);
  else writeFileSync(path, text);
};
for (const rule of rules) write(join(docs, `${rule.id}.md`), renderPage(rule));
const indexPath = join(docs, 'README.md');
write(indexPath, between(readFileSync(indexPath, 'utf8'), 'phrase-rules', renderIndex(rules)));
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
