import data from '../../data/section-topics.json';

export interface SectionTopic {
  readonly id: string;
  readonly title: string;
  readonly purpose: string;
  readonly sources: readonly string[];
}

const TOPICS = data.topics.map((t) => Object.freeze({ ...t, res: t.match.map((m) => new RegExp(m, 'i')) }));

/** The usual section a heading title stands for, if any: "HOW WE USE COOKIES" is the cookies section. */
export function topicForTitle(title: string): SectionTopic | undefined {
  return TOPICS.find((t) => t.res.some((re) => re.test(title)));
}

export function allTopics(): readonly SectionTopic[] {
  return TOPICS;
}
