import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

/**
 * Tokenizes with VS Code's own Markdown grammar (from tm-grammars) and our injection, as the
 * editor does, so the tests also prove the injection selector skips code and front matter.
 */
const root = process.cwd();
const OURS = 'text.html.markdown.policywright';
const files: Record<string, string> = {
  'text.html.markdown': join(root, 'node_modules/tm-grammars/grammars/markdown.json'),
  'source.yaml': join(root, 'node_modules/tm-grammars/grammars/yaml.json'),
  [OURS]: join(root, 'syntaxes/policywright.injection.tmLanguage.json'),
};

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? [OURS] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded, 'the Markdown grammar loads');
  grammar = loaded;
});

interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let stack = INITIAL;
  text.split('\n').forEach((line, i) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  });
  return out;
}

/** The tokens with a Policywright scope, as `text → innermost scope`, in order. */
function ours(text: string): string[] {
  return tokenize(text)
    .map((t) => [t.text, [...t.scopes].reverse().find((s) => s.endsWith('.policywright'))] as const)
    .filter(([, scope]) => scope !== undefined)
    .map(([t, scope]) => `${t} → ${scope}`);
}

const PLACEHOLDER = 'variable.other.placeholder.policywright';
const CITATION = 'support.constant.citation.policywright';

describe('the Policywright injection grammar', () => {
  it('marks template placeholders, but not a link written in capitals', () => {
    assert.deepEqual(ours('We are [COMPANY NAME], reachable at {{email}} from TBD. See [ACME](https://acme.example).'), [
      `[COMPANY NAME] → ${PLACEHOLDER}`,
      `{{email}} → ${PLACEHOLDER}`,
      `TBD → ${PLACEHOLDER}`,
    ]);
    assert.deepEqual(ours('Send it to [insert address] and ${1:Example Ltd}.'), [`[insert address] → ${PLACEHOLDER}`, `\${1:Example Ltd} → ${PLACEHOLDER}`]);
  });

  it('marks quoted defined terms with their quotes, straight or curly', () => {
    assert.deepEqual(ours('"Personal Information" means data about you (“we”, “us”).'), [
      '" → punctuation.definition.string.begin.policywright',
      'Personal Information → string.quoted.double.defined-term.policywright',
      '" → punctuation.definition.string.end.policywright',
      '“ → punctuation.definition.string.begin.policywright',
      'we → string.quoted.double.defined-term.policywright',
      '” → punctuation.definition.string.end.policywright',
      '“ → punctuation.definition.string.begin.policywright',
      'us → string.quoted.double.defined-term.policywright',
      '” → punctuation.definition.string.end.policywright',
    ]);
    assert.deepEqual(ours('Click "Accept all" to agree.'), [], 'a quoted button label is not a defined term');
  });

  for (const citation of [
    'Art. 13(1)(f) GDPR',
    'Article 8',
    'Arts 45–49',
    'Cal. Civ. Code § 1798.100',
    'Cal. Bus. & Prof. Code §22575(b)(5)',
    'Conn. Gen. Stat. §42-520(c)',
    '16 CFR 312.4',
    '16 CFR Part 312',
    '15 U.S.C. §§6501–6506',
    '11 CCR §7011(e)(1)',
    'Regulation (EU) 2016/679',
    'Implementing Decision (EU) 2021/914',
    'Directive 2002/58/EC',
    'C-311/18',
    'reg. 6',
  ]) {
    it(`marks the legal citation ${citation} as one token`, () => {
      assert.deepEqual(ours(`This follows ${citation} closely.`), [`${citation} → ${CITATION}`]);
    });
  }

  it('marks obligation words by strength, and not the month of May', () => {
    assert.deepEqual(ours('You must reply. We shall not sell. We will tell you. We may refuse. Updated 1 May 2026 and May 2026.'), [
      'must → keyword.other.obligation.mandatory.policywright',
      'shall not → keyword.other.obligation.mandatory.policywright',
      'will → keyword.other.obligation.commitment.policywright',
      'may → keyword.other.obligation.permissive.policywright',
    ]);
  });

  it('works inside headings and list items', () => {
    assert.deepEqual(ours('## What we must keep under Art. 30 GDPR'), ['must → keyword.other.obligation.mandatory.policywright', `Art. 30 GDPR → ${CITATION}`]);
    assert.deepEqual(ours('- We will delete [DATA TYPE].'), ['will → keyword.other.obligation.commitment.policywright', `[DATA TYPE] → ${PLACEHOLDER}`]);
  });

  it('leaves code blocks, inline code, comments and front matter alone', () => {
    const text = ['---', 'company: "Example Ltd"', 'note: we must [FIX]', '---', '', '```', 'We must keep [COMPANY NAME].', '```', '', 'Run `we must` here.', '', '<!-- we shall [TODO] -->'].join('\n');
    assert.deepEqual(ours(text), []);
    // Without the exclusions the same words are marked, so the empty result above is not an accident.
    assert.deepEqual(ours('We must keep [COMPANY NAME].').length, 2);
  });
});
