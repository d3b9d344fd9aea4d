import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents at least this long (in UTF-16 units) leave enough garbage behind to be worth a collection. */
export const LARGE_DOCUMENT = 256 * 1024;
const IDLE_MS = 2000;
const EVERY = 16;

/**
 * Gives memory back after work on a large document. Reading a 1 MB policy, or typing in it, leaves
 * tens of megabytes of garbage that the engine keeps as resident memory until its heap limit
 * grows near; a full collection once the editor has been quiet for two seconds hands it back at
 * once, and one every sixteen analyses keeps a long burst of typing from piling it up (an analysis
 * of such a document takes about 50 ms, a collection about as long). Small documents never
 * trigger it: their garbage is small and typing in them must not pause.
 */
export class IdleCompaction {
  #timer: NodeJS.Timeout | undefined;
  #since = 0;

  readonly #collect: (() => void) | undefined;

  /** `collect` is the engine's full collection unless a test passes its own. */
  constructor(collect: (() => void) | undefined = engineCollection()) {
    this.#collect = collect;
  }

  /** Called after each analysis: schedules a collection for when changes stop, if the text is large. */
  note(length: number): void {
    if (length < LARGE_DOCUMENT || !this.#collect) return;
    clearTimeout(this.#timer);
    if (++this.#since >= EVERY) {
      // After the answer has gone out, not inside the request.
      setImmediate(() => this.#run());
      return;
    }
    this.#timer = setTimeout(() => this.#run(), IDLE_MS);
    // Never the reason the process stays alive after its client has gone.
    this.#timer.unref();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #run(): void {
    this.#timer = undefined;
    this.#since = 0;
    // Twice: what the first collection leaves for finalizers and weak references, the second frees.
    this.#collect?.();
    this.#collect?.();
  }
}

/** The engine's full collection, when it can be had: `gc` is only exposed on request. */
export function engineCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
