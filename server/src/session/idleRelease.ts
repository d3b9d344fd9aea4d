/** Once the editor has been quiet this long, only the most recent documents keep their analyses. */
export const RELEASE_QUIET_MS = 2000;
/** How many documents keep their analyses while the editor is quiet: the ones being read or typed in. */
export const KEEP_WHEN_QUIET = 4;

export interface ReleaseOptions {
  readonly keep?: number;
  readonly quietMs?: number;
  /** Runs `run` after `ms`; returns a function that cancels it. Tests pass their own. */
  readonly schedule?: (run: () => void, ms: number) => () => void;
}

/**
 * Gives back what idle and closed documents hold. A document's analysis (its model, facts and
 * findings) is a few megabytes for a long policy; with 200 policies open and typed in, that was
 * over 700 MB, kept after the typing stopped and after the documents were closed. So once the
 * editor has been quiet for RELEASE_QUIET_MS, only the KEEP_WHEN_QUIET documents used last keep
 * their analysis (the others are analysed again if asked, as on opening), and when anything was
 * dropped, by this or by a close, the engine collects it (small documents never trigger a
 * collection otherwise, and the engine would keep the memory until its heap limit grows near).
 */
export class IdleRelease {
  readonly #keep: number;
  readonly #quietMs: number;
  readonly #schedule: (run: () => void, ms: number) => () => void;
  #cancel: (() => void) | undefined;
  #closed = 0;

  /**
   * @param cache the analyses kept, by document
   * @param collect a full collection, run after something was dropped
   */
  constructor(
    private readonly cache: { retainRecent(n: number): number },
    private readonly collect: () => void,
    options: ReleaseOptions = {},
  ) {
    this.#keep = options.keep ?? KEEP_WHEN_QUIET;
    this.#quietMs = options.quietMs ?? RELEASE_QUIET_MS;
    this.#schedule =
      options.schedule ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        // Never the reason the process stays alive after its client has gone.
        timer.unref();
        return () => clearTimeout(timer);
      });
  }

  /** A document was analysed: the quiet period starts again. */
  busy(): void {
    this.#restart();
  }

  /** A document was closed and its analysis dropped: collected at the next quiet moment. */
  closed(): void {
    this.#closed++;
    this.#restart();
  }

  dispose(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }

  #restart(): void {
    this.#cancel?.();
    this.#cancel = this.#schedule(() => this.#quiet(), this.#quietMs);
  }

  #quiet(): void {
    this.#cancel = undefined;
    const dropped = this.cache.retainRecent(this.#keep) + this.#closed;
    this.#closed = 0;
    if (dropped > 0) this.collect();
  }
}
