import type { Location, Position } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { symbolAt } from '../facts/navigation';

/** Go to definition: from a defined term to its definition, from a reference or contents entry to its section. */
export function provideDefinition(doc: PolicyDocument, position: Position): Location[] {
  const symbol = symbolAt(doc, doc.lines.offsetAt(position));
  const at = (start: number, end: number): Location => ({ uri: doc.uri, range: doc.lines.range(start, end) });
  if (!symbol) return [];
  switch (symbol.kind) {
    case 'term':
      return symbol.term.definitions.map((d) => at(d.start, d.end));
    case 'reference':
    case 'contents':
      return symbol.destinations.map((d) => at(d.start, d.end));
    case 'heading':
      return [];
  }
}
