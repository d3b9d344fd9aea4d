import type { PolicyDocument } from './model/policyDocument';
import { blockAt } from './facts/text';

/** How long typing must pause before findings in the sentence being typed are shown. */
export const QUIET_MS = 1200;

export interface TypingOptions {
  readonly quietMs?: number;
  /** The clock, in milliseconds; tests pass their own. */
  readonly now?: () => number;
  /** Runs `run` after `ms`; returns a function that cancels it. Tests pass their own. */
  readonly schedule?: (run: () => void, ms: number) => () => void;
}

interface Edit {
  readonly text: string;
  /** When the text last changed, and where, in the new text's offsets. */
  readonly at: number;
  readonly start: number;
  readonly end: number;
  readonly cancel?: () => void;
}

/**
 * Keeps findings out of the sentence being typed until the typing pauses, so a half-written
 * sentence is not underlined at every keystroke. Editors ask for diagnostics after each change;
 * while the last edit is younger than `quietMs`, `hold` leaves out the findings in the sentence
 * around it, and once the pause has lasted `quietMs`, `onSettled` tells the server to have the
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
    const { start, end } = changedRange(previous.text, text);
    const cancel = this.#schedule(() => {
      const current = this.#edits.get(uri);
      if (current && 'at' in current && current.text === text) {
        this.#edits.set(uri, { text });
        this.onSettled(uri);
      }
    }, this.#quietMs);
    this.#edits.set(uri, { text, at: this.#now(), start, end, cancel });
  }

  /** The findings to show now, and how many wait for the typing to pause. */
  hold<T extends { readonly start: number; readonly end: number }>(doc: PolicyDocument, findings: readonly T[]): { shown: T[]; held: number } {
    const edit = this.#edits.get(doc.uri);
    if (!edit || !('at' in edit) || edit.text !== doc.text || this.#now() - edit.at >= this.#quietMs) return { shown: [...findings], held: 0 };
    const zone = editingZone(doc, edit.start, edit.end);
    const shown = findings.filter((f) => f.end < zone.start || f.start > zone.end);
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

/** The sentence (or, outside prose, the line) around an edit: where findings wait for the pause. */
export function editingZone(doc: PolicyDocument, start: number, end: number): { start: number; end: number } {
  const block = blockAt(doc, start) ?? blockAt(doc, Math.max(0, start - 1));
  const lineStart = doc.lines.lineStart(doc.lines.lineAt(start));
  const lineEnd = doc.lines.lineEnd(doc.lines.lineAt(end));
  if (!block) return { start: lineStart, end: lineEnd };
  // Typing at the end of a sentence belongs to that sentence, not to the next one.
  const touching = block.sentences.filter((s) => s.start <= end && start <= s.end);
  if (touching.length === 0) return { start: Math.min(lineStart, start), end: Math.max(lineEnd, end) };
  return { start: Math.min(touching[0].start, start), end: Math.max(touching[touching.length - 1].end, end) };
}
