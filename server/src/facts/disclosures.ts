import data from '../../data/disclosures.json';
import type { Block } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { eachItem, perBlockText, perDocument } from './cache';
import { policyDates } from './dates';
import { topicForTitle } from '../catalog/sectionTopics';

export interface Disclosure {
  readonly id: string;
  readonly title: string;
  /** Appended to the matching section by a quick fix; `{company}` and the like are filled in. */
  readonly addition?: string;
}

/** Where the policy makes a disclosure: the sentence (or heading) that makes it. */
export interface Evidence {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

interface Pattern {
  readonly re: RegExp;
  readonly and: readonly RegExp[];
  readonly not?: RegExp;
  readonly within?: readonly string[];
  readonly notWithin?: readonly string[];
  readonly heading: boolean;
}

interface Compiled extends Disclosure {
  readonly cue?: RegExp;
  readonly detector?: 'dates' | 'email';
  readonly patterns: readonly Pattern[];
}

const COMPILED: readonly Compiled[] = data.disclosures.map((d) => {
  const raw = d as { id: string; title: string; cue: string; detector?: 'dates' | 'email'; addition?: string; patterns: Array<{ re: string; and?: string | string[]; not?: string; within?: string[]; notWithin?: string[]; heading?: boolean; case?: boolean }> };
  return Object.freeze({
    id: raw.id,
    title: raw.title,
    addition: raw.addition,
    detector: raw.detector,
    cue: raw.cue ? new RegExp(raw.cue, 'i') : undefined,
    patterns: raw.patterns.map((p) => ({
      re: new RegExp(p.re, p.case ? '' : 'i'),
      and: (p.and === undefined ? [] : typeof p.and === 'string' ? [p.and] : p.and).map((a) => new RegExp(a, 'i')),
      not: p.not ? new RegExp(p.not, 'i') : undefined,
      within: p.within,
      notWithin: p.notWithin,
      heading: p.heading === true,
    })),
  });
});

const BY_ID = new Map(COMPILED.map((d) => [d.id, d]));

export function disclosure(id: string): Disclosure | undefined {
  return BY_ID.get(id);
}

export function allDisclosures(): readonly Disclosure[] {
  return COMPILED;
}

/** A match found in one block, offsets relative to the block; `within` still to be checked. */
interface BlockHit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly within?: readonly string[];
  readonly notWithin?: readonly string[];
}

// Kept per block text: while someone types, only the edited paragraph is read again.
const hitsPerBlock = perBlockText((block: Block): readonly BlockHit[] => {
  const hits: BlockHit[] = [];
  const isHeading = block.kind === 'heading';
  // Hard-wrapped lines read as one line: same length, so offsets still map back.
  const text = block.text.replace(/[\r\n\t]/g, ' ');
  const spans = isHeading ? [{ start: block.start, end: block.end }] : block.sentences.length > 0 ? block.sentences : [{ start: block.start, end: block.end }];
  for (const d of COMPILED) {
    if (d.patterns.length === 0 || (d.cue && !d.cue.test(text))) continue;
    for (const p of d.patterns) {
      if (p.heading !== isHeading) continue;
      // A block reads as its sentences; list items and table cells are short, so one sentence each.
      const span = spans.find((s) => {
        const sentence = text.slice(s.start - block.start, s.end - block.start);
        return p.re.test(sentence) && p.and.every((a) => a.test(sentence)) && !p.not?.test(sentence);
      });
      if (!span) continue;
      hits.push({ id: d.id, start: span.start - block.start, end: span.end - block.start, within: p.within, notWithin: p.notWithin });
      if (!p.within && !p.notWithin) break;
    }
  }
  return hits;
});

/** Every disclosure the document makes, with the first passage that makes it. */
export const disclosuresOf = perDocument((doc: PolicyDocument): ReadonlyMap<string, Evidence> => {
  const found = new Map<string, Evidence>();
  // Only the first passage of each disclosure is kept: a later hit of a found one costs a lookup.
  passages(doc, (id) => !found.has(id), (e) => found.set(e.id, e));
  return found;
});

/** Every passage that makes each of `ids`, in document order. */
export function passagesOf(doc: PolicyDocument, ids: ReadonlySet<string>): ReadonlyMap<string, readonly Evidence[]> {
  const found = new Map<string, Evidence[]>();
  passages(doc, (id) => ids.has(id), (e) => {
    const list = found.get(e.id);
    if (list) list.push(e);
    else found.set(e.id, [e]);
  });
  return found;
}

/** Walks the passages of the document in order, for the disclosures `wanted` accepts. */
function passages(doc: PolicyDocument, wanted: (id: string) => boolean, add: (e: Evidence) => void): void {
  const bySection = new Map<Section | undefined, Set<string>>();
  const topicsAt = (offset: number): Set<string> => {
    const section = doc.sectionAt(offset);
    let topics = bySection.get(section);
    if (topics) return topics;
    topics = new Set<string>();
    // Every enclosing section counts: a list under "Your choices" inside "Your rights" is about rights.
    for (const title of section?.path ?? []) {
      const t = topicForTitle(title);
      if (t) topics.add(t.id);
    }
    bySection.set(section, topics);
    return topics;
  };
  const seen = new Set<string>();
  // One passage per block and disclosure is enough: the last one taken, and its block.
  let last: { id: string; block: Block } | undefined;
  eachItem(hitsPerBlock(doc), (hit, block) => {
    if ((last?.block === block && last.id === hit.id) || !wanted(hit.id)) return;
    const start = block.start + hit.start;
    if (hit.within && !hit.within.some((t) => topicsAt(start).has(t))) return;
    if (hit.notWithin && hit.notWithin.some((t) => topicsAt(start).has(t))) return;
    add(Object.freeze({ id: hit.id, start, end: block.start + hit.end }));
    seen.add(hit.id);
    last = { id: hit.id, block };
  });
  for (const d of COMPILED) {
    if (!d.detector || seen.has(d.id) || !wanted(d.id)) continue;
    const at = d.detector === 'dates' ? policyDates(doc)[0] : firstEmail(doc);
    if (at) add(Object.freeze({ id: d.id, start: at.start, end: at.end }));
  }
}

const LOCAL = /[\w.+-]/;
const DOMAIN = /[\w.-]/;

/**
 * The first email address in the prose. Read from the source: an address is a link to the
 * Markdown parser, and links are blanked out of the prose the patterns see. Found from each `@`
 * outwards, so a long run of letters costs one pass, not one per starting point.
 */
function firstEmail(doc: PolicyDocument): { start: number; end: number } | undefined {
  const text = doc.text;
  for (let at = text.indexOf('@', doc.frontMatter?.end ?? 0); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start === at || !/\.[a-z]{2,}$/i.test(domain)) continue;
    if (doc.code.some((c) => c.start <= at && at < c.end) || doc.comments.some((c) => c.start <= at && at < c.end)) continue;
    return { start, end };
  }
  return undefined;
}
