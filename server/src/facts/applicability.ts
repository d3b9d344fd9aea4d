import type { PolicyDocument } from '../model/policyDocument';
import type { Block } from '../model/blocks';
import { perBlockText, perDocumentAnd } from './cache';
import { JURISDICTIONS } from '../catalog/clauseCatalog';
import { DEFAULT_COMPLIANCE, type ComplianceOptions } from './options';

/** Why one jurisdiction's law is taken to apply to the policy. */
export interface Applies {
  readonly code: string;
  /** Declared in front matter or by the `policywright.compliance.jurisdictions` setting. */
  readonly declared: boolean;
  /** "declared in the front matter", or the cue the text gave, e.g. "the text mentions `California`". */
  readonly reason: string;
  /** Where it was declared or inferred from. */
  readonly start?: number;
  readonly end?: number;
  /**
   * Inferred only from sentences that send these readers to another page ("California residents: see our
   * California notice"): the law applies, but its disclosures are made there. The first such sentence.
   */
  readonly elsewhere?: { readonly start: number; readonly end: number };
}

export interface Applicability {
  /** In the order of `JURISDICTIONS`, `us` included whenever a US state is. */
  readonly jurisdictions: readonly Applies[];
  /** Where the jurisdictions came from: nothing was declared means they were inferred from the text. */
  readonly source: 'front-matter' | 'setting' | 'inferred';
  /** The service is directed at children (front matter `audience`, or the text says so). */
  readonly children: boolean;
  /** The prose reads as English: the disclosure wording is English, so other languages are not checked. */
  readonly english: boolean;
  /** Front matter `sells-or-shares`; undefined when not declared. */
  readonly sellsOrShares?: boolean;
  /** Front matter `thresholds: met` (true) or `not-met` (false); undefined when not declared. */
  readonly thresholdsMet?: boolean;
  has(code: string): boolean;
  get(code: string): Applies | undefined;
}

/**
 * Cues that make a jurisdiction's law obvious from the text alone. Conservative on purpose: a
 * finding that rests on a guess says so, and the writer can declare `jurisdictions:` instead.
 * Case-sensitive where the case is the cue (postcodes, abbreviations).
 */
