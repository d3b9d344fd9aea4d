import type { PolicyDocument } from '../model/policyDocument';
import type { Block } from '../model/blocks';
import { passagesOf, type Evidence } from './disclosures';
import { policyDates } from './dates';
import { perPair } from './cache';
import { topicForTitle } from '../catalog/sectionTopics';

/**
 * What changed in substance between two versions of a policy, read by meaning rather than by line: blocks
 * of prose are matched by their words wherever they moved, a block that is only reworded is a wording
 * edit, and what a new or removed block is about comes from the disclosures it makes. The law attaches
 * duties to these changes: new purposes need information before processing (GDPR Art. 13(3)), material
 * changes are notified (WP260 rev.01 ¶¶29–31), and the "last updated" date moves (11 CCR §7011(e)(4),
 * Cal. Bus. & Prof. Code §22575(b)(4)).
 */
export type ChangeKind = 'categories' | 'purposes' | 'recipients' | 'transfers' | 'retention' | 'rights' | 'sale' | 'children' | 'tracking' | 'section' | 'other';

export interface Change {
  readonly kind: ChangeKind;
  readonly how: 'added' | 'removed' | 'changed';
  /** Offsets in the newer version (in the older one for what was removed). */
  readonly start: number;
  readonly end: number;
  readonly inOlder: boolean;
  /** The passage as the version it comes from writes it. */
  readonly text: string;
  /** Why a reworded passage counts: a number or a negation changed. */
  readonly why?: string;
}

export interface VersionComparison {
  readonly changes: readonly Change[];
  /** Changes of substance: a passage about a data practice added, removed, or changed in a number or a negation. */
  readonly material: boolean;
  /** The policy's own date moved forward. */
  readonly dateUpdated: boolean;
  /** Blocks whose wording changed without changing what they say. */
  readonly wordingEdits: number;
}

/** Disclosures whose passages make a change of each kind, in the order a kind is chosen when a block makes several. */
const KINDS: ReadonlyArray<[ChangeKind, readonly string[]]> = [
  ['sale', ['sale-sharing', 'no-sale', 'opt-out-sale-sharing', 'targeted-ads-mentioned', 'targeted-ads-opt-out']],
  ['children', ['children', 'under-16', 'coppa-collection', 'coppa-parental-rights', 'coppa-retention']],
  ['transfers', ['transfers']],
  ['retention', ['retention', 'coppa-retention']],
  ['recipients', ['recipients', 'service-providers']],
  ['categories', ['categories-collected', 'sources', 'sources-others']],
  ['purposes', ['purposes', 'legitimate-interests', 'legitimate-interests-claimed', 'automated-decisions']],
  ['rights', ['right-access', 'right-rectification', 'right-erasure', 'right-restriction', 'right-objection', 'right-portability', 'withdraw-consent', 'complaint-authority', 'complaint-controller', 'limit-sensitive', 'non-discrimination', 'request-methods', 'authorized-agent', 'gpc', 'appeal']],
  ['tracking', ['dnt', 'third-party-tracking']],
];
const IDS: ReadonlySet<string> = new Set(KINDS.flatMap(([, ids]) => ids));
/** Two blocks at least this alike, word for word, say the same thing unless a number or a negation changed. */
const REWORDED = 0.8;
const NEGATION = /\b(?:not|never|no|neither|nor|without|cannot)\b|n['’]t\b/gi;
const NUMBER = /\b\d+(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|sixty|ninety)\b/gi;

const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function tokenSet(text: string): Set<string> {
  return new Set(words(text).split(' ').filter(Boolean));
}

/** Shared words over all words, a word and its corrected spelling counting as one. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const onlyA: string[] = [];
  for (const t of a) {
    if (b.has(t)) shared++;
    else onlyA.push(t);
  }
  const onlyB = [...b].filter((t) => !a.has(t));
  for (const x of onlyA) {
    const k = onlyB.findIndex((y) => y.length > 3 && typo(x, y));
    if (k >= 0) {
      onlyB.splice(k, 1);
      shared++;
    }
  }
  return shared / (a.size + b.size - shared);
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).map((m) => m.toLowerCase()).sort().join(' ');

interface Side {
  readonly doc: PolicyDocument;
  readonly blocks: readonly Block[];
  readonly keys: readonly string[];
  readonly tokens: readonly Set<string>[];
  readonly passages: ReadonlyMap<string, readonly Evidence[]>;
  /** Blocks that only carry the policy's date ("Last updated: …"): a date bump is reported as such, not as prose. */
  readonly dateOnly: ReadonlySet<Block>;
}

