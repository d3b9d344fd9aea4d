import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, InitializedNotification, InitializeRequest, ShutdownRequest, type MarkupContent } from 'vscode-languageserver/node';
import { loadClauseLibrary, mergeLibrary, builtInCatalog, type ClauseLibrary } from '../../server/src/catalog/clauseLibrary';
import { buildCatalog, clauseText, parseClauseTemplate } from '../../server/src/catalog/clauseCatalog';
import { provideTemplateDiagnostics } from '../../server/src/features/templateDiagnostics';
import { provideHover } from '../../server/src/features/hover';
import { LspHarness } from '../support/lspHarness';
import { lines, makeDoc } from '../support/doc';

/**
 * One bad firm template must fail alone: the good ones still load, the bad one says what is wrong
 * in its own file and in the policy being edited (where the lawyer notices a clause is missing).
 */
const template = (fields: Record<string, string>, body: string) => lines('---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', '', body, '');
const FIELDS = { id: 'firm-records', title: 'Keeping records', topic: 'retention', prefix: 'firm-keep', jurisdictions: '[all]', description: 'Firm wording.', sources: '[]' };
const BOMB = template({ ...FIELDS, id: 'firm-bomb', prefix: 'bomb', a: '&a [x,x,x,x,x,x,x,x,x,x]', b: '&b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', c: '[*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]' }, 'Text.');
const DEEP = template({ ...FIELDS, id: 'firm-deep', prefix: 'deep' }, `${'${1:'.repeat(5_000)}x${'}'.repeat(5_000)}`);
const GOOD = template(FIELDS, 'We keep records for ${1:six years}.');
const parse = (file: string, text: string) => parseClauseTemplate({ file, text, origin: 'workspace' });

describe('one bad firm clause template', () => {
  it('with a YAML alias bomb fails alone, with a problem on its own line', () => {
    const catalog = buildCatalog([{ file: 'bomb.md', text: BOMB, origin: 'workspace' }, { file: 'good.md', text: GOOD, origin: 'workspace' }]);
    assert.deepEqual(catalog.clauses.map((c) => c.id), ['firm-records']);
    // Besides the warnings that `a`, `b` and `c` are not clause fields.
    const errors = catalog.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => `${p.file}:${p.range.start.line}: ${p.message}`), ['bomb.md:10: Field “c” repeats YAML aliases too often to be read (a resource exhaustion guard), write the values out instead of using “*” aliases']);
  });

  it('nesting tab stops 5,000 deep fails alone, saying how deep they may go', () => {
    const catalog = buildCatalog([{ file: 'deep.md', text: DEEP, origin: 'workspace' }, { file: 'good.md', text: GOOD, origin: 'workspace' }]);
    assert.deepEqual(catalog.clauses.map((c) => c.id), ['firm-records']);
    assert.equal(catalog.problems.length, 1);
    assert.match(catalog.problems[0].message, /^Tab stops nested more than 16 deep, a placeholder may hold at most 16 levels of other placeholders$/);
    assert.equal(catalog.problems[0].range.start.line, 10);
  });

  it('with a field written twice is still refused (keys are compared in one pass, not each with every other)', () => {
    const { problems } = parse('twice.md', template({ ...FIELDS, id: 'firm-twice' }, 'Text.').replace('topic: retention', 'topic: retention\ntopic: cookies'));
    assert.match(problems[0]?.message ?? '', /^Front matter is not valid YAML \(Map keys must be unique\)/);
    assert.equal(problems[0]?.range.start.line, 4);
  });

  it('shows its problem in the template itself, as the editor asks for it', () => {
    for (const text of [BOMB, DEEP]) {
      const diagnostics = provideTemplateDiagnostics('file:///ws/.policywright/clauses/bad.md', text);
      assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 1, JSON.stringify(diagnostics));
    }
  });

  it('whatever it throws, is one problem of its own template and not of the library', () => {
    // A getter that throws stands for any fault a template could trigger in a parser.
    const hostile = { file: 'odd.md', origin: 'workspace' as const, get text(): string { throw new RangeError('Maximum call stack size exceeded'); } };
    const catalog = buildCatalog([hostile, { file: 'good.md', text: GOOD, origin: 'workspace' }]);
    assert.deepEqual(catalog.clauses.map((c) => c.id), ['firm-records']);
    assert.deepEqual(catalog.problems.map((p) => p.message), ['Template could not be read (RangeError: Maximum call stack size exceeded), check the file or simplify it']);
  });
});

