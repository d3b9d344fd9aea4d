import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { ReportedFinding } from '../rules/engine';
import { ruleById } from '../rules/registry';
import { PUBLIC_RULE_DOCS, type RuleDocs } from './ruleDocs';
import { escapeMarkdown } from './clauseHover';
import { topicForTitle } from '../catalog/sectionTopics';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { clauseHoverMarkdown } from './clauseHover';

/**
 * On a flagged passage, for each finding: what is wrong here and what to do (its message), why it matters, the one
 * provision it rests on, the fixes on offer, and a link to the rule's page.
 * On a heading: what that section of a policy is for, and the law behind it.
 */
export function provideHover(doc: PolicyDocument, findings: readonly ReportedFinding[], position: Position, library?: ClauseLibrary, docs: RuleDocs = PUBLIC_RULE_DOCS): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const here = findings.filter((f) => f.start <= offset && offset <= f.end);
  if (here.length > 0) {
    const first = here[0];
    return { contents: { kind: MarkupKind.Markdown, value: here.map((f) => findingHover(f, docs)).join('\n\n---\n\n') }, range: doc.lines.range(first.start, first.end) };
  }
  const section = doc.allSections.find((s) => s.headingStart <= offset && offset <= s.headingEnd);
  if (!section) return null;
  const topic = topicForTitle(section.title);
  // A heading that is also a library clause's title gets the clause's purpose and sources below.
  const clause = library ? clauseHoverMarkdown(section, doc, library) : undefined;
  if (!topic && !clause) return null;
  const parts: string[] = [];
  if (topic) {
    const lines = [`**${topic.title}** section`, '', topic.purpose];
    if (topic.sources.length > 0) lines.push('', `*Sources:* ${topic.sources.join('; ')}`);
    parts.push(lines.join('\n'));
  }
  if (clause) parts.push(clause);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: doc.lines.range(section.headingStart, section.headingEnd) };
}

/**
 * One finding: its own message as the heading (what is wrong here, then what to do), the rule's reason, the
 * provision this finding rests on (its own `source`; the rule's source only when it is a single one, never
 * the rule's whole bibliography), the quick fixes by name, then the rule's id, severity and page.
 */
function findingHover(f: ReportedFinding, docs: RuleDocs): string {
  const rule = ruleById(f.ruleId);
  const lines = [`**${escapeMarkdown(f.message)}**`];
  if (rule?.meta.explanation) lines.push('', `*Why:* ${rule.meta.explanation}`);
  if (f.hoverNote) lines.push('', f.hoverNote);
  const source = f.source ?? (rule?.meta.legalSource && !rule.meta.legalSource.includes(';') ? rule.meta.legalSource : undefined);
  if (source) lines.push('', `*Rests on:* ${escapeMarkdown(source)}`);
  const fixes = f.fixes ?? [];
  if (fixes.length === 1) lines.push('', `*What to do:* ${escapeMarkdown(fixes[0].title)} (quick fix).`);
  else if (fixes.length > 1) lines.push('', '*What to do*, as a quick fix, one of:', '', ...fixes.map((x) => `- ${escapeMarkdown(x.title)}`));
  lines.push('', `\`${f.ruleId}\` · ${f.severity} · [Rule documentation](${docs.hoverLink(f.ruleId)})`);
  return lines.join('\n');
}
