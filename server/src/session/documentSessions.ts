import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type Analysis } from '../analysis';
import { isPolicy } from '../policyFiles';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import type { Settings } from '../settings';
import { IdleCompaction } from '../memory';
import { IdleRelease, type ReleaseOptions } from './idleRelease';

export interface SessionLog {
  error(message: string): void;
}

/**
 * The analysis behind every request: the open document's current version, its settings and the
 * loaded clause library, analysed once per version (AnalysisCache), and "nothing" for a file that
 * is not a policy. A rule that throws is logged once per document and skipped. A closed document's
 * analysis is dropped at once, an idle one's once the editor is quiet (idleRelease.ts).
 */
export class DocumentSessions {
  readonly #cache: AnalysisCache;
  // Rules already logged as failing, as "rule uri": a failing rule fails at every keystroke.
  readonly #failed = new Set<string>();
  readonly #release: IdleRelease;

  constructor(
    private readonly documents: { get(uri: string): TextDocument | undefined },
    private readonly settings: { get(uri: string): Promise<Settings> },
    private readonly library: { readonly loaded: ClauseLibrary },
    private readonly log: SessionLog,
    private readonly compaction: Pick<IdleCompaction, 'note'> & Partial<Pick<IdleCompaction, 'collectSoon'>> = new IdleCompaction(),
    release: ReleaseOptions = {},
  ) {
    this.#cache = new AnalysisCache((ruleId, uri, error) => {
      const key = `${ruleId} ${uri}`;
      if (this.#failed.has(key)) return;
      this.#failed.add(key);
      this.log.error(`Rule ${ruleId} failed on ${uri} and was skipped: ${describe(error)}`);
    });
    this.#release = new IdleRelease(this.#cache, () => this.compaction.collectSoon?.(), release);
  }

  /** The analysis of the document's current version, or undefined when it is not a policy. */
  analysisOf(document: TextDocument, settings: Settings): Analysis | undefined {
    const doc = this.#cache.document(document.uri, document.version, document.getText(), settings.maxFileSize);
    if (!isPolicy(document.uri, doc, settings.files)) return undefined;
    const analysis = this.#cache.analyse(document.uri, document.version, document.getText(), settings, new Date(), this.library.loaded);
    // The garbage of analysing a long text is given back once the editor is quiet again, and so are idle documents' analyses.
    this.compaction.note(document.getText().length);
    this.#release.busy();
    return analysis;
  }

  /**
   * Runs `run` on the analysis of `uri`, or answers `empty` for a closed document or a file that is
   * not a policy. Throws ContentModified when the text moved on while the settings were fetched,
   * and RequestCancelled when the client cancelled; any other failure is logged and answers `empty`.
   */
  async withAnalysis<T>(uri: string, token: CancellationToken | undefined, empty: T, run: (a: Analysis) => T): Promise<T> {
    const document = this.documents.get(uri);
    if (!document) return empty;
    const version = document.version;
    const text = document.getText();
    const settings = await this.settings.get(uri);
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    const current = this.documents.get(uri);
    // The text moved on while settings were fetched: answering now would describe an old version.
    if (!current || current.version !== version || current.getText() !== text) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was running');
    try {
      const analysis = this.analysisOf(current, settings);
      return analysis ? run(analysis) : empty;
    } catch (error) {
      this.log.error(`Policywright failed on ${uri}: ${describe(error)}`);
      return empty;
    }
  }

  close(uri: string): void {
    this.#cache.delete(uri);
    this.#failed.forEach((key) => key.endsWith(` ${uri}`) && this.#failed.delete(key));
    this.#release.closed();
  }

  /** How many documents have an analysis kept (for tests and the benchmark). */
  get kept(): number {
    return this.#cache.size;
  }

  dispose(): void {
    this.#release.dispose();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