function side(doc: PolicyDocument): Side {
  const blocks = doc.blocks.filter((b) => b.kind !== 'heading' && words(b.text) !== '');
  const dates = policyDates(doc).filter((d) => !d.fromFrontMatter);
  const dateOnly = new Set(blocks.filter((b) => b.text.length <= 80 && dates.some((d) => d.start >= b.start && d.end <= b.end)));
  return { doc, blocks, keys: blocks.map((b) => words(b.text)), tokens: blocks.map((b) => tokenSet(b.text)), passages: passagesOf(doc, IDS), dateOnly };
}

/** A section's usual topic and the kind of change a passage in it makes when the passage itself names no practice (a list item of recipients). */
const BY_TOPIC: Readonly<Record<string, ChangeKind>> = {
  sharing: 'recipients',
  collection: 'categories',
  use: 'purposes',
  'legal-basis': 'purposes',
  'automated-decisions': 'purposes',
  marketing: 'purposes',
  retention: 'retention',
  rights: 'rights',
  complaints: 'rights',
  transfers: 'transfers',
  children: 'children',
  cookies: 'tracking',
  dnt: 'tracking',
};

/** What a block is about: the first kind, in KINDS order, of a disclosure one of its passages makes; else its section's topic. */
function kindOf(s: Side, block: Block): ChangeKind {
  for (const [kind, ids] of KINDS) {
    for (const id of ids) if (s.passages.get(id)?.some((e) => e.start < block.end && e.end > block.start)) return kind;
  }
  for (const title of [...s.doc.sectionPath(block.start)].reverse()) {
    const topic = topicForTitle(title)?.id;
    if (topic && BY_TOPIC[topic]) return BY_TOPIC[topic];
  }
  // A row of a table of processors, under a title no topic knows: what the rest of its section is mostly about.
  const section = s.doc.sectionAt(block.start);
  if (!section) return 'other';
  let best: [ChangeKind, number] = ['other', 0];
  for (const [kind, ids] of KINDS) {
    const n = ids.reduce((sum, id) => sum + (s.passages.get(id)?.filter((e) => e.start >= section.start && e.start < section.end).length ?? 0), 0);
    if (n > best[1]) best = [kind, n];
  }
  return best[0];
}

/** Whether two words are one typed wrongly and its correction: at most two letters differ. */
function typo(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 2) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length] <= 2;
}

/** Words one block has and the other lacks, ignoring the small ones: "gender, date of birth" added to a list of data. */
function newWords(from: Set<string>, to: Set<string>): string[] {
  return [...to].filter((w) => !from.has(w) && w.length > 3 && !/^\d+$/.test(w) && !VERBS.has(w));
}
// Verbs a reworded passage swaps for each other ("share" → "disclose"): what is shared is the substance, not the verb.
const VERBS: ReadonlySet<string> = new Set(['share', 'shares', 'shared', 'sharing', 'disclose', 'discloses', 'disclosed', 'disclosing', 'provide', 'provides', 'provided', 'providing', 'collect', 'collects', 'collected', 'collecting', 'process', 'processes', 'processed', 'processing', 'receive', 'receives', 'received', 'give', 'gives', 'given', 'make', 'makes', 'made', 'also', 'such', 'this', 'that', 'these', 'those', 'your', 'their', 'with', 'from', 'which', 'will', 'would', 'could', 'should', 'including', 'include', 'includes']);

/** The closest block of the other version, by shared words, with how alike they are. */
function closest(tokens: Set<string>, other: Side, unmatched: ReadonlySet<number>): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  for (const j of unmatched) {
    const t = other.tokens[j];
    // Blocks of very different lengths cannot be rewordings of each other: skipped without counting.
    if (t.size > tokens.size * 2 + 4 || tokens.size > t.size * 2 + 4) continue;
    const score = similarity(tokens, t);
    if (score > best.score) best = { index: j, score };
  }
  return best;
}

