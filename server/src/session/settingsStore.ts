import { normalizeSettings, type Settings } from '../settings';

/**
 * Each document's settings, asked of the client once and kept until the configuration changes.
 * A problem in the settings is told once (until the next change), however many documents read them.
 */
export class SettingsStore {
  // The settings of each open document, by uri: promises, so concurrent requests ask the client once.
  readonly #byUri = new Map<string, Promise<Settings>>();
  readonly #told = new Set<string>();
  #generation = 0;

  /**
   * @param read asks the client for the raw settings of one document (never rejects: undefined on failure)
   * @param warn tells the user about one problem in the settings
   */
  constructor(
    private readonly read: (uri: string) => Promise<unknown>,
    private readonly warn: (problem: string) => void,
  ) {}

  get(uri: string): Promise<Settings> {
    let pending = this.#byUri.get(uri);
    if (!pending) {
      pending = this.read(uri).then((raw) => {
        const { settings, problems } = normalizeSettings(raw ?? undefined);
        for (const p of problems) {
          if (this.#told.has(p)) continue;
          this.#told.add(p);
          this.warn(p);
        }
        return settings;
      });
      this.#byUri.set(uri, pending);
    }
    return pending;
  }

  /** Counts configuration changes: part of each diagnostic result id. */
  get generation(): number {
    return this.#generation;
  }

  /** The configuration changed: every document's settings are asked for again. */
  changed(): void {
    this.#byUri.clear();
    this.#told.clear();
    this.#generation++;
  }

  forget(uri: string): void {
    this.#byUri.delete(uri);
  }
}
