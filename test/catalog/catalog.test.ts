import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalog } from '../../server/src/catalog/clauseLibrary';
import { clauseText, parseClauseTemplate, renderCatalogJson, renderSnippetsManifest, renderSnippetsFile, snippetName, JURISDICTIONS } from '../../server/src/catalog/clauseCatalog';
import { parseSnippet, plainText, toSnippetString, type SnippetNode } from '../../server/src/catalog/snippetSyntax';
import { clauseTitleTopics, topicForTitle } from '../../server/src/catalog/sectionTopics';
import { runRules } from '../../server/src/rules/engine';
import { policyDates } from '../../server/src/facts/dates';
import { lines, makeDoc } from '../support/doc';

const root = process.cwd();
const dir = join(root, 'snippets/clauses');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const sources = files.map((f) => ({ file: `snippets/clauses/${f}`, text: readFileSync(join(dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = builtInCatalog();

function tabStops(nodes: readonly SnippetNode[], out: number[] = []): number[] {
  for (const n of nodes) {
    if (n.kind === 'text') continue;
    out.push(n.index);
    if (n.kind === 'tabstop') tabStops(n.children, out);
  }
  return out;
}

describe('the built-in clause catalog', () => {
  it('parses every template file without a single problem', () => {
    for (const source of sources) {
      const { clause, problems } = parseClauseTemplate(source);
      assert.deepEqual(problems.map((p) => `${p.file}:${p.range.start.line + 1}: ${p.message}`), [], source.file);
      assert.ok(clause, source.file);
    }
    assert.deepEqual(catalog.problems, []);
  });

  it('has at least 24 clauses with unique ids, one per template file', () => {
    assert.ok(catalog.clauses.length >= 24, `only ${catalog.clauses.length} clauses`);
    assert.equal(catalog.clauses.length, files.length);
    assert.equal(new Set(catalog.clauses.map((c) => c.id)).size, catalog.clauses.length);
    assert.equal(new Set(catalog.clauses.map((c) => c.prefix)).size, catalog.clauses.length, 'prefixes are unique too');
    assert.equal(new Set(catalog.clauses.map(snippetName)).size, catalog.clauses.length, 'snippet names are unique');
  });

  it('names each template file after its clause id', () => {
    for (const c of catalog.clauses) assert.equal(c.file, `snippets/clauses/${c.id}.md`);
  });

  it('gives every clause all its fields, with at least one source and known jurisdiction codes', () => {
    for (const c of catalog.clauses) {
      for (const field of ['id', 'title', 'topic', 'prefix', 'description'] as const) assert.ok(c[field].trim().length > 0, `${c.id}.${field}`);
      assert.ok(c.sources.length > 0, `${c.id} has no sources`);
      assert.ok(c.jurisdictions.length > 0, `${c.id} has no jurisdictions`);
      for (const j of c.jurisdictions) assert.ok(j === 'all' || j in JURISDICTIONS, `${c.id}: ${j}`);
      assert.ok(Object.isFrozen(c) && Object.isFrozen(c.nodes) && Object.isFrozen(c.sources), `${c.id} is frozen`);
    }
  });

  it('titles every clause so that the section model recognises its topic once inserted', () => {
    for (const c of catalog.clauses) assert.equal(topicForTitle(c.title)?.id, c.topic, `${c.id}: "${c.title}"`);
  });

  it('takes a clause title\'s topic from the template\'s own front matter, with no pattern in section-topics.json', () => {
    // "Telephone hours" matches no topic's pattern: only the front matter says it is the contact section.
    assert.equal(topicForTitle('Telephone hours'), undefined);
    const titles = clauseTitleTopics([
      lines('---', 'id: faq-contact', 'title: Telephone hours', 'topic: contact', '---', 'Write to us.'),
      lines('---', 'title: [not, a, string]', '---'),
      'no front matter at all',
    ]);
    assert.deepEqual([...titles], [['telephone hours', 'contact']]);
  });

  it('writes each body in valid snippet syntax with tab stops numbered from 1 without gaps', () => {
    for (const c of catalog.clauses) {
      const source = toSnippetString(c.nodes);
      assert.deepEqual(parseSnippet(source).errors, [], c.id);
      assert.deepEqual(parseSnippet(source).nodes, c.nodes, `${c.id} survives a round trip`);
      const stops = [...new Set(tabStops(c.nodes))].filter((i) => i > 0).sort((a, b) => a - b);
      assert.ok(stops.length > 0, `${c.id} has no tab stop`);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), c.id);
      // Balanced: whatever is left of the syntax after taking the defaults is a stray brace or dollar.
      assert.doesNotMatch(plainText(c.nodes), /\$\{|\$\d/, c.id);
    }
  });

  it('reads as finished prose: no blanks, doubled words or stray characters once the defaults are in', () => {
    const checked = new Set(['unfilled-placeholder', 'doubled-word', 'doubled-capital', 'mojibake', 'outdated-legal-reference']);
    for (const c of catalog.clauses) {
      const doc = makeDoc(clauseText(c));
      // A default that stands for the firm's own address or number (privacy@example.com, 00000000) is a blank the
      // lawyer must fill: the rule reports it until it is replaced. Nothing else may be reported.
      const defaults = tabStopDefaults(c.nodes);
      const findings = runRules(doc).filter((f) => checked.has(f.ruleId) && !(f.ruleId === 'unfilled-placeholder' && defaults.some((d) => d.includes(doc.text.slice(f.start, f.end)))));
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), [], c.id);
    }
  });

  it('has its address and number defaults reported as blanks, so an inserted clause is never published with them', () => {
    const c = catalog.byId('who-we-are')!;
    const doc = makeDoc(clauseText(c));
    const blanks = runRules(doc).filter((f) => f.ruleId === 'unfilled-placeholder').map((f) => doc.text.slice(f.start, f.end));
    assert.ok(blanks.includes('privacy@example.com'), blanks.join(', '));
  });

  it('has the variants the product brief names for cookies, children and transfers', () => {
    const ids = catalog.clauses.map((c) => c.id);
    for (const id of ['cookies-categories', 'cookies-eu-consent', 'cookies-strictly-necessary', 'children-not-directed', 'children-coppa', 'children-gdpr-art8', 'children-uk']) {
      assert.ok(ids.includes(id), id);
    }
    const transfers = catalog.clauses.filter((c) => c.topic === 'transfers').map((c) => c.id);
    assert.deepEqual(transfers, ['transfers-adequacy', 'transfers-bcr', 'transfers-derogations', 'transfers-dpf', 'transfers-safeguards', 'transfers-sccs']);
  });

  it('puts the age of consent as the first tab stop: 16 for GDPR Art. 8 and 13 for the UK', () => {
    const first = (id: string) => catalog.byId(id)!.nodes.find((n) => n.kind === 'tabstop' && n.index === 1);
    assert.deepEqual(first('children-gdpr-art8'), { kind: 'tabstop', index: 1, children: [{ kind: 'text', value: '16' }] });
    assert.deepEqual(first('children-uk'), { kind: 'tabstop', index: 1, children: [{ kind: 'text', value: '13' }] });
  });

  it('cites the instruments the transfer and cookie clauses rely on', () => {
    const text = (id: string) => `${clauseText(catalog.byId(id)!)}\n${catalog.byId(id)!.sources.join('\n')}`;
    assert.match(text('transfers-dpf'), /2023\/1795/);
    assert.match(text('transfers-sccs'), /2021\/914/);
    assert.match(text('transfers-sccs'), /International Data Transfer Agreement|IDTA/);
    assert.match(text('transfers-bcr'), /Art\. 47/);
    assert.match(text('transfers-derogations'), /Art\. 49/);
    assert.match(text('cookies-eu-consent'), /Planet49/);
    assert.match(text('cookies-eu-consent'), /Reject all/);
    assert.match(text('ccpa-sale-sharing'), /Do Not Sell or Share My Personal Information/);
    assert.match(text('ccpa-sale-sharing'), /Limit the Use of My Sensitive Personal Information/);
    assert.match(text('children-coppa'), /312\.4\(d\)/);
  });

  it('flags every source not yet checked against the official text, never a bare [K] marker', () => {
    for (const c of catalog.clauses) for (const s of c.sources) assert.doesNotMatch(s, /\[K\]/, `${c.id}: ${s}`);
    const unverified = catalog.clauses.flatMap((c) => c.sources).filter((s) => /not yet verified/.test(s));
    assert.ok(unverified.length > 0, 'the catalog relies on some unverified items and says so');
  });

  it('dates the policy with the effective-date clause in a form the date rules read', () => {
    const dates = policyDates(makeDoc(clauseText(catalog.byId('effective-date')!)));
    assert.ok(dates.some((d) => d.date.toISOString().startsWith('2026-01-01')), JSON.stringify(dates));
  });
});

describe('the generated files', () => {
  it('keep snippets/privacy-policy.code-snippets equal to the catalog (run `npm run generate` when this fails)', () => {
    const committed = readFileSync(join(root, 'snippets/privacy-policy.code-snippets'), 'utf8');
    assert.equal(committed, renderSnippetsFile(catalog.clauses));
  });

  it('keep server/data/clauses.json equal to the template files (run `npm run generate` when this fails)', () => {
    const committed = readFileSync(join(root, 'server/data/clauses.json'), 'utf8');
    assert.equal(committed, renderCatalogJson(sources));
  });

  it('give each snippet the clause heading, its prefix and its description', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets/privacy-policy.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
    const cookies = snippets['Cookies and similar technologies (EU/UK opt-in consent)'];
    assert.deepEqual(cookies.prefix, ['cookies-eu']);
    assert.equal(cookies.body[0], '## Cookies and similar technologies');
    assert.equal(cookies.body[1], '');
    assert.match(cookies.body.join('\n'), /\$\{2:Accept all\}/);
    assert.equal(Object.keys(snippets).length, catalog.clauses.length);
  });

  it('are contributed by package.json: the injection grammar, and not the snippets (completion lists each clause once)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.snippets, undefined, 'in VS Code the server offers every clause; a contributed snippet would list it twice');
    const manifest = JSON.parse(readFileSync(join(root, 'snippets/package.json'), 'utf8'));
    assert.equal(readFileSync(join(root, 'snippets/package.json'), 'utf8'), renderSnippetsManifest());
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './privacy-policy.code-snippets' }]);
    const grammars = pkg.contributes.grammars as Array<{ scopeName: string; path: string; injectTo: string[] }>;
    const grammar = grammars.find((g) => g.scopeName === 'text.html.markdown.policywright');
    assert.ok(grammar && grammar.injectTo.includes('text.html.markdown'));
    assert.ok(existsSync(join(root, grammar.path)));
    assert.ok((pkg.contributes.commands as Array<{ command: string }>).some((c) => c.command === 'policywright.openClause'));
    assert.equal(pkg.scripts.generate, 'node scripts/generate-snippets.mjs');
  });
});

/** The text of every tab stop's default in a clause, nested ones included. */
function tabStopDefaults(nodes: readonly SnippetNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) if (n.kind === 'tabstop') out.push(plainText(n.children), ...tabStopDefaults(n.children));
  return out;
}
