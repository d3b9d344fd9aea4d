import { builtInLibrary, loadClauseLibrary, type ClauseLibrary } from '../catalog/clauseLibrary';

export interface LibraryLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The clause library of the workspace: the built-ins at once, the workspace's own templates once
 * read. `current` never rejects: a library that cannot be read leaves the built-ins.
 */
export class LibraryStore {
  #pending: Promise<ClauseLibrary> = Promise.resolve(builtInLibrary());
  #loaded: ClauseLibrary = builtInLibrary();
  #roots: readonly string[] = [];
  #generation = 0;

  constructor(
    private readonly log: LibraryLog,
    private readonly load: (roots: readonly string[]) => Promise<ClauseLibrary> = loadClauseLibrary,
  ) {}

  /** The library being read, or the last one read: what completions and clause requests wait for. */
  get current(): Promise<ClauseLibrary> {
    return this.#pending;
  }

  /** The last library read, for the analysis, which runs synchronously. */
  get loaded(): ClauseLibrary {
    return this.#loaded;
  }

  /** Counts the libraries read: part of each diagnostics result id, since a template fixed or broken changes what a policy is told. */
  get generation(): number {
    return this.#generation;
  }

  /** The workspace folders the library was last read from. */
  get roots(): readonly string[] {
    return this.#roots;
  }

  /** Reads the templates under each root's `.policywright/clauses` again; problems are logged, one line each. */
  reload(roots: readonly string[] = this.#roots): Promise<ClauseLibrary> {
    this.#roots = roots;
    this.#pending = this.load(roots).then(
      (library) => {
        this.#loaded = library;
        this.#generation++;
        for (const p of library.problems) this.log.warn(`Clause template ${p.file}:${p.range.start.line + 1}: ${p.message}`);
        return library;
      },
      (error: unknown) => {
        this.log.error(`The clause library could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return builtInLibrary();
      },
    );
    return this.#pending;
  }
}
