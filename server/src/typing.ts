import type { PolicyDocument } from './model/policyDocument';

/**
 * How long typing must pause before a finding on the word being typed is shown. Everything else is
 * shown at once (the server answers in milliseconds), and the word's findings as soon as a space or a
 * punctuation mark ends it, or after this pause: a finding appears within ~300 ms of the keystroke
 * that creates it, the client's pull after the refresh included.
 */
export const QUIET_MS = 250;

export interface TypingOptions {
  readonly quietMs?: number;
  /** The clock, in milliseconds; tests pass their own. */
  readonly now?: () => number;
  /** Runs `run` after `ms`; returns a function that cancels it. Tests pass their own. */
  readonly schedule?: (run: () => void, ms: number) => () => void;
}

interface Edit {
  readonly text: string;
  /** When the text last changed, and the word being typed there, in the new text's offsets. */
  readonly at: number;
  readonly start: number;
  readonly end: number;
  readonly cancel?: () => void;
}

/**
 * Leaves the word being typed alone until it is finished, so a half-typed word ("the th…") is not
 * underlined at every keystroke, and shows every other finding at once. Editors ask for diagnostics
 * after each change; while the last edit is a keystroke inside a word and younger than `quietMs`,
 * `hold` leaves out the findings on that word. A space or punctuation mark finishes the word (nothing
 * is held); otherwise, once the pause has lasted `quietMs`, `onSettled` tells the server to have the
 * diagnostics asked for again (a pull refresh, or a new push).
 */
export class TypingTracker {
  readonly #edits = new Map<string, Edit | { readonly text: string }>();
  readonly #quietMs: number;
  readonly #now: () => number;
  readonly #schedule: (run: () => void, ms: number) => () => void;

  constructor(
    private readonly onSettled: (uri: string) => void,
    options: TypingOptions = {},
  ) {
    this.#quietMs = options.quietMs ?? QUIET_MS;
    this.#now = options.now ?? (() => Date.now());
    this.#schedule =
      options.schedule ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      });
  }

  /** Records a document's text: the first text of a document is a baseline, later ones are edits. */
  noteText(uri: string, text: string): void {
    const previous = this.#edits.get(uri);
    if (!previous) {
      this.#edits.set(uri, { text });
      return;
    }
    if (previous.text === text) return;
    if ('cancel' in previous) previous.cancel?.();
    const changed = changedRange(previous.text, text);
    const word = typingWord(text, changed.start, changed.end);
    // The keystroke finished a word, or was no typing (a paste, a deletion across words): nothing waits.
    if (!word) {
      this.#edits.set(uri, { text });
      return;
    }
    const { start, end } = word;
    const cancel = this.#schedule(() => {
      const current = this.#edits.get(uri);
      if (current && 'at' in current && current.text === text) {
        this.#edits.set(uri, { text });
        this.onSettled(uri);
      }
    }, this.#quietMs);
    this.#edits.set(uri, { text, at: this.#now(), start, end, cancel });
  }

  /** The findings to show now, and how many wait for the word being typed to be finished. */
  hold<T extends { readonly start: number; readonly end: number }>(doc: PolicyDocument, findings: readonly T[]): { shown: T[]; held: number } {
    const edit = this.#edits.get(doc.uri);
    if (!edit || !('at' in edit) || edit.text !== doc.text || this.#now() - edit.at >= this.#quietMs) return { shown: [...findings], held: 0 };
    // A finding that touches the word: on it, over it ("the the"), or an empty one at its edge.
    const shown = findings.filter((f) => f.end < edit.start || f.start > edit.end);
    return { shown, held: findings.length - shown.length };
  }

  forget(uri: string): void {
    const edit = this.#edits.get(uri);
    if (edit && 'cancel' in edit) edit.cancel?.();
    this.#edits.delete(uri);
  }
}

/** Where two texts differ, in the second text's offsets: after the common start, before the common end. */
export function changedRange(before: string, after: string): { start: number; end: number } {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: after.length - tail };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’_-]/u;
const WORD = /^[\p{L}\p{N}\p{M}'’_-]*$/u;
/** Longer than this, an insertion without a space is a paste (a URL, a pasted word list), not typing. */
const TYPED_AT_ONCE = 3;

/**
 * The word being typed at an edit (in the new text's offsets): the run of letters and digits around a
 * keystroke that added or removed characters inside a word. None when the keystroke ended the word
 * (a space, a punctuation mark, a line break), or when the edit was no keystroke (a paste).
 */
export function typingWord(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const inserted = text.slice(start, end);
  if (inserted.length > TYPED_AT_ONCE || !WORD.test(inserted)) return undefined;
  let s = start;
  while (s > 0 && WORD_CHAR.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && WORD_CHAR.test(text[e])) e++;
  // Backspace over a word's last letter: the word is gone, there is nothing to wait for.
  return s < e ? { start: s, end: e } : undefined;
}
