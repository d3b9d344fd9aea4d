import type { PolicyDocument } from '../model/policyDocument';
import type { PolicyFields } from '../model/frontMatter';
import type { Section } from '../model/sections';
import type { Fix } from './edits';
import { topicForTitle } from '../catalog/sectionTopics';
import { clauseText, readingRank, type Clause } from '../catalog/clauseCatalog';
import { builtInLibrary, type ClauseLibrary } from '../catalog/clauseLibrary';
import { fillsFor, formatDate } from './fills';
import { disclosure } from './disclosures';
import { perDocument, perDocumentAnd, perPair } from './cache';
import { lineBreak } from './text';
import type { Requirement } from './requirements';

/** Where a missing disclosure is reported, and the edits that add it. */
export interface Placement {
  readonly start: number;
  readonly end: number;
  /** The section the disclosure belongs in, when the policy has one. */
  readonly section?: Section;
  readonly fixes: readonly Fix[];
}

/**
 * A missing item is reported on the heading of the section it belongs in (the rights section for a
 * missing right), or on the policy's title when there is no such section. The first fix adds the
 * one sentence to that section when there is one; otherwise, or as the second choice, the library
 * clause is inserted as a new section where that kind of section usually stands.
 */
export function placeRequirement(doc: PolicyDocument, requirement: Requirement, library: ClauseLibrary = builtInLibrary(), today = new Date()): Placement {
  // The rule and the checklist both ask, once per version, library, item and day.
  const key = `${requirement.id}\u0000${today.toISOString().slice(0, 10)}`;
  const known = placements(doc, library);
  let placement = known.get(key);
  if (!placement) known.set(key, (placement = computePlacement(doc, requirement, library, today)));
  return placement;
}

// The placements of one version with one library, by item and day.
const placements = perDocumentAnd((_doc: PolicyDocument, _library: ClauseLibrary) => new Map<string, Placement>());

function computePlacement(doc: PolicyDocument, requirement: Requirement, library: ClauseLibrary, today: Date): Placement {
  const clause = library.byId(requirement.clause);
  const topic = requirement.topic ?? clause?.topic;
  // California's items belong in the California section when there is one, whatever the clause's topic.
  const section = (requirement.id.startsWith('ccpa.') ? sectionForTopic(doc, 'california') : undefined) ?? (topic ? sectionForTopic(doc, topic) : undefined);
  const anchor = section ? { start: section.headingStart, end: section.headingEnd } : titleSpan(doc);
  const fixes: Fix[] = [];
  const eol = lineBreak(doc);
  const addition = disclosure(requirement.disclosure)?.addition;
  if (addition && topic === 'title') {
    const title = doc.headings[0];
    const at = title ? title.end : doc.frontMatter?.end ?? 0;
    fixes.push({ title: `Add "${fill(addition, doc, today)}" below the title`, edits: [{ start: at, end: at, newText: `${eol}${eol}${fill(addition, doc, today)}` }] });
  } else if (addition && section) {
    fixes.push(appendTo(doc, section, fill(addition, doc, today), eol));
  }
  if (clause && clause.topic !== 'title' && !(section && clause.title === section.title)) {
    fixes.push(insertClause(doc, clause, eol));
  }
  return { ...anchor, section, fixes };
}

// Each section's topic, worked out once per version: every missing item looks its section up.
const sectionTopics = perDocument((doc: PolicyDocument): ReadonlyMap<string, Section> => {
  const byTopic = new Map<string, Section>();
  for (const s of doc.allSections) {
    const t = topicForTitle(s.title)?.id;
    // The first section of a topic below the title, or the title itself when nothing else has it.
    if (t && (!byTopic.has(t) || (byTopic.get(t)!.level === 1 && s.level > 1))) byTopic.set(t, s);
  }
  return byTopic;
});

function sectionForTopic(doc: PolicyDocument, topic: string): Section | undefined {
  return sectionTopics(doc).get(topic);
}

function titleSpan(doc: PolicyDocument): { start: number; end: number } {
  const first = doc.headings[0];
  if (first) return { start: first.start, end: first.end };
  const from = doc.frontMatter?.end ?? 0;
  const block = doc.blocks.find((b) => b.start >= from);
  const start = block?.start ?? from;
  return { start, end: Math.max(start, doc.lines.lineEnd(doc.lines.lineAt(start))) };
}

