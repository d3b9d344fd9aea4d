import type { Analysis } from '../analysis';
import type { ReportedFinding } from '../rules/engine';
import { TypingTracker, type TypingOptions } from '../typing';

/** What the scheduler needs of the connection: how the client gets diagnostics, and how to send them. */
export interface DiagnosticChannel {
  /** The client pulls (`textDocument/diagnostic`); otherwise the server pushes. */
  readonly pull: boolean;
  /** A pulling client can be asked to pull again (`workspace/diagnostic/refresh`). */
  readonly refreshSupport: boolean;
  refresh(): void;
  /** Pushes the diagnostics of one open document. */
  push(uri: string): void;
  /** The open documents. */
  uris(): readonly string[];
}

/**
 * When diagnostics are (re)computed and what they show: findings in the sentence being typed wait
 * for a pause (typing.ts), then the client is asked again; a pull answer's result id names what it
 * was computed from, so the same id means the same answer.
 */
export class DiagnosticScheduler {
  readonly #typing: TypingTracker;
  // The number of text changes of each open document, by uri: part of the result id, because a
  // client may send new text under a version number it already used.
  readonly #changes = new Map<string, number>();

  constructor(
    private readonly channel: () => DiagnosticChannel,
    typing?: TypingOptions,
  ) {
    this.#typing = new TypingTracker((uri) => this.#settled(uri), typing);
  }

  /** Records a document's new text (open or change). */
  noteText(uri: string, text: string): void {
    this.#typing.noteText(uri, text);
    this.#changes.set(uri, (this.#changes.get(uri) ?? 0) + 1);
    const channel = this.channel();
    if (!channel.pull) channel.push(uri);
  }

  forget(uri: string): void {
    this.#typing.forget(uri);
    this.#changes.delete(uri);
  }

  /** Names one answer: the document's version and text, the generation of its inputs (settings, clause library) and the day (dates age). */
  resultId(uri: string, version: number, inputsGeneration: number | string, today = new Date()): string {
    return `${version}.${this.#changes.get(uri) ?? 0}:${inputsGeneration}:${today.toISOString().slice(0, 10)}`;
  }

  /** An answer with findings held back has its own id, so the pull after the pause gets them all. */
  heldResultId(resultId: string): string {
    return `${resultId}:typing`;
  }

  /** The findings to show now, and how many wait for the typing to pause. */
  shown(analysis: Analysis): { shown: readonly ReportedFinding[]; held: number } {
    const channel = this.channel();
    // A client that cannot be asked to pull again would never see held findings: it gets them all at once.
    if (channel.pull && !channel.refreshSupport) return { shown: [...analysis.findings], held: 0 };
    return this.#typing.hold(analysis.doc, analysis.findings);
  }

  /** Something every document's diagnostics depend on changed (settings, the clause library): all are computed again. */
  everythingChanged(): void {
    const channel = this.channel();
    if (channel.pull) {
      if (channel.refreshSupport) channel.refresh();
    } else {
      for (const uri of channel.uris()) channel.push(uri);
    }
  }

  #settled(uri: string): void {
    const channel = this.channel();
    if (channel.pull) {
      if (channel.refreshSupport) channel.refresh();
    } else channel.push(uri);
  }
}
