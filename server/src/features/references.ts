import type { Location, Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { referencesTo, symbolAt } from '../facts/navigation';

/**
 * Find all references: every use of a defined term (its definitions when `includeDeclaration`),
 * or every reference and contents entry that leads to a section, asked from the section's heading
 * or from any reference to it.
 */
export function provideReferences(doc: PolicyDocument, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(doc, doc.lines.offsetAt(position));
  const at = (start: number, end: number): Location => ({ uri: doc.uri, range: doc.lines.range(start, end) });
  if (!symbol) return [];
  if (symbol.kind === 'term') return symbol.term.uses.filter((u) => includeDeclaration || !u.definition).map((u) => at(u.start, u.end));
  const section = symbol.kind === 'heading' ? symbol.section : symbol.destinations[0]?.section;
  if (!section) return [];
  const refs = referencesTo(doc, section).map((r) => at(r.start, r.end));
  return includeDeclaration ? [at(section.headingStart, section.headingEnd), ...refs] : refs;
}
