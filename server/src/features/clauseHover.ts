import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { JURISDICTIONS, snippetName, type Clause } from '../catalog/clauseCatalog';
import type { ClauseLibrary } from '../catalog/clauseLibrary';

/** The hover text for a section heading, or undefined when no clause has that title. */
export function clauseHoverMarkdown(section: Pick<Section, 'title'>, doc: Pick<PolicyDocument, 'fields'>, library: ClauseLibrary): string | undefined {
  const wanted = normalizeTitle(section.title);
  const matches = library.clauses.filter((c) => normalizeTitle(c.title) === wanted);
  if (matches.length === 0) return undefined;
  const declared = doc.fields.jurisdictions;
  // Of several variants, the one that serves the policy's jurisdictions explains it best.
  const specific = matches.find((c) => declared.length > 0 && !c.jurisdictions.includes('all') && servesAny(c, declared));
  const best = specific ?? matches.find((c) => c.jurisdictions.includes('all')) ?? matches[0];
  const lines = [`**${escapeMarkdown(best.title)}**${best.variant ? ` (${escapeMarkdown(best.variant)})` : ''}: clause ${codeSpan(best.id)}${best.origin === 'workspace' ? " from your firm's library" : ''}`, '', escapeMarkdown(best.description)];
  lines.push('', `*Serves:* ${jurisdictionNames(best)}`);
  if (best.sources.length > 0) lines.push('', '*Sources:*', '', ...best.sources.map((s) => `- ${escapeMarkdown(s)}`));
  const others = matches.filter((c) => c !== best);
  if (others.length > 0) lines.push('', `*Other variants:* ${others.map((c) => `${codeSpan(c.prefix)} ${escapeMarkdown(snippetName(c))}`).join('; ')}`);
  return lines.join('\n');
}

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?\s+)/, '')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a clause serves any of the declared codes; `us` stands for every `us-` state and back. */
export function servesAny(clause: Pick<Clause, 'jurisdictions'>, declared: readonly string[]): boolean {
  if (clause.jurisdictions.includes('all')) return true;
  return clause.jurisdictions.some((c) => declared.some((d) => c === d || (c === 'us' && d.startsWith('us-')) || (d === 'us' && c.startsWith('us-'))));
}

export function jurisdictionNames(clause: Pick<Clause, 'jurisdictions'>): string {
  if (clause.jurisdictions.includes('all')) return 'all jurisdictions';
  return clause.jurisdictions.map((c) => JURISDICTIONS[c]?.name ?? c).join(', ');
}

/** Clause text comes from workspace files: shown as text, never as live Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/**
 * Inline code that no backtick run inside `text` can close early: a firm's `prefix` is any text
 * without spaces, and a link or HTML in it must stay text. Padded, as CommonMark strips one space
 * each side, so text that starts or ends with a backtick stays inside.
 */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${oneLine}${fence}` : `${fence} ${oneLine} ${fence}`;
}

/** A fenced block that no backtick run inside `text` can close early. */
export function fenced(text: string, language = 'markdown'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
