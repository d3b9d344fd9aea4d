// The checks, in the order a lawyer meets the features. Each step states one thing the workbench must
// show; later steps build on the state earlier ones leave (the policy open, the finding fixed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from './workbench.mjs';

const POLICY = 'privacy-policy.md';
// What test/e2e/workspace/privacy-policy.md must produce: the rule id and the line of each finding.
// The stale date on line 11 is a hint (California does not apply), and the Problems panel lists no hints.
const EXPECTED_PROBLEMS = [
  // The one thing the GDPR asks that the policy does not say: a statement about children, reported on the title.
  { code: 'missing-gdpr-disclosure', line: 9 },
  { code: 'unfilled-placeholder', line: 18 },
  { code: 'outdated-legal-reference', line: 26 },
];
const SECTIONS = ['Quillfeather Games Privacy Policy', 'Who we are', 'What we collect', 'Our legal basis', 'How long we keep it', 'Contact us'];
const FRONT_MATTER_EMAIL = 'privacy@quillfeather.example';
// workspace/eu-privacy-notice.md declares `jurisdictions: [eu]` and says all the GDPR asks except two things.
const EU_POLICY = 'eu-privacy-notice.md';
const EU_PRESENT = ['Who the controller is', 'How long information is kept', 'The right of access (to know)', 'Who the information is shared with'];
const EU_MISSING = ['The right to complain to a supervisory authority', 'The right to restrict processing'];

const has = (rows, ...parts) => rows.some((r) => parts.every((p) => r.includes(p)));

