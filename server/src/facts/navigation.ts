import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { crossReferences, type CrossReference, type ReferenceTarget } from './crossReferences';
import { definedTerms, type Term, type TermOccurrence } from './definedTerms';
import { tablesOfContents, type TocEntry } from './tableOfContents';

/** Where a reference or a contents entry leads: a section's heading, or a labelled line. */
export interface Destination {
  readonly start: number;
  readonly end: number;
  readonly section?: Section;
}

/** Something under the cursor that the navigation features understand. */
export type NavSymbol =
  | { readonly kind: 'term'; readonly term: Term; readonly occurrence: TermOccurrence }
  | { readonly kind: 'reference'; readonly reference: CrossReference; readonly target: ReferenceTarget; readonly destinations: readonly Destination[] }
  | { readonly kind: 'contents'; readonly entry: TocEntry; readonly destinations: readonly Destination[] }
  | { readonly kind: 'heading'; readonly section: Section };

export function destinationsOf(doc: PolicyDocument, target: ReferenceTarget): Destination[] {
  if (target.sections.length > 0) return target.sections.map((s) => ({ start: s.headingStart, end: s.headingEnd, section: s }));
  if (target.anchor !== undefined) {
    const line = doc.lines.lineAt(target.anchor);
    return [{ start: target.anchor, end: Math.max(target.anchor, doc.lines.lineEnd(line)) }];
  }
  return [];
}

/** Every link from a reference or a contents entry to where it leads, in document order. */
export function links(doc: PolicyDocument): Array<{ start: number; end: number; destination: Destination; label: string }> {
  const out: Array<{ start: number; end: number; destination: Destination; label: string }> = [];
  const linked = new Set<number>();
  for (const ref of crossReferences(doc).references) {
    for (const target of ref.targets) {
      const [destination] = destinationsOf(doc, target);
      // "Sections 2-4" puts 2, 3 and 4 on the same text: the written numbers link once each.
      if (!destination || linked.has(target.start)) continue;
      linked.add(target.start);
      out.push({ start: target.start, end: target.end, destination, label: target.label });
    }
  }
  for (const toc of tablesOfContents(doc)) {
    for (const [section, entry] of toc.entryFor) {
      out.push({ start: entry.start, end: entry.end, destination: { start: section.headingStart, end: section.headingEnd, section }, label: section.title });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function symbolAt(doc: PolicyDocument, offset: number): NavSymbol | undefined {
  const hit = definedTerms(doc).at(offset);
  // A lower-case variant is the everyday word, not the term: it leads nowhere.
  if (hit) return hit.term.uses.includes(hit.occurrence) ? { kind: 'term', term: hit.term, occurrence: hit.occurrence } : undefined;
  for (const ref of crossReferences(doc).references) {
    if (offset < ref.start || offset > ref.end) continue;
    const target = ref.targets.find((t) => t.start <= offset && offset <= t.end) ?? ref.targets[0];
    if (target) return { kind: 'reference', reference: ref, target, destinations: destinationsOf(doc, target) };
  }
  for (const toc of tablesOfContents(doc)) {
    const entry = toc.entries.find((e) => e.start <= offset && offset <= e.end);
    if (!entry) continue;
    const section = [...toc.entryFor].find(([, e]) => e === entry)?.[0];
    return { kind: 'contents', entry, destinations: section ? [{ start: section.headingStart, end: section.headingEnd, section }] : [] };
  }
  const section = doc.allSections.find((s) => s.headingStart <= offset && offset <= s.headingEnd);
  return section ? { kind: 'heading', section } : undefined;
}

/** The references and contents entries that lead to a section. */
export function referencesTo(doc: PolicyDocument, section: Section): Array<{ start: number; end: number }> {
  return links(doc)
    .filter((l) => l.destination.section === section)
    .map((l) => ({ start: l.start, end: l.end }));
}
