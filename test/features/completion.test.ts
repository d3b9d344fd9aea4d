import { strict as assert } from 'node:assert';
import { InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { provideCompletionItems, resolveCompletionItem, TriggerKind, type ClauseCompletionContext } from '../../server/src/features/completion';
import { builtInLibrary, mergeLibrary, builtInCatalog } from '../../server/src/catalog/clauseLibrary';
import { buildCatalog } from '../../server/src/catalog/clauseCatalog';
import { lines, makeDoc } from '../support/doc';

const library = builtInLibrary();
const CURSOR = '‸';

/** Completes at the `‸` in `text`. */
function complete(text: string, context: ClauseCompletionContext = {}, lib = library): CompletionItem[] {
  const offset = text.indexOf(CURSOR);
  assert.ok(offset >= 0, 'the text needs a ‸ cursor');
  const doc = makeDoc(text.replace(CURSOR, ''));
  return provideCompletionItems(doc, doc.lines.positionAt(offset), lib, context).items;
}
const typed = (character: string): ClauseCompletionContext => ({ triggerKind: TriggerKind.TriggerCharacter, triggerCharacter: character });
const invoked: ClauseCompletionContext = { triggerKind: TriggerKind.Invoked };
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const ids = (items: readonly CompletionItem[]) => items.map((i) => (i.data as { id?: string } | undefined)?.id ?? i.label);
const byId = (items: readonly CompletionItem[], id: string) => items.find((i) => (i.data as { id?: string }).id === id)!;

const POLICY = lines('---', 'company: Northwind Lantern Ltd', 'jurisdictions: [eu, uk]', 'effective: 2026-03-01', 'contact:', '  email: privacy@northwind.example', '---', '', '# Privacy Policy', '', '## Cookies', '', 'We use cookies.', '', `/${CURSOR}`);

describe('clause completion', () => {
  describe('where the list appears', () => {
    it('offers every clause after `#` at the start of a line, replacing what was typed', () => {
      const items = complete(lines('# Policy', '', `#${CURSOR}`), typed('#'));
      assert.equal(items.length, library.clauses.length);
      assert.deepEqual(edit(items[0]).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
      assert.ok(items.every((i) => i.filterText!.startsWith('# ')), 'the filter text starts as the line does');
    });

    it('keeps offering clauses while a heading title is typed after `## `', () => {
      const items = complete(lines('# Policy', '', `## Coo${CURSOR}`), invoked);
      assert.ok(items.length > 0);
      assert.deepEqual(edit(items[0]).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
      assert.ok(byId(items, 'cookies-eu-consent').filterText!.startsWith('## Cookies and similar technologies'));
    });

    it('replaces a `/` typed at the start of a line with the clause', () => {
      const items = complete(lines('# Policy', '', `/${CURSOR}`), typed('/'));
      const item = byId(items, 'retention');
      assert.deepEqual(edit(item).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
      assert.match(edit(item).newText, /^## How long we keep your information\n\n/);
      assert.equal(item.filterText, '/How long we keep your information retention');
    });

    it('filters on what follows the `/`, which the clause replaces too', () => {
      const item = byId(complete(lines('# Policy', '', `/coppa${CURSOR}`), { triggerKind: TriggerKind.TriggerForIncompleteCompletions }), 'children-coppa');
      assert.deepEqual(edit(item).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
      assert.match(item.filterText!, /^\/Children's privacy COPPA notice for children under 13 children-coppa$/);
    });

    it('offers clauses on explicit invocation on an empty line', () => {
      assert.equal(complete(lines('# Policy', '', CURSOR), invoked).length, library.clauses.length);
      assert.equal(complete(lines('# Policy', '', CURSOR)).length, library.clauses.length, 'no context counts as invoked');
    });

    it('offers nothing in the middle of prose, even for a `#` or `/` typed there', () => {
      assert.deepEqual(complete(lines('# Policy', '', `See issue #${CURSOR}`), typed('#')), []);
      assert.deepEqual(complete(lines('# Policy', '', `Read and/${CURSOR}`), typed('/')), []);
      assert.deepEqual(complete(lines('# Policy', '', `We keep your data for ${CURSOR}`), invoked), []);
      assert.deepEqual(complete(lines('# Policy', '', `#hashtag ${CURSOR}`), typed('#')), []);
    });

    it('offers nothing inside a fenced code block', () => {
      assert.deepEqual(complete(lines('# Policy', '', '```', `#${CURSOR}`, '```'), typed('#')), []);
    });
  });

  describe('ordering', () => {
    it("lists first the sections the policy still lacks for its jurisdictions, in reading order", () => {
      const items = complete(POLICY, typed('/'));
      const order = ids(items);
      const firstPresent = order.indexOf('cookies-eu-consent');
      const missing = order.slice(0, firstPresent);
      for (const id of ['who-we-are', 'dpo-representative', 'rights-gdpr', 'transfers-dpf', 'children-uk', 'children-gdpr-art8', 'changes']) assert.ok(missing.includes(id), `${id} is missing-first`);
      assert.ok(order.indexOf('who-we-are') < order.indexOf('retention') && order.indexOf('retention') < order.indexOf('rights-gdpr'), 'reading order');
      // The policy has a Cookies section already; clauses for other jurisdictions come last.
      assert.ok(!missing.some((id) => id.startsWith('cookies-')));
      const usOnly = ['children-coppa', 'ccpa-sale-sharing', 'rights-ccpa', 'rights-us-states'];
      for (const id of usOnly) assert.ok(order.indexOf(id) > order.indexOf('cookies-strictly-necessary'), `${id} comes after every clause that serves the policy`);
    });

    it('says “missing from this policy” on the clauses listed first, and on no other', () => {
      const items = complete(POLICY, typed('/'));
      const first = items.filter((i) => i.sortText![0] === '0');
      assert.ok(first.length > 0);
      assert.deepEqual(items.slice(0, first.length), first, 'they are listed first');
      for (const i of first) {
        assert.match(i.labelDetails?.description ?? '', /^missing from this policy · /, i.label);
        assert.match(i.detail ?? '', /^Missing from this policy: /, i.label);
      }
      for (const i of items.slice(first.length)) assert.doesNotMatch(`${i.labelDetails?.description} ${i.detail}`, /missing from this policy/i, i.label);
      assert.match(byId(items, 'retention').labelDetails?.description ?? '', /missing from this policy/);
    });

    it('puts a clause written for the declared jurisdiction before the generic one for the same section', () => {
      const order = ids(complete(POLICY, typed('/')));
      assert.ok(order.indexOf('children-gdpr-art8') < order.indexOf('children-not-directed'));
    });

    it('does not count the heading being typed as a section the policy has', () => {
      const items = complete(lines('---', 'jurisdictions: [eu]', '---', '# Policy', '', `## Cookies${CURSOR}`), invoked);
      // Group 0: gives an item the GDPR requires and the policy lacks; 1: a usual section it lacks; 2: one it has.
      assert.equal(byId(items, 'cookies-eu-consent').sortText![0], '1', 'cookies are still missing');
      assert.equal(byId(items, 'retention').sortText![0], '0', 'the GDPR requires a retention period');
      assert.ok(ids(items).indexOf('retention') < ids(items).indexOf('cookies-eu-consent'));
    });

    it('treats every clause as relevant when the policy declares no jurisdictions', () => {
      const items = complete(lines('# Policy', '', '## Cookies', '', CURSOR), invoked);
      assert.equal(byId(items, 'children-coppa').sortText![0], '1');
      assert.equal(byId(items, 'cookies-categories').sortText![0], '2');
    });

    it('offers cookie clauses last to a policy that says it uses no cookies', () => {
      const items = complete(lines('# Policy', '', 'Our website does not use cookies.', '', CURSOR), invoked);
      const order = ids(items);
      assert.equal(byId(items, 'cookies-eu-consent').sortText![0], '3');
      assert.ok(order.indexOf('cookies-eu-consent') > order.indexOf('changes'));
      assert.match(byId(items, 'cookies-eu-consent').detail ?? '', /says it uses no cookies/);
    });
  });

  describe('the inserted clause', () => {
    it('fills the company, contact email and effective date from the front matter', () => {
      const items = complete(POLICY, typed('/'));
      assert.match(edit(byId(items, 'who-we-are')).newText, /^## Who we are\n\n\$\{1:Northwind Lantern Ltd\} \("we", "us", "our"\)/);
      assert.match(edit(byId(items, 'who-we-are')).newText, /\$\{5:privacy@northwind\.example\}/);
      assert.match(edit(byId(items, 'effective-date')).newText, /^# Privacy Policy\n\n\*\*Effective date:\*\* \$\{1:1 March 2026\}/);
    });

    it("gives a clause written for every law the children's age of the policy's laws, and leaves a one-law clause's age alone", () => {
      // The GDPR's default is 16 (Art. 8(1)); inserting "under 13" into an EU policy would earn the policy our own warning.
      const eu = complete(POLICY, typed('/'));
      assert.match(edit(byId(eu, 'children-not-directed')).newText, /children under \$\{2:16\}/);
      assert.match(edit(byId(eu, 'children-uk')).newText, /if you are \$\{1:13\} or older/);
      const us = complete(lines('---', 'jurisdictions: [us]', '---', `/${CURSOR}`), typed('/'));
      assert.match(edit(byId(us, 'children-not-directed')).newText, /children under \$\{2:13\}/);
    });

    it('writes the date the American way in a US-only policy', () => {
      const items = complete(lines('---', 'jurisdictions: [us-ca]', 'effective: 2026-03-01', '---', CURSOR), invoked);
      assert.match(edit(byId(items, 'effective-date')).newText, /\$\{1:March 1, 2026\}/);
    });

    it('escapes snippet syntax in a front-matter value so that it is inserted as written', () => {
      const items = complete(lines('---', 'company: "Cash $ Co {UK}"', '---', `/${CURSOR}`), typed('/'));
      assert.match(edit(byId(items, 'who-we-are')).newText, /^## Who we are\n\n\$\{1:Cash \\\$ Co \{UK\\\}\} /);
      assert.match(edit(byId(complete(lines('---', 'company: "Cash $ Co {UK}"', '---', `/${CURSOR}`), { ...typed('/'), snippetSupport: false }), 'who-we-are')).newText, /^## Who we are\n\nCash \$ Co \{UK\} /);
    });

    it('keeps the catalog defaults when the front matter says nothing', () => {
      const items = complete(lines('# Policy', '', CURSOR), invoked);
      assert.match(edit(byId(items, 'who-we-are')).newText, /\$\{1:Example Ltd\}/);
    });

    it('inserts plain text with the defaults for a client without snippet support', () => {
      const item = byId(complete(POLICY, { ...typed('/'), snippetSupport: false }), 'who-we-are');
      assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
      assert.match(edit(item).newText, /^## Who we are\n\nNorthwind Lantern Ltd \("we", "us", "our"\)/);
      assert.doesNotMatch(edit(item).newText, /\$\{/);
    });

    it('follows the outline: a clause under a level-3 section is a level-3 heading', () => {
      const text = lines('# Policy', '', '## California', '', '### Your rights', '', 'Text.', '', `/${CURSOR}`);
      assert.match(edit(byId(complete(text, typed('/')), 'retention')).newText, /^### How long/);
      assert.match(edit(byId(complete(text.replace(`/${CURSOR}`, CURSOR), invoked), 'retention')).newText, /^### How long/);
    });

    it('uses the level the writer typed with two or more `#`, and the outline for a single `#`', () => {
      const under3 = lines('# Policy', '', '## A', '', '### B', '', 'Text.', '');
      assert.match(edit(byId(complete(`${under3}#${CURSOR}`, typed('#')), 'retention')).newText, /^### How long/);
      assert.match(edit(byId(complete(`${under3}##${CURSOR}`, typed('#')), 'retention')).newText, /^## How long/);
      assert.match(edit(byId(complete(`${under3}####${CURSOR}`, typed('#')), 'retention')).newText, /^#### How long/);
    });

    it('makes a clause a level-2 section below the title, and keeps the title block at level 1', () => {
      const items = complete(lines('# Policy', '', CURSOR), invoked);
      assert.match(edit(byId(items, 'retention')).newText, /^## /);
      assert.match(edit(byId(items, 'effective-date')).newText, /^# Privacy Policy\n/);
    });

    it('offers a firm clause from the workspace library, labelled as such', () => {
      const firm = buildCatalog([{ file: '/firm/.policywright/clauses/x.md', origin: 'workspace', text: lines('---', 'id: retention', 'title: Keeping records', 'topic: retention', 'prefix: keep', 'jurisdictions: [all]', 'description: Firm wording.', 'sources: []', '---', 'We keep records for ${1:six years}.') }]);
      const items = complete(lines('# Policy', '', CURSOR), invoked, mergeLibrary(builtInCatalog(), firm, []));
      const item = byId(items, 'retention');
      assert.equal(item.label, 'Keeping records');
      assert.equal(item.labelDetails?.description, 'firm library');
    });
  });

  describe('resolve', () => {
    it('adds the clause text and its sources as Markdown documentation', () => {
      const item = byId(complete(POLICY, typed('/')), 'transfers-dpf');
      assert.equal(item.documentation, undefined, 'documentation waits for resolve');
      const doc = resolveCompletionItem(item, library).documentation as MarkupContent;
      assert.equal(doc.kind, 'markdown');
      assert.match(doc.value, /\*Sources:\*\n\n- Commission Decision \(EU\) 2023\/1795/);
      assert.match(doc.value, /```markdown\n## International transfers\n\nWe send some of your personal information to Example Inc\. in the United States/);
      assert.match(doc.value, /email privacy@northwind\.example/, 'the text shows the front-matter fills');
    });

    it('leaves an item it does not know unchanged', () => {
      const item: CompletionItem = { label: 'x', data: { policywright: 'clause', id: 'no-such-clause' } };
      assert.equal(resolveCompletionItem(item, library), item);
    });
  });
});

describe('front-matter completion', () => {
  it('offers the keys not yet written, with what each one does', () => {
    const items = complete(lines('---', 'company: Example Ltd', CURSOR, '---', '# Policy'), invoked);
    assert.deepEqual(items.map((i) => i.label), ['policy', 'jurisdictions', 'effective', 'contact', 'audience', 'sells-or-shares', 'thresholds']);
    assert.equal(edit(items[1]).newText, 'jurisdictions: [${1:eu}]');
  });

  it('offers the jurisdiction codes not yet listed, with what each means', () => {
    const items = complete(lines('---', `jurisdictions: [eu, ${CURSOR}]`, '---'), invoked);
    assert.deepEqual(items.map((i) => i.label), ['uk', 'us', 'us-ca', 'us-va', 'us-co', 'us-ct', 'us-tx', 'us-ut', 'us-or', 'us-ne', 'us-nj', 'us-mn', 'us-ri', 'ca', 'ca-qc', 'br']);
    const california = items.find((i) => i.label === 'us-ca')!;
    assert.equal(california.detail, 'California');
    assert.match((california.documentation as MarkupContent).value, /CCPA as amended by the CPRA/);
    assert.equal(edit(california).newText, 'us-ca');
  });

  it('completes a code in a block list and wraps a bare value in brackets', () => {
    assert.equal(edit(complete(lines('---', 'jurisdictions:', '  - eu', `  - u${CURSOR}`, '---'), invoked)[0]).newText, 'uk');
    const bare = complete(lines('---', `jurisdictions: ${CURSOR}`, '---'), invoked);
    assert.equal(edit(bare.find((i) => i.label === 'br')!).newText, '[br]');
  });

  it('offers true and false for `sells-or-shares`, and today for `effective`', () => {
    assert.deepEqual(complete(lines('---', `sells-or-shares: ${CURSOR}`, '---'), invoked).map((i) => i.label), ['true', 'false']);
    assert.deepEqual(complete(lines('---', `effective: ${CURSOR}`, '---'), { ...invoked, today: new Date('2026-11-21T10:00:00Z') }).map((i) => i.label), ['2026-11-21']);
  });

  it('works in front matter that is still being typed, and never offers clauses there', () => {
    const items = complete(lines('---', 'company: Example Ltd', CURSOR), invoked);
    assert.ok(items.some((i) => i.label === 'jurisdictions'));
    assert.deepEqual(complete(lines('---', `# a comment #${CURSOR}`, '---'), typed('#')), []);
  });
});