/** @type {Array<{ title: string, run: (ctx: { wb: import('./workbench.mjs').Workbench, page: import('playwright-core').Page, folder: string, trusted: boolean, shot: (name: string) => Promise<void> }) => Promise<void> }>} */
export const STEPS = [
  {
    title: 'the workbench opens the folder in the chosen trust mode',
    async run({ wb, trusted }) {
      if (!trusted) {
        await wb.answerTrust(false);
        await waitUntil('the Restricted Mode indicator in the status bar', async () => {
          const items = await wb.statusBarTexts();
          return { ok: items.some((t) => /restricted mode/i.test(t)), seen: items };
        });
      }
      await wb.openFromExplorer(POLICY);
    },
  },
  {
    title: 'the Problems panel lists each expected finding with its rule id and line',
    async run({ wb, shot }) {
      await wb.showProblems();
      // The first answer waits for the extension host, the extension and the language server to start.
      await waitUntil(
        'the Policywright findings in the Problems panel',
        async () => {
          const rows = await wb.problemRows();
          const all = EXPECTED_PROBLEMS.every((p) => has(rows, 'policywright', p.code, `[Ln ${p.line},`));
          return { ok: all && has(rows, 'outdated-legal-reference', '“Data Protection Act 1998”'), seen: rows };
        },
        { timeoutMs: 90_000 },
      );
      await shot('problems');
    },
  },
  {
    title: 'the Outline view lists the sections of the policy',
    async run({ wb, shot }) {
      await wb.collapseFolders();
      await wb.expandOutline();
      await waitUntil('every section in the Outline view', async () => {
        const rows = await wb.outlineRows();
        // `Legal basis` is the topic Policywright gives the section; VS Code's own Markdown outline has none.
        return { ok: SECTIONS.every((s) => rows.some((r) => r.startsWith(s))) && rows.includes('Policywright') && rows.some((r) => /^Our legal basis\s*Legal basis/.test(r)), seen: rows };
      });
      await shot('outline');
    },
  },
  {
    title: 'hovering a finding shows the rule, why it matters and the provision it rests on',
    async run({ wb, page, shot }) {
      await wb.goToProblem('outdated-legal-reference');
      const hover = await wb.showHoverAtCursor();
      await waitUntil('the legal source in the hover', async () => {
        const text = await hover.innerText();
        return { ok: /outdated-legal-reference/.test(text) && /Rests on:/.test(text) && /Data Protection Act 2018/.test(text), seen: text };
      });
      await shot('hover');
      await page.keyboard.press('Escape');
    },
  },
  {
    title: 'a quick fix replaces the repealed law and its finding disappears',
    async run({ wb, page }) {
      await wb.applyQuickFix('outdated-legal-reference', 'UK GDPR and the Data Protection Act 2018');
      await waitUntil('the outdated-law finding to leave the Problems panel while the others stay', async () => {
        const rows = await wb.problemRows();
        return { ok: !has(rows, 'outdated-legal-reference') && has(rows, 'unfilled-placeholder') && has(rows, 'missing-gdpr-disclosure'), seen: rows };
      });
      await page.keyboard.press('Escape');
    },
  },
  {
    title: "typing / at the start of a line offers the cookies, children, international-transfer and firm's own clauses",
    async run({ wb, page, shot }) {
      await wb.newLineAtEnd();
      await wb.retypeLine('/');
      await waitUntil('the clause list after `/`', async () => {
        const rows = await wb.suggestions();
        return { ok: rows.length > 3, seen: rows };
      });
      // `mark`: what the clause's row must also show, such as where a firm's own clause comes from.
      for (const [filter, label, mark] of [
        ['cookies', 'Cookies and similar technologies', 'cookies'],
        ['children', 'Children', 'children'],
        ['transfers', 'International transfers', 'transfers'],
        // The firm's own clause, from workspace/.policywright/clauses: read as data, so offered in Restricted Mode too.
        ['breach', 'If something goes wrong', 'firm library'],
      ]) {
        await wb.retypeLine(`/${filter}`);
        await waitUntil(`the ${label} clause in the list after \`/${filter}\``, async () => {
          const rows = await wb.suggestions();
          return { ok: rows.some((r) => r.startsWith(label) && r.toLowerCase().includes(mark)), seen: rows };
        });
        if (filter === 'cookies') {
          // Ctrl+Space on an open list shows the selected clause's text and sources beside it.
          await page.keyboard.press('Control+Space');
          await waitUntil('the clause documentation beside the list', async () => {
            const docs = await wb.suggestionDetails();
            return { ok: /Sources:/.test(docs), seen: docs };
          });
          await shot('completion');
        }
      }
    },
  },
  {
    title: 'accepting a clause inserts it with the values from the front matter',
    async run({ wb, page, folder }) {
      // Policywright's item, labelled by the clause title; the snippet of the same clause (labelled by its
      // prefix, `children-none`) is VS Code's static copy and knows nothing of the front matter.
      const wanted = 'Children (not directed at children)';
      await wb.retypeLine('/children');
      await waitUntil(`the "${wanted}" clause to be selected`, async () => {
        const focused = await wb.focusedSuggestion();
        if (focused !== undefined && !focused.startsWith(wanted)) await page.keyboard.press('ArrowDown');
        return { ok: focused?.startsWith(wanted) === true, seen: focused };
      });
      await page.keyboard.press('Enter');
      // Leave the clause's tab stops, then save, so that the file on disk is what the editor shows.
      await page.keyboard.press('Escape');
      await wb.save();
      const file = join(folder, POLICY);
      const { seen: text } = await waitUntil('the saved policy to contain the inserted clause', async () => {
        const text = readFileSync(file, 'utf8');
        return { ok: /^## Children$/m.test(text), seen: text };
      });
      const clause = text.slice(text.search(/^## Children$/m));
      if (!clause.includes(FRONT_MATTER_EMAIL) || clause.includes('privacy@example.com')) throw new Error(`The clause was not filled from the front matter:\n${clause}`);
      if (!text.includes('in line with the UK GDPR and the Data Protection Act 2018.')) throw new Error(`The quick fix did not reach the saved file:\n${text}`);
      // The clause answers both laws' children item, and its age suits them (16 where the GDPR applies), so no
      // finding about children is left; the placeholder, which the clause does not touch, stays.
      await waitUntil('the missing statement about children to leave the Problems panel', async () => {
        const rows = await wb.problemRows();
        return { ok: !rows.some((r) => /children/i.test(r)) && has(rows, 'unfilled-placeholder'), seen: rows };
      });
    },
  },
  {
    title: 'the New privacy policy command asks its questions and opens a draft assembled from the library',
    async run({ wb, page, shot }) {
      await wb.runCommand('Policywright: New privacy policy');
      await wb.waitForQuestion('(1/5)');
      await page.keyboard.type('Harrowgate Tea Ltd');
      await page.keyboard.press('Enter');
      await wb.waitForQuestion('(2/5)');
      await page.keyboard.type('privacy@harrowgate.example');
      await page.keyboard.press('Enter');
      await wb.waitForQuestion('(3/5)');
      await wb.tick('United Kingdom');
      await page.keyboard.press('Enter');
      // The first answer of each yes/no question is "No".
      await wb.waitForQuestion('(4/5)');
      await page.keyboard.press('Enter');
      await wb.waitForQuestion('(5/5)');
      await page.keyboard.press('Enter');
      await waitUntil('the draft in a new editor tab', async () => {
        const tab = await wb.activeTab();
        return { ok: /^Untitled-\d+/.test(tab ?? ''), seen: tab };
      });
      await waitUntil('the answers in the front matter', async () => {
        const text = await wb.visibleEditorText();
        return { ok: /company: Harrowgate Tea Ltd/.test(text) && /jurisdictions: \[uk\]/.test(text) && /email: privacy@harrowgate\.example/.test(text), seen: text };
      });
      // Sections only the draft has, listed by Policywright's outline: the server read the new document as a policy.
      await waitUntil("the draft's sections in the Outline view", async () => {
        const rows = await wb.outlineRows();
        return { ok: rows.some((r) => r.startsWith('What information we collect')) && rows.some((r) => r.startsWith('How long we keep your information')), seen: rows };
      });
      await shot('new-policy');
    },
  },
  {
    title: 'the Policy Checklist view lists what the GDPR requires, present and missing, and the status bar counts what is missing',
    async run({ wb, shot }) {
      await wb.expandFolders();
      await wb.openFromExplorer(EU_POLICY);
      // Room for the whole checklist, and for its titles, in the picture.
      await wb.collapseFolders();
      await wb.collapsePane(/^outline$/i);
      await wb.resizeSideBar(470);
      await wb.runCommand('Policywright: Show policy checklist');
      await wb.checklistPane().locator('.pane-body').waitFor({ timeout: 15_000 });
      await waitUntil('the GDPR items in the Policy Checklist, with two missing', async () => {
        const rows = await wb.checklistRows();
        const at = (title) => rows.find((r) => r.label.startsWith(`${title},`));
        const ok =
          rows.some((r) => r.label === 'EU GDPR, 2 missing') &&
          EU_PRESENT.every((t) => at(t)?.label.endsWith(', present') && at(t)?.icon === 'codicon-pass') &&
          EU_MISSING.every((t) => at(t)?.label.endsWith(', missing') && at(t)?.icon === 'codicon-warning') &&
          rows.filter((r) => r.label.endsWith(', missing')).length === EU_MISSING.length;
        return { ok, seen: rows };
      });
      await waitUntil('the declared jurisdiction above the checklist', async () => {
        const message = await wb.checklistMessage();
        return { ok: /European Union/.test(message) && /declared in the front matter/.test(message), seen: message };
      });
      await waitUntil('the missing count in the status bar', async () => {
        const items = await wb.statusBarTexts();
        return { ok: items.some((t) => t.trim() === '2 missing'), seen: items };
      });
      await shot('checklist');
    },
  },
  {
    title: "clicking a missing checklist item and confirming inserts its clause, and the item turns present",
    async run({ wb, page, folder }) {
      const [complaint, restriction] = EU_MISSING;
      await wb.checklistRow(complaint).click({ timeout: 15_000 });
      await waitUntil('the question before the clause is inserted', async () => {
        const text = await wb.dialogText();
        return { ok: text.includes(complaint) && /How to complain/.test(text), seen: text };
      });
      await wb.clickDialogButton('Insert clause');
      await waitUntil(`"${complaint}" to turn present while "${restriction}" stays missing`, async () => {
        const rows = await wb.checklistRows();
        const at = (title) => rows.find((r) => r.label.startsWith(`${title},`));
        const ok = at(complaint)?.label.endsWith(', present') && at(complaint)?.icon === 'codicon-pass' && at(restriction)?.label.endsWith(', missing') && rows.some((r) => r.label === 'EU GDPR, 1 missing');
        return { ok, seen: rows };
      });
      await waitUntil('the status bar to count one missing item', async () => {
        const items = await wb.statusBarTexts();
        return { ok: items.some((t) => t.trim() === '1 missing'), seen: items };
      });
      // The inserted clause gives the editor the keyboard, so that the lawyer can adapt it; saving shows what it wrote.
      await page.locator('.monaco-editor.focused').waitFor({ timeout: 15_000 });
      await wb.save();
      const file = join(folder, EU_POLICY);
      const { seen: text } = await waitUntil('the saved policy to contain the complaints clause', async () => {
        const text = readFileSync(file, 'utf8');
        return { ok: /^## How to complain$/m.test(text), seen: text };
      });
      if (!/(supervisory|data protection) authority/i.test(text.slice(text.search(/^## How to complain$/m)))) throw new Error(`The clause does not name the supervisory authority:\n${text}`);
    },
  },
];
