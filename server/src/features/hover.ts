import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { ReportedFinding } from '../rules/engine';
import { docsUrl, ruleById } from '../rules/registry';
import { topicForTitle } from '../catalog/sectionTopics';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { clauseHoverMarkdown } from './clauseHover';

/**
 * On a flagged passage: each finding's rule, why it matters and its legal source.
 * On a heading: what that section of a policy is for, and the law behind it.
 */
export function provideHover(doc: PolicyDocument, findings: readonly ReportedFinding[], position: Position, library?: ClauseLibrary): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const here = findings.filter((f) => f.start <= offset && offset <= f.end);
  if (here.length > 0) {
    const parts = here.map((f) => {
      const rule = ruleById(f.ruleId);
      const lines = [`**${rule?.meta.description ?? f.ruleId}** (\`${f.ruleId}\`, ${f.severity})`, '', rule?.meta.explanation ?? ''];
      if (f.hoverNote) lines.push('', f.hoverNote);
      if (rule?.meta.legalSource) lines.push('', `*Legal source:* ${rule.meta.legalSource}`);
      lines.push('', `[Rule documentation](${docsUrl(f.ruleId)})`);
      return lines.join('\n');
    });
    const first = here[0];
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: doc.lines.range(first.start, first.end) };
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
