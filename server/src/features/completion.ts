import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { topicForTitle } from '../catalog/sectionTopics';
import { clauseSnippet, clauseText, readingRank, snippetName, type Clause, type ClauseFills } from '../catalog/clauseCatalog';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { escapeMarkdown, fenced, jurisdictionNames, servesAny } from './clauseHover';
import { applicability } from '../facts/applicability';
import { complianceStatus } from '../facts/requirements';
import { deniesCookies } from '../facts/cookies';
import { fillsFor } from '../facts/fills';
import type { ComplianceOptions } from '../facts/options';
import { frontMatterCompletions, frontMatterLineKind } from './frontMatterCompletion';

/** `#` opens the list on a heading line and `/` on an empty one, because Markdown has no quick suggestions. */
export const CLAUSE_TRIGGER_CHARACTERS: readonly string[] = ['#', '/'];

/** The LSP `CompletionTriggerKind` values. */
export const TriggerKind = { Invoked: 1, TriggerCharacter: 2, TriggerForIncompleteCompletions: 3 } as const;

export interface ClauseCompletionContext {
  readonly triggerKind?: number;
  readonly triggerCharacter?: string;
  /** The client's `completionItem.snippetSupport`; without it clauses are inserted as plain text. Default true. */
  readonly snippetSupport?: boolean;
  /** For the `effective:` value; default now. */
  readonly today?: Date;
  /** The jurisdictions the compliance checks assume when the front matter declares none; default: inferred from the text. */
  readonly compliance?: ComplianceOptions;
}

/** On the items listed first: a clause that gives what an applicable law requires and the policy does not say. */
export const MISSING_NOTE = 'missing from this policy';

/** What a clause item carries to `completionItem/resolve`. */
export interface ClauseItemData {
  readonly policywright: 'clause';
  readonly id: string;
  readonly level: number;
  readonly fills: ClauseFills;
}

