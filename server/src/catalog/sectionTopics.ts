import data from '../../data/section-topics.json';

export interface SectionTopic {
  readonly id: string;
  readonly title: string;
  readonly purpose: string;
  readonly sources: readonly string[];
}

const TOPICS = data.topics.map((t) => Object.freeze({ ...t, res: t.match.map((m) => new RegExp(m, 'i')) }));

// Titles repeat across versions and callers: each is matched once. Bounded, so a long session of
// retyped headings does not grow it without end.
const byTitle = new Map<string, SectionTopic | null>();

/** The usual section a heading title stands for, if any: "HOW WE USE COOKIES" is the cookies section. */
export function topicForTitle(title: string): SectionTopic | undefined {
  const known = byTitle.get(title);
  if (known !== undefined) return known ?? undefined;
  const topic = TOPICS.find((t) => t.res.some((re) => re.test(title)));
  if (byTitle.size > 5000) byTitle.clear();
  byTitle.set(title, topic ?? null);
  return topic;
}

export function allTopics(): readonly SectionTopic[] {
  return TOPICS;
}
