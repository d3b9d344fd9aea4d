import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInCatalog, builtInLibrary, listClauses, loadClauseLibrary, type ClauseLibrary } from '../../server/src/catalog/clauseLibrary';
import { formatProblem, parseClauseTemplate } from '../../server/src/catalog/clauseCatalog';
import { parseSnippet } from '../../server/src/catalog/snippetSyntax';
import { isClauseTemplate, provideTemplateDiagnostics } from '../../server/src/features/templateDiagnostics';
import { lines } from '../support/doc';

function template(fields: Record<string, string>, body: string): string {
  return lines('---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', '', body, '');
}

const FIELDS = {
  id: 'firm-whistleblowing',
  title: 'Reporting concerns',
  topic: 'contact',
  prefix: 'whistleblowing',
  jurisdictions: '[eu, uk]',
  description: 'How staff and others can report a privacy concern in confidence.',
  sources: '["Directive (EU) 2019/1937"]',
};

describe('a workspace clause library', () => {
  let root: string;
  let library: ClauseLibrary;
  const clauses = () => join(root, '.policywright', 'clauses');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'policywright-library-'));
    mkdirSync(clauses(), { recursive: true });
    writeFileSync(join(clauses(), 'cookies.md'), template({ ...FIELDS, id: 'cookies-eu-consent', title: 'Cookies', topic: 'cookies', prefix: 'firm-cookies' }, 'Our firm-approved cookie wording for ${1:Example Ltd}.'));
    writeFileSync(join(clauses(), 'whistleblowing.md'), template(FIELDS, 'Write to ${1:ethics@example.com}. We keep your name confidential.'));
    // Broken twice over: no `id`, and a tab stop that is never closed on the body's second line.
    writeFileSync(join(clauses(), 'broken.md'), template({ ...FIELDS, id: '' }, lines('First line.', 'Contact ${1:privacy@example.com today.')).replace('id: \n', ''));
    writeFileSync(join(clauses(), 'notes.txt'), 'not a template');
    mkdirSync(join(clauses(), 'drafts.md'));
    library = await loadClauseLibrary([root]);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('replaces a built-in clause with the firm template of the same id', () => {
    const clause = library.byId('cookies-eu-consent')!;
    assert.equal(clause.origin, 'workspace');
    assert.equal(clause.title, 'Cookies');
    assert.equal(clause.file, join(clauses(), 'cookies.md'));
    assert.deepEqual(library.overridden, ['cookies-eu-consent']);
    assert.equal(library.clauses.filter((c) => c.id === 'cookies-eu-consent').length, 1);
  });

  it('adds the firm template with a new id next to the built-ins', () => {
    assert.equal(library.byId('firm-whistleblowing')?.origin, 'workspace');
    assert.equal(library.clauses.length, builtInCatalog().clauses.length + 1);
  });

  it('reports the broken template with its path, line and what is wrong, and loads the rest', () => {
    const problems = library.problems.map(formatProblem);
    const file = join(clauses(), 'broken.md');
    assert.ok(problems.some((p) => p.startsWith(`${file}:1:`) && p.includes('Field `id` is missing')), problems.join('\n'));
    // Line 11: nine front-matter lines less the dropped id, a blank, "First line." and then the tab stop.
    assert.ok(problems.some((p) => p.startsWith(`${file}:11:9:`) && p.includes('is never closed')), problems.join('\n'));
    assert.ok(library.problems.every((p) => p.file === file), 'only the broken file has problems');
  });

  it('reads only Markdown files, not other files or folders', () => {
    assert.ok(library.clauses.every((c) => !c.file.endsWith('notes.txt') && !c.file.endsWith('drafts.md')));
  });

  it('reports a second firm template that takes an id already used', async () => {
    writeFileSync(join(clauses(), 'whistleblowing2.md'), template(FIELDS, 'Another text.'));
    try {
      const again = await loadClauseLibrary([root]);
      const duplicate = again.problems.find((p) => p.file.endsWith('whistleblowing2.md'));
      assert.match(duplicate?.message ?? '', /Clause id `firm-whistleblowing` is already used by/);
      assert.equal(again.byId('firm-whistleblowing')?.file, join(clauses(), 'whistleblowing.md'));
    } finally {
      rmSync(join(clauses(), 'whistleblowing2.md'));
    }
  });

  it('skips a template too large to be a clause, with a problem saying so', async () => {
    const big = join(clauses(), 'huge.md');
    writeFileSync(big, template({ ...FIELDS, id: 'huge' }, 'x'.repeat(300 * 1024)));
    try {
      const again = await loadClauseLibrary([root]);
      assert.equal(again.byId('huge'), undefined);
      assert.match(again.problems.find((p) => p.file === big)?.message ?? '', /larger than the 256 KB/);
    } finally {
      rmSync(big);
    }
  });

  it('is the built-in catalog alone when the folder does not exist', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'policywright-empty-'));
    try {
      const plain = await loadClauseLibrary([empty]);
      assert.deepEqual(plain.problems, []);
      assert.equal(plain.clauses.length, builtInLibrary().clauses.length);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('lists every clause for the picker with its origin, file and template source', () => {
    const listed = listClauses(library);
    assert.equal(listed.length, library.clauses.length);
    const firm = listed.find((c) => c.id === 'firm-whistleblowing')!;
    assert.equal(firm.origin, 'workspace');
    assert.match(firm.source, /^---\nid: firm-whistleblowing/);
    assert.equal(listed.find((c) => c.id === 'children-coppa')?.variant, 'COPPA notice for children under 13');
  });
});