export function provideCompletionItems(doc: PolicyDocument, position: Position, library: ClauseLibrary, context: ClauseCompletionContext = {}): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const lineStart = doc.lines.lineStart(position.line);
  const offset = doc.lines.offsetAt(position);
  const before = doc.text.slice(lineStart, offset);
  const trigger = context.triggerKind === TriggerKind.TriggerCharacter ? context.triggerCharacter : undefined;
  const invoked = context.triggerKind === undefined || context.triggerKind === TriggerKind.Invoked;

  const fmKind = frontMatterLineKind(doc.text, doc.lines, position.line);
  if (fmKind === 'inside') return trigger ? empty : { isIncomplete: false, items: frontMatterCompletions(doc, position, before, context.today ?? new Date()) };
  if (fmKind === 'fence' || doc.code.some((c) => offset > c.start && offset <= c.end)) return empty;

  let prefix: string;
  let from = 0;
  let typedLevel: number | undefined;
  const hashes = /^(#{1,6})(?:[ \t].*)?$/.exec(before);
  if (hashes && trigger !== '/') {
    prefix = `${hashes[1]} `;
    // One `#` is what opens the list; two or more are the writer choosing a level.
    if (hashes[1].length > 1) typedLevel = hashes[1].length;
  } else if (/^\/[\w-]*$/.test(before) && trigger !== '#') {
    prefix = '/';
  } else if (invoked && /^[ \t]{0,3}[\p{L}\p{N}'’-]*$/u.test(before)) {
    prefix = '';
    from = before.length - before.trimStart().length;
  } else {
    return empty;
  }

  const range: Range = { start: { line: position.line, character: from }, end: position };
  const lineEnd = doc.lines.lineEnd(position.line);
  const present = new Set<string>();
  for (const s of doc.allSections) {
    // The heading being typed on this line is not a section the document already has.
    if (s.headingStart >= lineStart && s.headingStart <= lineEnd) continue;
    const topic = topicForTitle(s.title)?.id;
    if (topic) present.add(topic);
  }
  const outline = outlineLevel(doc, lineStart);
  const fills = fillsFor(doc);
  // Declared or inferred: the jurisdictions the compliance checks use.
  const declared = applicability(doc, context.compliance).jurisdictions.map((j) => j.code);
  const snippets = context.snippetSupport ?? true;
  // Clauses that give an item the applicable laws require and the policy lacks come first.
  const needed = new Set(complianceStatus(doc, context.compliance).flatMap((s) => s.items.filter((i) => !i.evidence).map((i) => i.requirement.clause)));
  const noCookies = deniesCookies(doc);

  const items = library.clauses.map((clause): CompletionItem => {
    const relevant = declared.length === 0 || servesAny(clause, declared);
    // A policy that says it uses no cookies gets the cookie clauses last: one would contradict it.
    const group = (noCookies && clause.topic === 'cookies') || !relevant ? 3 : needed.has(clause.id) ? 0 : present.has(clause.topic) ? 2 : 1;
    const specific = clause.jurisdictions.includes('all') ? 1 : 0;
    const level = clause.topic === 'title' ? 1 : (typedLevel ?? outline);
    const text = snippets ? clauseSnippet(clause, { level, fills }) : clauseText(clause, { level, fills });
    const data: ClauseItemData = { policywright: 'clause', id: clause.id, level, fills };
    return {
      label: clause.title,
      // Why it is at the top: it gives an item an applicable law requires and the policy lacks.
      labelDetails: { ...(clause.variant ? { detail: ` (${clause.variant})` } : {}), description: [group === 0 ? MISSING_NOTE : undefined, clause.origin === 'workspace' ? 'firm library' : shortJurisdictions(clause)].filter(Boolean).join(' · ') },
      kind: CompletionItemKind.Snippet,
      detail: noCookies && clause.topic === 'cookies' ? `${clause.description} (The policy says it uses no cookies.)` : group === 0 ? `Missing from this policy: ${clause.description}` : clause.description,
      sortText: `${group}${String(readingRank(clause.topic)).padStart(2, '0')}${specific}${clause.id}`,
      filterText: `${prefix}${clause.title} ${clause.variant ?? ''} ${clause.prefix}`.replace(/\s+/g, ' ').trimEnd(),
      textEdit: { range, newText: `${text}\n` },
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      data,
    };
  });
  items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
  return { isIncomplete: false, items };
}

/** Adds the clause text and sources, which are too long to send for every item of the list. */
export function resolveCompletionItem(item: CompletionItem, library: ClauseLibrary, options: { markdown?: boolean } = {}): CompletionItem {
  const data = item.data as Partial<ClauseItemData> | undefined;
  if (data?.policywright !== 'clause' || typeof data.id !== 'string') return item;
  const clause = library.byId(data.id);
  if (!clause) return item;
  const text = clauseText(clause, { level: data.level, fills: data.fills });
  if (options.markdown === false) {
    const plain = [snippetName(clause), '', clause.description, '', `Serves: ${jurisdictionNames(clause)}`, `Sources: ${clause.sources.join('; ')}`, '', text];
    return { ...item, documentation: { kind: MarkupKind.PlainText, value: plain.join('\n') } };
  }
  const lines = [escapeMarkdown(clause.description), '', `*Serves:* ${jurisdictionNames(clause)}`];
  if (clause.sources.length > 0) lines.push('', '*Sources:*', '', ...clause.sources.map((s) => `- ${escapeMarkdown(s)}`));
  if (clause.origin === 'workspace') lines.push('', `*From your firm's library:* \`${clause.file.replace(/`/g, '')}\``);
  lines.push('', fenced(text));
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
}

/** The level of the last heading above the line (never the title's level 1); 2 when there is none. */
export function outlineLevel(doc: PolicyDocument, lineStart: number): number {
  let level = 2;
  for (const h of doc.headings) if (h.start < lineStart) level = Math.max(2, h.level);
  return level;
}

function shortJurisdictions(clause: Clause): string {
  return clause.jurisdictions.includes('all') ? 'all' : clause.jurisdictions.map((j) => j.toUpperCase()).join(', ');
}

