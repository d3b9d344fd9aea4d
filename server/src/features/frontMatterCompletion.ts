import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { LineIndex } from '../model/positions';
import { FILL_DEFAULTS, JURISDICTIONS } from '../catalog/clauseCatalog';

interface KeyInfo {
  readonly key: string;
  readonly snippet: (today: string) => string;
  readonly doc: string;
}

const KEYS: readonly KeyInfo[] = [
  { key: 'policy', snippet: () => 'policy: true', doc: 'Marks this file as a privacy policy whatever its name, so Policywright checks it.' },
  { key: 'company', snippet: () => `company: \${1:${FILL_DEFAULTS.company}}`, doc: "The business's legal name. Clauses inserted from the library fill it in." },
  {
    key: 'jurisdictions',
    snippet: () => 'jurisdictions: [${1:eu}]',
    doc: `Where the policy applies, as a list of codes: ${Object.keys(JURISDICTIONS).map((c) => `\`${c}\``).join(', ')}. Clauses for these jurisdictions are offered first.`,
  },
  { key: 'effective', snippet: (today) => `effective: \${1:${today}}`, doc: 'The date the policy takes effect, written `YYYY-MM-DD`. Clauses inserted from the library use it.' },
  { key: 'contact', snippet: () => `contact:\n  email: \${1:${FILL_DEFAULTS.email}}`, doc: 'How to reach the business about privacy: `email`, `phone` and `address`. Clauses inserted from the library fill them in.' },
  { key: 'audience', snippet: () => 'audience: ${1:adults}', doc: 'Who the service is for, such as `adults` or `children`.' },
  { key: 'sells-or-shares', snippet: () => 'sells-or-shares: ${1|false,true|}', doc: 'Whether the business sells or shares personal information in the CCPA sense (`true` or `false`).' },
  {
    key: 'thresholds',
    snippet: () => 'thresholds: ${1|met,not-met|}',
    doc: "Whether the business is above the applicability thresholds of the US state laws it declares (`met` or `not-met`). Until it says `met`, the items of Utah's, Oregon's, Nebraska's, New Jersey's, Minnesota's and Rhode Island's laws are information, not errors.",
  },
];

const BOOLEAN_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  policy: { true: 'This file is a privacy policy.' },
  'sells-or-shares': {
    true: 'The business sells personal information, or shares it for cross-context behavioural advertising (Cal. Civ. Code §1798.140).',
    false: 'The business neither sells nor shares personal information.',
  },
};

/**
 * Where a line stands relative to the YAML front matter: on its `---` fences, inside it, or
 * outside. Read from the text, so that a block still being typed (not yet closed) counts too.
 */
export function frontMatterLineKind(text: string, lines: LineIndex, line: number): 'fence' | 'inside' | 'outside' {
  const lineText = (i: number) => text.slice(lines.lineStart(i), lines.lineEnd(i));
  if (!/^\uFEFF?---[ \t]*$/.test(lineText(0))) return 'outside';
  if (line === 0) return 'fence';
  for (let i = 1; i < lines.lineCount; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lineText(i))) return line < i ? 'inside' : line === i ? 'fence' : 'outside';
    // Unclosed: only YAML-looking lines above the cursor make it front matter rather than a rule line.
    if (i >= line) return 'inside';
    if (!/^(?:[ \t]*$|[ \t]*#|[A-Za-z][\w-]*[ \t]*:|[ \t]+\S)/.test(lineText(i))) return 'outside';
  }
  return 'inside';
}

export function frontMatterCompletions(doc: PolicyDocument, position: Position, before: string, today: Date): CompletionItem[] {
  const lineText = (i: number) => doc.text.slice(doc.lines.lineStart(i), doc.lines.lineEnd(i));
  let wordStart = before.length;
  while (wordStart > 0 && /[\w-]/.test(before[wordStart - 1])) wordStart--;
  const word = before.slice(wordStart);
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };

  if (/^[A-Za-z-]*$/.test(before)) {
    const used = new Set<string>();
    for (let i = 1; i < doc.lines.lineCount && frontMatterLineKind(doc.text, doc.lines, i) === 'inside'; i++) {
      const m = /^([A-Za-z][\w-]*)[ \t]*:/.exec(lineText(i));
      if (m && i !== position.line) used.add(m[1]);
    }
    const iso = today.toISOString().slice(0, 10);
    return KEYS.filter((k) => !used.has(k.key)).map((k, i) => ({
      label: k.key,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: k.doc },
      sortText: String(i).padStart(2, '0'),
      textEdit: { range, newText: k.snippet(iso) },
      insertTextFormat: InsertTextFormat.Snippet,
    }));
  }

  // The key whose value the cursor is in: on its own line, or above an indented list item.
  let key: string | undefined;
  let onKeyLine = false;
  const own = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/.exec(before);
  if (own) {
    key = own[1];
    onKeyLine = true;
  } else if (/^[ \t]+(?:-[ \t]*)?[\w-]*$/.test(before)) {
    for (let i = position.line - 1; i >= 1 && !key; i--) {
      const m = /^([A-Za-z][\w-]*)[ \t]*:/.exec(lineText(i));
      if (m) key = m[1];
      else if (!/^[ \t]/.test(lineText(i))) break;
    }
  }
  if (key === 'jurisdictions') {
    const listed = new Set<string>();
    for (let i = position.line; i < doc.lines.lineCount; i++) {
      const t = lineText(i);
      if (i > position.line && !/^[ \t]/.test(t)) break;
      for (const m of t.replace(/^jurisdictions[ \t]*:/, '').matchAll(/[a-z][a-z-]*/g)) listed.add(m[0]);
    }
    for (let i = position.line - 1; i >= 1 && /^[ \t]/.test(lineText(i)); i--) for (const m of lineText(i).matchAll(/[a-z][a-z-]*/g)) listed.add(m[0]);
    listed.delete(word);
    const bare = onKeyLine && !before.includes('[');
    return Object.entries(JURISDICTIONS)
      .filter(([code]) => !listed.has(code))
      .map(([code, info], i) => ({
        label: code,
        kind: CompletionItemKind.EnumMember,
        detail: info.name,
        documentation: { kind: MarkupKind.Markdown, value: `**${info.name}**: ${info.laws}` },
        sortText: String(i).padStart(2, '0'),
        textEdit: { range, newText: bare ? `[${code}]` : code },
      }));
  }
  if (key === 'effective' && onKeyLine) {
    const iso = today.toISOString().slice(0, 10);
    return [{ label: iso, kind: CompletionItemKind.Value, detail: 'Today', textEdit: { range, newText: iso } }];
  }
  const booleans = key && onKeyLine && Object.hasOwn(BOOLEAN_DOCS, key) ? BOOLEAN_DOCS[key] : undefined;
  if (booleans) {
    return Object.entries(booleans).map(([value, explanation]) => ({
      label: value,
      kind: CompletionItemKind.Value,
      documentation: { kind: MarkupKind.Markdown, value: explanation },
      textEdit: { range, newText: value },
    }));
  }
  return [];
}