describe('clause template validation', () => {
  const parse = (text: string) => parseClauseTemplate({ file: 'x.md', text, origin: 'workspace' });

  it('refuses snippet variables and transforms, which would compute text', () => {
    const { problems } = parse(template(FIELDS, 'Hello ${TM_FILENAME} and ${1/a/b/}'));
    assert.deepEqual(problems.map((p) => p.message.split(',')[0]), ['Snippet variable `$TM_FILENAME` is not supported in a clause', 'Transform `${1/…` is not supported in a clause']);
  });

  it('catches a dollar amount that would silently become a tab stop', () => {
    assert.match(parseSnippet('It costs $25 for ${1:you}.').errors[0]?.message ?? '', /Tab stop 25 skips 2/);
    assert.deepEqual(parseSnippet('It costs \\$25 for ${1:you}.').errors, []);
  });

  it('catches a comma that splits a choice option in two', () => {
    assert.match(parseSnippet('${1|We share it, as described below.,We do not share it.|}').errors[0]?.message ?? '', /option starting with a space .*write a comma inside an option as `\\,`/);
    assert.deepEqual(parseSnippet('${1|We share it\\, as described below.,We do not share it.|}').errors, []);
  });

  it('refuses two defaults for one tab stop, an unknown jurisdiction and a body heading above level 3', () => {
    const { problems } = parse(template({ ...FIELDS, jurisdictions: '[eu, mars]' }, lines('${1:a} and ${1:b}', '', '## Too high')));
    const messages = problems.map((p) => `${p.range.start.line}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('5: Field `jurisdictions` has the unknown code `mars`')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('10: Tab stop 1 has two different defaults')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('12: Heading level 2 inside the clause text')), messages.join('\n'));
  });

  it('reports invalid YAML at its line and an unknown field as a warning that still loads the clause', () => {
    const yamlError = parse(lines('---', 'id: a', 'title: [unclosed', '---', 'Text.'));
    assert.equal(yamlError.clause, undefined);
    assert.match(yamlError.problems[0].message, /^Front matter is not valid YAML/);
    const extra = parse(template({ ...FIELDS, author: 'Jane' }, 'Text ${1:here}.'));
    assert.ok(extra.clause);
    assert.deepEqual(extra.problems.map((p) => [p.severity, p.range.start.line]), [['warning', 8]]);
  });

  it('reads a YAML tag as plain data and never runs it', () => {
    const g = globalThis as { policywrightRan?: boolean };
    const { clause } = parse(template({ ...FIELDS, description: "!!js/function 'function () { globalThis.policywrightRan = true }'" }, 'Text ${1:here}.'));
    assert.equal(g.policywrightRan, undefined);
    assert.equal(typeof clause?.description, 'string');
  });

  it('parses a template written with CRLF line ends into the same clause', () => {
    const lf = parse(template(FIELDS, lines('Line ${1:one}.', '', 'Line two.')));
    const crlf = parse(template(FIELDS, lines('Line ${1:one}.', '', 'Line two.')).replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.problems, []);
    assert.deepEqual(crlf.clause?.nodes, lf.clause?.nodes);
  });
});

describe('template diagnostics', () => {
  const uri = 'file:///work/firm/.policywright/clauses/broken.md';

  it('recognises template files by their folder', () => {
    assert.ok(isClauseTemplate(uri));
    assert.ok(isClauseTemplate('C:\\firm\\.policywright\\clauses\\a.md'));
    assert.ok(!isClauseTemplate('file:///work/firm/privacy-policy.md'));
    assert.ok(!isClauseTemplate('file:///work/firm/.policywright/clauses/sub/a.md'));
  });

  it('points at the unclosed tab stop and the missing field in the editor', () => {
    const text = template({ ...FIELDS, id: '' }, 'Contact ${1:privacy@example.com').replace('id: \n', '');
    const diagnostics = provideTemplateDiagnostics(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.code, String(d.message).split(',')[0]]),
      [
        [0, 0, 1, 'clause-template', 'Field `id` is missing'],
        [9, 8, 1, 'clause-template', 'Tab stop `${1:` is never closed'],
      ],
    );
  });

  it('tells a firm template that it replaces a built-in clause', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policywright-diag-'));
    try {
      const dir = join(root, '.policywright', 'clauses');
      mkdirSync(dir, { recursive: true });
      const text = template({ ...FIELDS, id: 'retention' }, 'We keep it ${1:briefly}.');
      writeFileSync(join(dir, 'retention.md'), text);
      const library = await loadClauseLibrary([root]);
      const diagnostics = provideTemplateDiagnostics(join(dir, 'retention.md'), text, library);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity, d.message]), [[1, 4, 'Clause `retention` replaces the built-in clause with the same id, rename `id` to offer both']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
