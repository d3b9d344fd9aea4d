import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { referencesTo, symbolAt } from '../facts/navigation';

/** Highlights every use of the term under the cursor (its definitions as writes), or a section and what leads to it. */
export function provideDocumentHighlights(doc: PolicyDocument, position: Position): DocumentHighlight[] {
  const symbol = symbolAt(doc, doc.lines.offsetAt(position));
  if (!symbol) return [];
  if (symbol.kind === 'term') {
    return symbol.term.uses.map((u) => ({ range: doc.lines.range(u.start, u.end), kind: u.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  }
  const section = symbol.kind === 'heading' ? symbol.section : symbol.destinations[0]?.section;
  if (!section) return [];
  return [
    { range: doc.lines.range(section.headingStart, section.headingEnd), kind: DocumentHighlightKind.Write },
    ...referencesTo(doc, section).map((r) => ({ range: doc.lines.range(r.start, r.end), kind: DocumentHighlightKind.Read })),
  ];
}
