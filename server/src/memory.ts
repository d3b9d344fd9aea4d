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

  // Looked for when the first large document is seen: a session with small documents never needs it.
  #collect: (() => void) | undefined | null = null;

  /** `collect` is the engine's full collection unless a test passes its own. */
  constructor(collect?: () => void) {
    if (collect) this.#collect = collect;
  }

  /** Called after each analysis: schedules a collection for when changes stop, if the text is large. */
  note(length: number): void {
    if (length < LARGE_DOCUMENT) return;
    if (this.#collect === null) this.#collect = engineCollection();
    if (!this.#collect) return;
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

  /** Something large was let go (analyses dropped): a full collection once the answer in flight is out, whatever the documents' size. */
  collectSoon(): void {
    if (this.#collect === null) this.#collect = engineCollection();
    if (!this.#collect) return;
    clearTimeout(this.#timer);
    setImmediate(() => this.#run());
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

/**
 * The engine's full collection, when it can be had. The VS Code client starts the server with
 * `--expose-gc`, so `gc` is there. Other editors start `node dist/server.js` as it is; for them the
 * flag is set at run time, once, when the first large document is seen: `--expose-gc` only adds a
 * function to contexts made after it is set, changes nothing else in the engine, and the new
 * context's `gc` collects the whole heap.
 */
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