function appendTo(doc: PolicyDocument, section: Section, text: string, eol: string): Fix {
  const title = `Add to "${section.title}": ${text.replace(/^- /, '').replace(/\*\*/g, '').slice(0, 60)}${text.length > 64 ? '…' : ''}`;
  // A list item joins the section's last top-level list, right after its last item; anything else
  // is a new paragraph at the end of the section.
  const listEnd = text.startsWith('- ') ? lastListItemEnd(doc).get(section) : undefined;
  if (listEnd !== undefined) return { title, edits: [{ start: listEnd, end: listEnd, newText: eol + text }] };
  return { title, edits: [{ start: section.end, end: section.end, newText: eol + eol + text }] };
}

/** For each section, the end of the line of the last `-` list item in its own text (not its subsections'). */
const lastListItemEnd = perDocument((doc: PolicyDocument): ReadonlyMap<Section, number> => {
  const out = new Map<Section, number>();
  const sections = doc.allSections;
  let k = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'list-item') continue;
    // The innermost section that holds the item: the last one starting before it.
    while (k + 1 < sections.length && sections[k + 1].headingStart <= b.start) k++;
    const owner = sections[k];
    if (!owner || owner.headingEnd > b.start) continue;
    const lineStart = doc.lines.lineStart(doc.lines.lineAt(b.start));
    if (!/^[-*+]\s/.test(doc.text.slice(lineStart, b.start + 2))) continue;
    out.set(owner, doc.lines.lineEnd(doc.lines.lineAt(b.end)));
  }
  return out;
});

// One insertion per clause and version, whichever items (and laws) ask for it.
const insertions = perDocument(() => new Map<Clause, Fix>());

function insertClause(doc: PolicyDocument, clause: Clause, eol: string): Fix {
  const cached = insertions(doc).get(clause);
  if (cached) return cached;
  const fix = buildInsertion(doc, clause, eol);
  insertions(doc).set(clause, fix);
  return fix;
}

function buildInsertion(doc: PolicyDocument, clause: Clause, eol: string): Fix {
  const level = mainLevel(doc);
  const text = renderedClause(clause, level, doc, eol);
  const rank = readingRank(clause.topic);
  const peers = doc.allSections.filter((s) => s.level === level);
  let after: Section | undefined;
  let before: Section | undefined;
  for (const s of peers) {
    const t = topicForTitle(s.title);
    if (!t || t.id === 'title' || t.id === 'contents') continue;
    if (readingRank(t.id) <= rank) after = s;
    else if (!before) before = s;
  }
  const title = `Insert the "${clause.title}" clause${clause.variant ? ` (${clause.variant})` : ''}`;
  if (after) return { title, edits: [{ start: after.end, end: after.end, newText: eol + eol + text }] };
  if (before) return { title, edits: [{ start: before.headingStart, end: before.headingStart, newText: text + eol + eol }] };
  const last = peers[peers.length - 1];
  const end = last ? last.end : trimmedEnd(doc.text);
  return { title, edits: [{ start: end, end, newText: (end > 0 ? eol + eol : '') + text }] };
}

// A clause renders the same for the same level, line break and front matter: kept across versions
// by the front matter's fields, which stay the same object while the front matter is not edited.
const renderings = perPair((_fields: PolicyFields, _clause: Clause) => new Map<string, string>());

function renderedClause(clause: Clause, level: number, doc: PolicyDocument, eol: string): string {
  const byForm = renderings(doc.fields, clause);
  const key = `${level}${eol}`;
  let text = byForm.get(key);
  if (text === undefined) byForm.set(key, (text = clauseText(clause, { level, fills: fillsFor(doc) }).trimEnd().replace(/\n/g, eol)));
  return text;
}

/** The level most sections use: 2 under a `#` title, 1 in a policy without one. */
const mainLevel = perDocument((doc: PolicyDocument): number => {
  const counts = new Map<number, number>();
  for (const s of doc.allSections) if (s.index > 0 || s.level > 1) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  let best = 2;
  let most = 0;
  for (const [level, n] of counts) if (n > most || (n === most && level < best)) [best, most] = [level, n];
  return best;
});

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function fill(text: string, doc: PolicyDocument, today: Date): string {
  const f = fillsFor(doc);
  const us = doc.fields.jurisdictions.length > 0 && doc.fields.jurisdictions.every((j) => j === 'us' || j.startsWith('us-'));
  return text
    .replace(/\{company\}/g, f.company ?? doc.fields.company ?? 'We')
    .replace(/\{email\}/g, f.email ?? 'privacy@example.com')
    .replace(/\{address\}/g, f.address ?? '[postal address]')
    .replace(/\{today\}/g, formatDate(today, us));
}
