import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Converts between string offsets and LSP positions.
 *
 * JavaScript strings are UTF-16, and LSP's default position encoding is UTF-16, so an offset
 * is already a UTF-16 code-unit count. Lines end at `\r\n`, `\n` or a lone `\r`, as LSP says.
 */
export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    this.#length = text.length;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))];
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.#starts.length) return this.#length;
    let end = this.#starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineAt(offset: number): number {
    const o = clamp(offset, 0, this.#length);
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    let o = clamp(offset, 0, this.#length);
    // Never point into the middle of a surrogate pair or a CRLF.
    if (o > 0 && o < this.#length && isLowSurrogate(this.text.charCodeAt(o)) && isHighSurrogate(this.text.charCodeAt(o - 1))) o--;
    const line = this.lineAt(o);
    const character = Math.min(o, this.lineEnd(line)) - this.#starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.#starts.length) return this.#length;
    const start = this.#starts[position.line];
    return clamp(start + Math.max(0, position.character), start, this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