const CUES: ReadonlyArray<{ readonly code: string; readonly re: RegExp; readonly what: string }> = [
  { code: 'us-ca', re: /\bCalifornia (?:residents?|consumers?|law|Consumer Privacy Act|Privacy Rights Act|Online Privacy Protection Act|Civil Code|privacy rights)\b|\b(?:residents|consumers) (?:of|in) California\b|\bCCPA\b|\bCPRA\b|\bCal(?:ifornia|\.)\s+Civ(?:il|\.)\s+Code\b|\bCalOPPA\b|\bShine the Light\b/g, what: 'California law or California residents' },
  // No cue from a California postal address: a mailing address, the company's or a vendor's, says nothing about who reads the policy.
  { code: 'eu', re: /\b(?<!UK[ -])GDPR\b|\bGeneral Data Protection Regulation\b|\bRegulation \(EU\) 2016\/679\b|\b(?:individuals|residents|users|people) (?:in|of|from) the (?:EU|EEA|European Union|European Economic Area)\b|\bEU\/EEA\b|\b(?:EU|European) representative\b/g, what: 'EU law or people in the EU/EEA' },
  { code: 'uk', re: /\bUK GDPR\b|\bData Protection Act,? (?:of )?(?:1998|2018)\b|\bInformation Commissioner(?:'s|’s)? Office\b|\bICO\b|\bUnited Kingdom\b/g, what: 'UK law or the United Kingdom' },
  // A UK postcode after a town, or a London or +44 telephone number.
  { code: 'uk', re: /\b(?:London|Manchester|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|Bristol|Leeds|Oxford|Cambridge)\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\+44\s?\(?0?\)?\s?\d{2,4}|\b020\s?[378]\d{3}\s?\d{4}\b|\b020[378]\s?\d{3}\s?\d{4}\b/g, what: 'a UK address or telephone number' },
  { code: 'us-va', re: /\bVirginia Consumer Data Protection Act\b|\bVCDPA\b/g, what: 'Virginia law' },
  { code: 'us-co', re: /\bColorado Privacy Act\b/g, what: 'Colorado law' },
  { code: 'us-ct', re: /\bConnecticut Data Privacy Act\b|\bCTDPA\b/g, what: 'Connecticut law' },
  { code: 'us-tx', re: /\bTexas Data Privacy and Security Act\b|\bTDPSA\b/g, what: 'Texas law' },
  { code: 'ca', re: /\bPIPEDA\b|\bPersonal Information Protection and Electronic Documents Act\b/g, what: 'Canadian law' },
  { code: 'ca-qc', re: /\bQu[eé]bec\b|\bLaw 25\b|\bP-39\.1\b/g, what: 'Québec' },
  { code: 'br', re: /\bLGPD\b|\bLei Geral de Prote[cç][aã]o de Dados\b|\b13\.709\b/g, what: 'Brazilian law' },
];

// Said of the service, not of a children's section that says the service is not for children.
const DIRECTED_AT_CHILDREN = /\b(?:is|are)\s+(?:directed|aimed|designed)\s+(?:at|to|for)\s+children\b|\bfor children under (?:the age of )?1[0-6]\b(?![^.]*\bnot\b)/i;
const NOT_DIRECTED = /\bnot\b[^.]{0,40}\b(?:directed|aimed|designed|intended)\b|\b(?:directed|aimed|designed|intended)\b[^.]{0,20}\bnot\b/i;

/** Which laws apply to one version, decided once per version and `policywright.compliance.*` options. */
const decided = perDocumentAnd((doc: PolicyDocument, options: ComplianceOptions) => decide(doc, options));

export function applicability(doc: PolicyDocument, options: ComplianceOptions = DEFAULT_COMPLIANCE): Applicability {
  return decided(doc, options);
}

function decide(doc: PolicyDocument, options: ComplianceOptions): Applicability {
  const list: Applies[] = [];
  let source: Applicability['source'] = 'inferred';
  const fm = doc.frontMatter;
  const declared = doc.fields.jurisdictions.filter((c) => c in JURISDICTIONS);
  // `jurisdictions: []` is a declaration too: no law's checklist applies, and nothing is inferred.
  if (fm && fm.keys.includes('jurisdictions')) {
    source = 'front-matter';
    const keyAt = doc.text.indexOf('jurisdictions', fm.start);
    for (const code of declared) list.push({ code, declared: true, reason: 'declared in the front matter', start: keyAt >= 0 && keyAt < fm.end ? keyAt : fm.start, end: keyAt >= 0 && keyAt < fm.end ? keyAt + 'jurisdictions'.length : fm.start });
  } else {
    const fromSetting = options.jurisdictions.filter((c) => c in JURISDICTIONS);
    if (fromSetting.length > 0) {
      source = 'setting';
      for (const code of fromSetting) list.push({ code, declared: true, reason: 'set by “policywright.compliance.jurisdictions”' });
    } else {
      for (const cue of CUES) {
        if (list.some((a) => a.code === cue.code)) continue;
        const hit = firstCue(doc, cue.re);
        if (!hit) continue;
        const elsewhere = sentToAnotherPage(doc, cue.code);
        list.push({ code: cue.code, declared: false, reason: `the text mentions “${hit.text}” (${cue.what}, line ${doc.lines.lineAt(hit.start) + 1})`, start: hit.start, end: hit.end, elsewhere });
      }
    }
  }
  if (list.some((a) => a.code.startsWith('us-')) && !list.some((a) => a.code === 'us')) {
    const state = list.find((a) => a.code.startsWith('us-'))!;
    list.push({ ...state, code: 'us', reason: `${JURISDICTIONS[state.code].name} applies, so US federal law does too` });
  }
  const order = Object.keys(JURISDICTIONS);
  list.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  const byCode = new Map(list.map((a) => [a.code, a]));
  return Object.freeze({
    jurisdictions: Object.freeze(list),
    source,
    children: directedAtChildren(doc),
    english: readsAsEnglish(doc),
    sellsOrShares: doc.fields.sellsOrShares,
    thresholdsMet: doc.fields.thresholdsMet,
    has: (code: string) => byCode.has(code),
    get: (code: string) => byCode.get(code),
  });
}

// The commonest English words: in English prose roughly one word in five is one of these.
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'we', 'you', 'your', 'is', 'in', 'for', 'our', 'with', 'or', 'that', 'this', 'are', 'it', 'by', 'on', 'not']);

function readsAsEnglish(doc: PolicyDocument): boolean {
  let words = 0;
  let common = 0;
  const perBlock = blockFacts(doc);
  for (const block of doc.blocks) {
    const f = perBlock.get(block);
    if (!f) continue;
    words += f.words;
    common += f.common;
    if (words > 2000) break;
  }
  return words < 30 || common / words > 0.08;
}

