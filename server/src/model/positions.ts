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

  constructor(readonly text: string, starts?: number[]) {
    this.#starts = starts ?? lineStarts(text, 0, text.length, true, [0]);
    this.#length = text.length;
  }

  /**
   * The index of `text`, made from the index of the text before one edit: `prefix` characters were
   * kept at the start and `suffix` at the end. Lines before and after the edit are copied (the latter
   * moved); only the lines the edit touched are scanned again.
   */
  static edited(before: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = before.#starts;
    const delta = text.length - before.#length;
    const oldEditEnd = before.#length - suffix;
    // Keep the line starts up to the line of the edit; a line break just before it may join a new one (CR + LF).
    const keep = before.lineAt(Math.max(0, prefix - 1));
    const scanFrom = old[keep];
    // The first old line start whose line break lies wholly in the unchanged end, where scanning can stop.
    let resume = old.length;
    for (let lo = keep + 1, hi = old.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (old[mid] - 2 >= oldEditEnd) {
        resume = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    const scanTo = resume < old.length ? old[resume] + delta : text.length;
    const starts = lineStarts(text, scanFrom, scanTo, resume === old.length, old.slice(0, keep + 1));
    for (let k = resume; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
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

/** Appends to `out` the start of every line that begins after `from` and before `to` (or at `to`, with `atEnd`). */
function lineStarts(text: string, from: number, to: number, atEnd: boolean, out: number[]): number[] {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < to || atEnd) out.push(i + 1);
    } else if (c === 10 /* \n */) {
      if (i + 1 < to || atEnd) out.push(i + 1);
    }
  }
  return out;
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