/** The two versions compared; kept per pair, as an editor asks again while the newer version is open. */
export const compareVersions = perPair((older: PolicyDocument, newer: PolicyDocument): VersionComparison => {
  const a = side(older);
  const b = side(newer);
  const changes: Change[] = [];
  let wordingEdits = 0;
  // Blocks that appear, word for word, in both versions are the same passage wherever it moved.
  const olderByKey = new Map<string, number[]>();
  a.keys.forEach((k, i) => olderByKey.set(k, [...(olderByKey.get(k) ?? []), i]));
  const unmatchedOlder = new Set(a.blocks.map((_, i) => i));
  const unmatchedNewer: number[] = [];
  b.keys.forEach((k, i) => {
    const same = olderByKey.get(k)?.find((j) => unmatchedOlder.has(j));
    if (same !== undefined) unmatchedOlder.delete(same);
    else unmatchedNewer.push(i);
  });
  const added: number[] = [];
  for (const i of unmatchedNewer) {
    const block = b.blocks[i];
    if (b.dateOnly.has(block)) continue;
    const near = closest(b.tokens[i], a, unmatchedOlder);
    if (near.index >= 0 && near.score >= REWORDED) {
      unmatchedOlder.delete(near.index);
      const before = a.blocks[near.index].text;
      const why =
        count(before, NUMBER) !== count(block.text, NUMBER) ? 'a number changed' : count(before, NEGATION) !== count(block.text, NEGATION) ? 'a negation changed' : undefined;
      const kind = kindOf(b, block);
      // A practice passage that gains or loses several words of substance says something else now; a typo fix does not.
      const lostAll = newWords(b.tokens[i], a.tokens[near.index]);
      const gainedAll = newWords(a.tokens[near.index], b.tokens[i]);
      // A corrected typo is one word lost and its correction gained: neither counts.
      const gained = gainedAll.filter((w) => !lostAll.some((l) => typo(l, w)));
      const lost = lostAll.filter((l) => !gainedAll.some((w) => typo(l, w)));
      const reason = why ?? (kind !== 'other' && gained.length + lost.length >= 2 ? `words ${gained.length > 0 ? `added: ${gained.slice(0, 6).join(', ')}` : `removed: ${lost.slice(0, 6).join(', ')}`}` : undefined);
      if (!reason) {
        wordingEdits++;
        continue;
      }
      changes.push({ kind, how: 'changed', start: block.start, end: block.end, inOlder: false, text: block.text, why: reason });
      continue;
    }
    added.push(i);
  }
  // "We do not sell …" → "We may sell …": too short to look alike word for word, but the same statement in the
  // same section with its negation turned, which is the most material change there is.
  const titleAt = (doc: PolicyDocument, offset: number) => words(doc.sectionAt(offset)?.title ?? '');
  for (const i of added) {
    const block = b.blocks[i];
    let flipped = -1;
    for (const j of unmatchedOlder) {
      const before = a.blocks[j];
      if (titleAt(older, before.start) !== titleAt(newer, block.start) || similarity(a.tokens[j], b.tokens[i]) < 0.5) continue;
      if (count(before.text, NEGATION) !== count(block.text, NEGATION)) {
        flipped = j;
        break;
      }
    }
    if (flipped >= 0) {
      unmatchedOlder.delete(flipped);
      const kinds = [kindOf(b, block), kindOf(a, a.blocks[flipped])];
      const kind = KINDS.map(([k]) => k).find((k) => kinds.includes(k)) ?? 'other';
      changes.push({ kind, how: 'changed', start: block.start, end: block.end, inOlder: false, text: block.text, why: 'a negation changed' });
    } else changes.push({ kind: kindOf(b, block), how: 'added', start: block.start, end: block.end, inOlder: false, text: block.text });
  }
  for (const j of unmatchedOlder) {
    const block = a.blocks[j];
    if (a.dateOnly.has(block)) continue;
    changes.push({ kind: kindOf(a, block), how: 'removed', start: block.start, end: block.end, inOlder: true, text: block.text });
  }
  // Sections whose title is new or gone, when what they hold changed too (a renamed heading alone is wording).
  const titles = (doc: PolicyDocument) => new Set(doc.allSections.map((s) => words(s.title)));
  const olderTitles = titles(older);
  const newerTitles = titles(newer);
  for (const s of newer.allSections) {
    if (olderTitles.has(words(s.title))) continue;
    if (changes.some((c) => !c.inOlder && c.how === 'added' && c.start >= s.start && c.end <= s.end)) changes.push({ kind: 'section', how: 'added', start: s.headingStart, end: s.headingEnd, inOlder: false, text: s.title });
  }
  for (const s of older.allSections) {
    if (newerTitles.has(words(s.title))) continue;
    if (changes.some((c) => c.inOlder && c.start >= s.start && c.end <= s.end)) changes.push({ kind: 'section', how: 'removed', start: s.headingStart, end: s.headingEnd, inOlder: true, text: s.title });
  }
  changes.sort((x, y) => Number(x.inOlder) - Number(y.inOlder) || x.start - y.start);
  const newest = (doc: PolicyDocument) => Math.max(-Infinity, ...policyDates(doc).map((d) => d.date.getTime()));
  return Object.freeze({
    changes: Object.freeze(changes),
    material: changes.some((c) => c.kind !== 'other'),
    dateUpdated: newest(newer) > newest(older),
    wordingEdits,
  });
});
