// Writes the generated parts of each compliance rule's page (docs/rules/missing-*-disclosure.md) from
// server/data/requirements.json and server/data/disclosures.json as the checker reads them, so that the page a lawyer
// reads lists what the rule checks: the rule's description and default severity between `<!-- rule:start -->` and
// `<!-- rule:end -->`, and the table of required items between `<!-- requirements:start -->` and
// `<!-- requirements:end -->`.
//   node scripts/compliance-docs.mjs                  rewrites the pages
//   node scripts/compliance-docs.mjs --check          exits 1, changing nothing, when a page is out of date
//   node scripts/compliance-docs.mjs --docs DIR ...   reads and writes the pages in DIR instead of docs/rules
// test/compliance/docs.test.ts runs the --check form.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs, root } from './load-ts.mjs';

const markers = (name) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];

/** The compliance modules are TypeScript: load them through an in-memory bundle. */
function loadCompliance() {
  return loadTs(
    [
      "export { LAWS } from './server/src/facts/requirements';",
      "export { disclosure } from './server/src/facts/disclosures';",
      "export { COMPLIANCE_RULES } from './server/src/rules/compliance';",
      "export { builtInLibrary } from './server/src/catalog/clauseLibrary';",
    ].join('\n'),
  );
}

const MILDER = { error: 'warning', warning: 'information', information: 'information', hint: 'hint' };
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const lowerFirst = (s) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

function fixCell(item, law, c) {
  const elsewhere = item.ruleId !== law.rule ? item.ruleId : undefined;
  if (elsewhere) return `reported by [${elsewhere}](${elsewhere}.md)`;
  const clause = c.builtInLibrary().byId(item.clause);
  const title = clause ? `the “${clause.title}” clause` : `the \`${item.clause}\` clause`;
  return c.disclosure(item.disclosure)?.addition ? `a sentence, or ${title}` : title;
}

function conditionCell(item, c) {
  const sells = item.severityIfSells ? `; ${item.severityIfSells} when the front matter says \`sells-or-shares: true\`` : '';
  const within = item.inSection ? `; said in the ${item.inSection} section when the policy has one` : '';
  if (!item.whenMentions) return `always${within}${sells}`;
  const title = c.disclosure(item.whenMentions)?.title ?? item.whenMentions;
  return `only if: ${lowerFirst(title)}`;
}

/** 2027-01-01 as "1 Jan 2027", with the last day when the item was repealed; "—" when the law gives no date here. */
function appliesCell(item) {
  const short = (day) => {
    const [y, m, d] = day.split('-').map(Number);
    return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
  };
  if (!item.from && !item.until) return '—';
  return `${item.from ? short(item.from) : '—'}${item.until ? ` until ${short(item.until)}` : ''}`;
}

/** The generated part of one rule's page: for each law of the rule, its items and its source. */
export function renderRequirements(ruleId, c) {
  const laws = c.LAWS.filter((l) => l.rule === ruleId);
  const parts = [];
  for (const law of laws) {
    if (laws.length > 1) parts.push(`### ${law.name}`, '');
    if (law.whenChildren) parts.push('Only for a service directed at children.', '');
    if (law.thresholds) parts.push('Applies only to a business above the law\'s thresholds: its items are information unless the front matter says `thresholds: met`.', '');
    parts.push('| Disclosure | Provision | Applies from | Severity (declared / inferred) | Required | Quick fix adds |', '| --- | --- | --- | --- | --- | --- |');
    for (const item of law.items) {
      parts.push(`| ${cell(item.title)} | ${cell(item.article)} | ${cell(appliesCell(item))} | ${item.severity} / ${MILDER[item.severity]} | ${cell(conditionCell(item, c))} | ${cell(fixCell(item, law, c))} |`);
    }
    parts.push('', `Source: ${law.source}.`, '');
    if (law.verified) parts.push(`Checked against: ${law.verified} (2 Dec 2026).`, '');
  }
  return parts.join('\n').trimEnd();
}

/** The line under the page title: what the rule finds, and its default severity. */
export function renderHeader(rule) {
  return `${rule.meta.description}\n\nDefault severity: **${rule.meta.defaultSeverity}** · Quick fix: yes (adds the missing sentence to its section, or inserts a clause from the library)`;
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`; undefined when the page lacks them. */
function between(page, name, content) {
  const [open, close] = markers(name);
  const start = page.indexOf(open);
  const end = page.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return `${page.slice(0, start + open.length)}\n${content}\n${page.slice(end)}`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const check = process.argv.includes('--check');
  const at = process.argv.indexOf('--docs');
  const docs = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'docs/rules');
  const c = await loadCompliance();
  const problems = [];
  for (const rule of c.COMPLIANCE_RULES) {
    const path = join(docs, `${rule.meta.id}.md`);
    if (!existsSync(path)) {
      problems.push(`${path}: missing; write the page with the markers ${markers('rule').join(' ')} under its title and ${markers('requirements').join(' ')} where the table goes`);
      continue;
    }
    const page = readFileSync(path, 'utf8');
    const withHeader = between(page, 'rule', renderHeader(rule));
    const updated = withHeader === undefined ? undefined : between(withHeader, 'requirements', renderRequirements(rule.meta.id, c));
    if (updated === undefined) problems.push(`${path}: needs the markers ${markers('rule').join(' ')} and ${markers('requirements').join(' ')}`);
    else if (updated !== page) {
      if (check) problems.push(`${path}: the description or the table of required items is out of date with server/data/requirements.json or disclosures.json; run \`node scripts/compliance-docs.mjs\``);
      else {
        writeFileSync(path, updated);
        console.log(`${path}: table updated`);
      }
    }
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
