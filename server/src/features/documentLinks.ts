import type { DocumentLink } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { links } from '../facts/navigation';

/**
 * Links from "Section 4", "see “Cookies” below" and contents entries to the heading they name.
 * The target is the document itself with a `#L<line>` fragment, which VS Code and most editors
 * open at that line.
 */
export function provideDocumentLinks(doc: PolicyDocument): DocumentLink[] {
  return links(doc).map((l) => {
    const line = doc.lines.lineAt(l.destination.start) + 1;
    return {
      range: doc.lines.range(l.start, l.end),
      target: `${doc.uri}#L${line}`,
      tooltip: l.destination.section ? `Go to ${l.destination.section.number ? `section ${l.destination.section.number}: ` : ''}${l.destination.section.title} (line ${line})` : `Go to line ${line}`,
    };
  });
}
