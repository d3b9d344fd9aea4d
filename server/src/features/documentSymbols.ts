import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { topicForTitle } from '../catalog/sectionTopics';

/** The outline: one symbol per section, nested as the sections are; the detail names the section's topic. */
export function provideDocumentSymbols(doc: PolicyDocument): DocumentSymbol[] {
  const toSymbol = (s: Section): DocumentSymbol => ({
    name: (s.number ? `${s.number}. ` : '') + (s.title || '(untitled)'),
    detail: detailFor(s.title),
    kind: SymbolKind.String,
    range: doc.lines.range(s.start, Math.max(s.end, s.headingEnd)),
    selectionRange: doc.lines.range(s.headingStart, s.headingEnd),
    children: s.children.map(toSymbol),
  });
  return doc.sections.map(toSymbol);
}

/** The section's topic, unless the title already says it ("Who we are" needs no "Who we are" beside it). */
function detailFor(title: string): string {
  const topic = topicForTitle(title)?.title ?? '';
  return topic.toLowerCase() === title.trim().toLowerCase() ? '' : topic;
}
