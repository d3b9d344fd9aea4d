import { buildPolicyDocument, updatePolicyDocument, type PolicyDocument } from './model/policyDocument';
import { runRules, type ReportedFinding } from './rules/engine';
import { DEFAULT_MAX_FILE_SIZE, type Settings } from './settings';

/** The model of one document version and the rule findings for one set of settings. */
export interface Analysis {
  readonly doc: PolicyDocument;
  readonly findings: readonly ReportedFinding[];
}

/**
 * Builds each (uri, version) once, whatever feature asks first. Findings are kept per settings
 * object: settings are replaced, never mutated, so identity says whether they changed.
 */
export class AnalysisCache {
  readonly #docs = new Map<string, PolicyDocument>();
  readonly #findings = new Map<string, { settings: Settings; today: string; findings: readonly ReportedFinding[] }>();

  constructor(private readonly onRuleError?: (ruleId: string, uri: string, error: unknown) => void) {}

  document(uri: string, version: number, text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): PolicyDocument {
    const cached = this.#docs.get(uri);
    const structureOnly = text.length > maxFileSize;
    if (cached && cached.version === version && cached.text.length === text.length && cached.structureOnly === structureOnly) return cached;
    // Typing changes one place: re-parse only the blocks it touched.
    const doc =
      structureOnly || !cached || cached.structureOnly ? buildPolicyDocument(uri, version, text, { structureOnly }) : updatePolicyDocument(cached, version, text);
    this.#docs.set(uri, doc);
    this.#findings.delete(uri);
    return doc;
  }

  analyse(uri: string, version: number, text: string, settings: Settings, today = new Date()): Analysis {
    const doc = this.document(uri, version, text, settings.maxFileSize);
    const day = today.toISOString().slice(0, 10);
    const cached = this.#findings.get(uri);
    if (cached && cached.settings === settings && cached.today === day) return { doc, findings: cached.findings };
    const findings = Object.freeze(runRules(doc, { rules: settings.rules, today, onRuleError: (id, e) => this.onRuleError?.(id, uri, e) }));
    this.#findings.set(uri, { settings, today: day, findings });
    return { doc, findings };
  }

  /** The last findings computed for `uri`, whatever the settings; hover uses them. */
  lastFindings(uri: string, version: number): readonly ReportedFinding[] {
    return this.#docs.get(uri)?.version === version ? (this.#findings.get(uri)?.findings ?? []) : [];
  }

  delete(uri: string): void {
    this.#docs.delete(uri);
    this.#findings.delete(uri);
  }
}
