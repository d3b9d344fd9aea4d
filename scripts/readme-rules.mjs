// Writes the README's rule table from the rule registry, between `<!-- rules:start -->` and
// `<!-- rules:end -->`, so the list a lawyer reads is the list the checker runs; and its settings
// table from package.json, between `<!-- settings:start -->` and `<!-- settings:end -->`.
//   node scripts/readme-rules.mjs          rewrites README.md
//   node scripts/readme-rules.mjs --check  exits 1, changing nothing, when README.md is out of date
// test/readme.test.ts runs the --check form.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, root } from './load-ts.mjs';

const README = join(root, 'README.md');

/** The registry is TypeScript: load it through an in-memory bundle. */
async function loadRules() {
  return (await loadTs("export { RULES } from './server/src/rules/registry';")).RULES;
}

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderTable(rules) {
  const rows = rules.map(({ meta }) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${cell(meta.description)} | ${meta.legalSource ? cell(meta.legalSource) : ''} |`);
  return ['| Rule | Default | What it finds | Legal source |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function renderSettings(manifest) {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, s]) => {
    const value = Array.isArray(s.default) ? s.default.map((v) => `\`${v}\``).join(', ') : `\`${JSON.stringify(s.default)}\``;
    return `| \`${key}\` | ${cell(value)} | ${cell(s.markdownDescription ?? s.description)} |`;
  });
  return ['| Setting | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
export function between(readme, name, content) {
  const [open, close] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${open} and ${close}`);
  return `${readme.slice(0, start + open.length)}\n${content}\n${readme.slice(end)}`;
}

const current = readFileSync(README, 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const updated = between(between(current, 'rules', renderTable(await loadRules())), 'settings', renderSettings(manifest));
if (process.argv.includes('--check')) {
  if (updated !== current) {
    console.error('README.md: the rule or settings table is out of date with server/src/rules/registry.ts or package.json; run `node scripts/readme-rules.mjs`');
    process.exit(1);
  }
} else if (updated !== current) {
  writeFileSync(README, updated);
  console.log('README.md: rule and settings tables updated');
}
