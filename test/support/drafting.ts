import * as assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { lines } from './doc';

/** A short policy with a defined term, a pronoun, a numbered and a titled reference. */
export const DRAFT = lines(
  '# Privacy notice',
  '',
  'Harbourlight Books Ltd (“Harbourlight”, “we”) sells books. See Section 2 and the “Your Rights” section below.',
  '',
  '## 1. Words we use',
  '',
  '“Order Data” means the books you buy and where we send them.',
  '',
  '## 2. Your rights',
  '',
  'You can ask for your Order Data. We delete ORDER DATA after six years; your order data is yours.',
);

/** The position of the `nth` occurrence of `needle`, `into` characters in. */
export function at(text: string, needle: string, nth = 0, into = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${nth} is not in the text`);
  const before = text.slice(0, i + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
