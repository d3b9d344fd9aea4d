import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';

/** Each section folds from its heading line to its last line; front matter folds too. */
export function provideFoldingRanges(doc: PolicyDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  if (doc.frontMatter) {
    const startLine = doc.lines.lineAt(doc.frontMatter.start);
    const endLine = doc.lines.lineAt(doc.frontMatter.end);
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  for (const s of doc.allSections) {
    const startLine = doc.lines.lineAt(s.headingStart);
    const endLine = doc.lines.lineAt(s.end);
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
