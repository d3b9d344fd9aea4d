import type { Block } from '../../model/blocks';

export interface Match {
  readonly block: Block;
  readonly match: RegExpExecArray;
  /** Document offsets of the whole match. */
  readonly start: number;
  readonly end: number;
}

/** Every match of a global regular expression in one block's prose. */
export function* blockMatches(block: Block, re: RegExp): Generator<Match> {
  if (!re.global) throw new Error(`blockMatches needs a global regular expression: ${re}`);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block.text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { block, match: m, start: block.start + m.index, end: block.start + m.index + m[0].length };
  }
}

/** The sentence of `block` that contains `offset`, as text. */
export function sentenceAround(block: Block, offset: number): string {
  const s = block.sentences.find((x) => x.start <= offset && offset < x.end) ?? { start: block.start, end: block.end };
  return block.text.slice(s.start - block.start, s.end - block.start);
}

/**
 * Quotes the policy's text for a message, shortened: in typographic quotes, because the Problems panel and the
 * CLI show no Markdown and backticks read as stray marks to a lawyer.
 */
export function quote(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return '“' + (one.length > max ? one.slice(0, max - 1) + '…' : one) + '”';
}
