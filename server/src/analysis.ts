import { buildPolicyDocument, updatePolicyDocument, type PolicyDocument } from './model/policyDocument';
import { builtInLibrary, type ClauseLibrary } from './catalog/clauseLibrary';
import { perDocumentAnd, perPair } from './facts/cache';
import { factsOf, type Facts } from './facts/facts';
import type { AnalysisOptions } from './facts/options';
import { runRules, type ReportedFinding } from './rules/engine';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * One version analysed with one set of settings: the model, the options resolved from the settings
 * and library, the facts derived from both, and the rule findings. Facts and findings are computed
 * when first read, and kept by what they depend on (facts/cache.ts), so asking again is free.
 */
export interface Analysis {
  readonly doc: PolicyDocument;
  readonly settings: Settings;
  readonly options: AnalysisOptions;
  readonly facts: Facts;
  readonly today: Date;
  readonly findings: readonly ReportedFinding[];
}

export type RuleErrorHandler = (ruleId: string, uri: string, error: unknown) => void;

/** The options one settings object and one library give: the same object for the same pair, so facts keyed by it are reused. */
export const optionsOf = perPair(
  (settings: Settings, library: ClauseLibrary): AnalysisOptions => Object.freeze({ drafting: settings.drafting, compliance: settings.compliance, library }),
);

export function analyse(doc: PolicyDocument, settings: Settings = DEFAULT_SETTINGS, library: ClauseLibrary = builtInLibrary(), today = new Date(), onRuleError?: RuleErrorHandler): Analysis {
  const options = optionsOf(settings, library);
  const facts = factsOf(doc, options);
  let findings: readonly ReportedFinding[] | undefined;
  return Object.freeze({
    doc,
    settings,
    options,
    facts,
    today,
    get findings() {
      return (findings ??= findingsOf(doc, options, settings, today, onRuleError));
    },
  });
}

// The findings of a version under one options object (which stands for one settings object and library), for one day: dates age.
const lastFindings = perDocumentAnd((_doc: PolicyDocument, _options: AnalysisOptions) => ({ day: '', findings: undefined as readonly ReportedFinding[] | undefined }));

function findingsOf(doc: PolicyDocument, options: AnalysisOptions, settings: Settings, today: Date, onRuleError?: RuleErrorHandler): readonly ReportedFinding[] {
  const slot = lastFindings(doc, options);
  const day = today.toISOString().slice(0, 10);
  if (slot.findings && slot.day === day) return slot.findings;
  slot.day = day;
  slot.findings = Object.freeze(runRules(doc, { rules: settings.rules, options, today, onRuleError: (id, e) => onRuleError?.(id, doc.uri, e) }));
  return slot.findings;
}

/**
 * The model of each open document's latest version: each (uri, version, text) is built once,
 * whatever feature asks first, and an edit re-parses only the blocks it touched. A model holds
 * its facts and findings (a few megabytes for a long policy): `retainRecent` drops all but the
 * documents used most recently (the server does once the editor is quiet), `limit` bounds how
 * many are kept at any time, and a document asked for again after it was dropped is built again.
 */
export class AnalysisCache {
  // The latest models, by uri, least recently used first: session state, emptied when a document closes.
  readonly #docs = new Map<string, PolicyDocument>();

  constructor(
    private readonly onRuleError?: RuleErrorHandler,
    // None by default: a burst of edits over many documents would otherwise rebuild each one from scratch.
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  document(uri: string, version: number, text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): PolicyDocument {
    const cached = this.#docs.get(uri);
    const structureOnly = text.length > maxFileSize;
    // Most recently used last.
    if (cached) this.#docs.delete(uri);
    // The text itself is compared, not its length: a client may resend a version number with other text.
    const doc =
      cached && cached.version === version && cached.text === text && cached.structureOnly === structureOnly
        ? cached
        : // Typing changes one place: re-parse only the blocks it touched.
          structureOnly || !cached || cached.structureOnly
          ? buildPolicyDocument(uri, version, text, { structureOnly })
          : updatePolicyDocument(cached, version, text);
    this.#docs.set(uri, doc);
    this.retainRecent(this.limit);
    return doc;
  }

  analyse(uri: string, version: number, text: string, settings: Settings, today = new Date(), library: ClauseLibrary = builtInLibrary()): Analysis {
    return analyse(this.document(uri, version, text, settings.maxFileSize), settings, library, today, this.onRuleError);
  }

  delete(uri: string): void {
    this.#docs.delete(uri);
  }

  /** Keeps the models of the `n` documents used most recently and drops the others; answers how many it dropped. */
  retainRecent(n: number): number {
    let dropped = 0;
    for (const uri of this.#docs.keys()) {
      if (this.#docs.size <= n) break;
      this.#docs.delete(uri);
      dropped++;
    }
    return dropped;
  }

  /** How many documents have a model kept. */
  get size(): number {
    return this.#docs.size;
  }
}
