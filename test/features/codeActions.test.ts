import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lines, makeDoc } from '../support/doc';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { runRules } from '../../server/src/rules/engine';
import { doubledWord } from '../../server/src/rules/doubled-word';
import type { Rule } from '../../server/src/rules/rule';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';

const URI = 'file:///work/privacy-policy.md';

// Offers two ways to fix "colour", so that neither is marked as the preferred one.
const spelling: Rule = {
  meta: { id: 'test-spelling', description: 'Test rule', defaultSeverity: 'hint', tags: [], explanation: 'For tests.' },
  check(ctx) {
    for (const m of ctx.doc.text.matchAll(/colour/g)) {
      ctx.report({
        start: m.index,
        end: m.index + m[0].length,
        message: 'Spelling `colour`, choose one',
        fixes: [
          { title: 'Write "color"', edits: [{ start: m.index, end: m.index + 6, newText: 'color' }] },
          { title: 'Write "hue"', edits: [{ start: m.index, end: m.index + 6, newText: 'hue' }] },
        ],
      });
    }
  },
};

function diagnosticsFor(text: string, rules: readonly Rule[]): Diagnostic[] {
  const doc = makeDoc(text, URI);
  return toDiagnostics(doc, runRules(doc, {}, rules));
}

function apply(text: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[URI] ?? [];
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
}

describe('code actions', () => {
  const text = lines('# Privacy Notice', '', 'We keep the the records.', '', 'Ask us and we we will help.');
  const diagnostics = diagnosticsFor(text, [doubledWord]);
  const actions = provideCodeActions(URI, diagnostics);

  it('offer one quick fix per fix carried in a diagnostic', () => {
    assert.deepEqual(
      actions.map((a) => `${a.kind} ${a.title}`),
      [`${CodeActionKind.QuickFix} Delete the repeated "the"`, `${CodeActionKind.QuickFix} Delete the repeated "we"`],
    );
  });

  it('attach the diagnostic each fix resolves', () => {
    assert.deepEqual(
      actions.map((a) => a.diagnostics),
      diagnostics.map((d) => [d]),
    );
  });

  it('carry edits that fix the text when applied', () => {
    assert.equal(apply(text, actions[0]), lines('# Privacy Notice', '', 'We keep the records.', '', 'Ask us and we we will help.'));
    assert.equal(apply(text, actions[1]), lines('# Privacy Notice', '', 'We keep the the records.', '', 'Ask us and we will help.'));
  });

  it('edit only the document the diagnostics belong to', () => {
    for (const a of actions) assert.deepEqual(Object.keys(a.edit?.changes ?? {}), [URI]);
  });

  it('mark a lone fix as preferred', () => {
    assert.deepEqual(
      actions.map((a) => a.isPreferred),
      [true, true],
    );
  });

  it('offer every fix of a diagnostic with several, none preferred', () => {
    const source = lines('# Notice', '', 'Pick a colour.');
    const several = provideCodeActions(URI, diagnosticsFor(source, [spelling]));
    assert.deepEqual(
      several.map((a) => `${a.title} ${a.isPreferred}`),
      ['Write "color" false', 'Write "hue" false'],
    );
    assert.deepEqual(
      several.map((a) => apply(source, a)),
      [lines('# Notice', '', 'Pick a color.'), lines('# Notice', '', 'Pick a hue.')],
    );
  });

  it('offer nothing for a finding without fixes', () => {
    const garbled = diagnosticsFor(lines('# Notice', '', 'Read the or policy.'), [doubledWord]);
    assert.equal(garbled.length, 1, 'the test needs one finding without a fix');
    assert.deepEqual(provideCodeActions(URI, garbled), []);
  });

  it('ignore diagnostics from other sources, even with the same data', () => {
    const foreign = diagnostics.map((d) => ({ ...d, source: 'markdownlint' }));
    assert.equal(diagnostics[0].source, DIAGNOSTIC_SOURCE);
    assert.deepEqual(provideCodeActions(URI, foreign), []);
  });

  it('ignore our diagnostics when their data is missing or malformed', () => {
    const [d] = diagnostics;
    const broken: Diagnostic[] = [
      { ...d, data: undefined },
      { ...d, data: 'doubled-word' },
      { ...d, data: { ruleId: 'doubled-word' } },
      { ...d, data: { fixes: [] } },
    ];
    assert.deepEqual(provideCodeActions(URI, broken), []);
  });

  it('offer nothing without diagnostics', () => {
    assert.deepEqual(provideCodeActions(URI, []), []);
  });
});