describe('a firm template whose body starts with its own heading', () => {
  const text = template({ ...FIELDS, title: 'Keeping records' }, lines('## Keeping records', '', 'We keep records for ${1:six years}.'));

  it('is accepted: the heading is the title, and it is not repeated in the clause', () => {
    const { clause, problems } = parse('h.md', text);
    assert.deepEqual(problems, []);
    assert.equal(clause?.title, 'Keeping records');
    assert.equal(clauseText(clause!), lines('## Keeping records', '', 'We keep records for six years.'));
  });

  it('may leave out the title field, which the heading gives', () => {
    const { title: _dropped, ...rest } = FIELDS;
    const { clause, problems } = parse('h.md', template(rest, lines('## Record keeping', '', 'Text.')));
    assert.deepEqual(problems, []);
    assert.equal(clause?.title, 'Record keeping');
  });

  it('with a heading that differs from its title, keeps the heading and warns', () => {
    const { clause, problems } = parse('h.md', template(FIELDS, lines('## How long we keep records', '', 'Text.')));
    assert.equal(clause?.title, 'How long we keep records');
    assert.deepEqual(problems.map((p) => `${p.severity}: ${p.message}`), ['warning: The heading “How long we keep records” is the clause title, but the field “title” says “Keeping records”, make them agree or remove the field']);
  });

  it('still refuses a level-2 heading further down, which would start a new section', () => {
    const { problems } = parse('h.md', template(FIELDS, lines('## Keeping records', '', 'Text.', '', '## Another section', '', 'More.')));
    assert.match(problems[0]?.message ?? '', /^Heading level 2 inside the clause text/);
  });
});

describe('a clause prefix in hover Markdown', () => {
  it('is shown as code that no backtick, link or HTML in it can leave', () => {
    const evil = '`[run](command:workbench.action.terminal.new)`<img/src=x>';
    const firm = buildCatalog([
      { file: 'a.md', text: template({ ...FIELDS, id: 'firm-z', title: 'Who we are', topic: 'who-we-are', prefix: `"${evil}"`, variant: 'Firm Z' }, 'Text.'), origin: 'workspace' },
      { file: 'b.md', text: template({ ...FIELDS, id: 'firm-a', title: 'Who we are', topic: 'who-we-are', prefix: 'firm-a', variant: 'Firm A' }, 'Text.'), origin: 'workspace' },
    ]);
    assert.deepEqual(firm.problems, []);
    const library = mergeLibrary(buildCatalog([]), firm, []);
    const doc = makeDoc(lines('# Policy', '', '## Who we are', '', 'Text.'));
    const hover = provideHover(doc, [], { line: 2, character: 4 }, library);
    const value = (hover?.contents as MarkupContent).value;
    const line = value.split('\n').find((l) => l.startsWith('*Other variants:*'))!;
    // A code span opened by a longer backtick run than any inside, padded: CommonMark shows it verbatim.
    assert.equal(line, `*Other variants:* \`\` ${evil} \`\` Who we are (Firm Z)`);
  });
});

describe('the policy being edited, in a workspace with a broken firm template', () => {
  let root: string;
  let h: LspHarness;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-iso-'));
    const dir = join(root, '.policywright', 'clauses');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bomb.md'), BOMB);
    writeFileSync(join(dir, 'deep.md'), DEEP);
    writeFileSync(join(dir, 'records.md'), GOOD);
    h = new LspHarness();
    h.initializeResult = await h.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'firm' }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
    });
    await h.client.sendNotification(InitializedNotification.type, {});
  });
  after(async () => {
    await h.client.sendRequest(ShutdownRequest.type);
    h.client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('counts each template that is not offered, with a link to its problem', async () => {
    const uri = pathToFileURL(join(root, 'privacy-policy.md')).href;
    await h.openDocument(uri, lines('# Privacy Policy', '', 'We collect your email address.'));
    const notes = (await h.diagnostics(uri)).filter((d) => d.code === 'clause-template');
    assert.deepEqual(
      notes.map((d) => d.message),
      [
        'Firm clause template “bomb.md” is not offered: Field “c” repeats YAML aliases too often to be read (a resource exhaustion guard), write the values out instead of using “*” aliases; open the template to fix it',
        'Firm clause template “deep.md” is not offered: Tab stops nested more than 16 deep, a placeholder may hold at most 16 levels of other placeholders; open the template to fix it',
      ],
    );
    assert.ok(notes.every((d) => d.severity === DiagnosticSeverity.Warning && d.range.start.line === 0));
    assert.equal(notes[0].relatedInformation?.[0]?.location.uri, pathToFileURL(join(root, '.policywright', 'clauses', 'bomb.md')).href);
  });

  it('still offers the good firm template', async () => {
    const library: ClauseLibrary = await loadClauseLibrary([root]);
    assert.equal(library.byId('firm-records')?.origin, 'workspace');
    assert.equal(library.clauses.length, builtInCatalog().clauses.length + 1);
  });
});
