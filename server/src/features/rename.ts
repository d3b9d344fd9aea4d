import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import { symbolAt } from '../facts/navigation';
import { isUpperWord } from '../facts/text';

/** Rename is offered on defined terms: the range under the cursor and the name to edit. */
export function prepareRename(doc: PolicyDocument, position: Position): { range: Range; placeholder: string } | null {
  const symbol = symbolAt(doc, doc.lines.offsetAt(position));
  if (symbol?.kind !== 'term' || !symbol.term.uses.includes(symbol.occurrence)) return null;
  return { range: doc.lines.range(symbol.occurrence.start, symbol.occurrence.end), placeholder: symbol.term.name };
}

/** A new name that can stand between quotes in a definition. */
export function validTermName(name: string): boolean {
  return name.trim() === name && name.length > 0 && name.length <= 60 && !/["“”‘’\r\n()[\]]/.test(name) && /\p{L}/u.test(name);
}

/**
 * Renames a defined term everywhere it is used, its definitions included, and nowhere else: the
 * lower-case "personal data" of a "Personal Data" term is a different word and stays. A use in
 * capitals stays in capitals, a use capitalised at a sentence start stays capitalised.
 */
export function provideRename(doc: PolicyDocument, position: Position, newName: string): WorkspaceEdit | null {
  const symbol = symbolAt(doc, doc.lines.offsetAt(position));
  if (symbol?.kind !== 'term' || !validTermName(newName)) return null;
  const edits: TextEdit[] = symbol.term.uses.map((u) => {
    const old = doc.text.slice(u.start, u.end);
    const letters = old.replace(/[^\p{L}]/gu, '');
    let text = newName;
    if (letters.length > 1 && isUpperWord(letters) && !isUpperWord(symbol.term.name.replace(/[^\p{L}]/gu, ''))) text = newName.toUpperCase();
    else if (/^\p{Lu}/u.test(old) && /^\p{Ll}/u.test(symbol.term.name)) text = newName[0].toUpperCase() + newName.slice(1);
    return { range: doc.lines.range(u.start, u.end), newText: text };
  });
  return { changes: { [doc.uri]: edits } };
}