// What applicability needs from each paragraph, kept per paragraph text: typing re-reads one.
const blockFacts = perBlockText((block: Block) => {
  let words = 0;
  let common = 0;
  for (const w of block.text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? []) {
    words++;
    if (ENGLISH.has(w)) common++;
  }
  const directed = block.sentences.some((s) => {
    const sentence = block.text.slice(s.start - block.start, s.end - block.start);
    return DIRECTED_AT_CHILDREN.test(sentence) && !NOT_DIRECTED.test(sentence);
  });
  return { words, common, directed };
});

// A sentence that sends its readers to another page: a link (or a web address) and a verb that points to it.
const POINTS_AWAY = /\b(?:see|visit|view|go to|refer to|read|review|consult|learn more|find (?:out )?more|more information|available (?:at|here|on)|can be found)\b/i;
const LINK = /\]\(|https?:\/\/|\bwww\./i;

/**
 * The first sentence sending the readers of `code` to another page, when every sentence that makes the law
 * evident does so ("California residents: see our California notice"); otherwise undefined.
 */
function sentToAnotherPage(doc: PolicyDocument, code: string): { start: number; end: number } | undefined {
  let first: { start: number; end: number } | undefined;
  for (const cue of CUES) {
    if (cue.code !== code) continue;
    for (const block of doc.blocks) {
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(block.text); m; m = cue.re.exec(block.text)) {
        const at = block.start + m.index;
        // A heading that names the law over a section that only points away ("California disclosures" over
        // "Visit our California page") sends its readers away as that section's sentence does.
        const pointer = block.kind === 'heading' ? pointerUnder(doc, at) : undefined;
        const sentence = pointer ?? block.sentences.find((x) => x.start <= at && at < x.end) ?? { start: block.start, end: block.end };
        const source = doc.text.slice(sentence.start, sentence.end);
        if (!POINTS_AWAY.test(source) || !LINK.test(source)) return undefined;
        if (!first || sentence.start < first.start) first = { start: sentence.start, end: sentence.end };
      }
    }
  }
  return first;
}

/** The sentence pointing away with a link that is all the section whose heading holds `at` says (one or two short blocks). */
function pointerUnder(doc: PolicyDocument, at: number): { start: number; end: number } | undefined {
  const section = doc.allSections.find((x) => x.headingStart <= at && at < x.headingEnd);
  if (!section || section.children.length > 0) return undefined;
  const body = doc.blocks.filter((b) => b.kind !== 'heading' && b.start >= section.headingEnd && b.start < section.end);
  if (body.length === 0 || body.length > 2 || body.some((b) => b.text.length > 400)) return undefined;
  for (const b of body) {
    for (const x of b.sentences) {
      const text = doc.text.slice(x.start, x.end);
      if (POINTS_AWAY.test(text) && LINK.test(text)) return x;
    }
  }
  return undefined;
}

function firstCue(doc: PolicyDocument, re: RegExp): { start: number; end: number; text: string } | undefined {
  for (const block of doc.blocks) {
    re.lastIndex = 0;
    const m = re.exec(block.text);
    if (m) return { start: block.start + m.index, end: block.start + m.index + m[0].length, text: m[0] };
  }
  return undefined;
}

function directedAtChildren(doc: PolicyDocument): boolean {
  const audience = doc.fields.audience;
  if (audience !== undefined) {
    const values = (typeof audience === 'string' ? audience.split(/[,\s]+/) : audience).map((a) => a.toLowerCase());
    return values.some((a) => /^(?:children|child|kids|under-?13|mixed)$/.test(a));
  }
  const perBlock = blockFacts(doc);
  if (doc.blocks.some((b) => perBlock.get(b)?.directed)) return true;
  return false;
}

/** One line for hovers and the checklist: which jurisdictions apply and how that was decided. */
export function describeApplicability(a: Applicability): string {
  const names = a.jurisdictions.filter((j) => j.code !== 'us' || a.children).map((j) => JURISDICTIONS[j.code].name);
  if (!a.english) return 'The policy does not read as English: the disclosure checks are written for English text, so none are made';
  if (names.length === 0) return 'No jurisdiction is declared or evident from the text: declare one in the front matter, e.g. “jurisdictions: [eu, uk, us-ca]”';
  if (a.source === 'front-matter') return `Checked against the law of ${names.join(', ')}, as declared in the front matter`;
  if (a.source === 'setting') return `Checked against the law of ${names.join(', ')}, from the “policywright.compliance.jurisdictions” setting`;
  return `Checked against the law of ${names.join(', ')}, inferred from the text; declare “jurisdictions:” in the front matter to confirm or change this`;
}
