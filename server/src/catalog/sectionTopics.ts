import { parse } from 'yaml';
import { perString } from '../model/memo';
import data from '../../data/section-topics.json';
import clauses from '../../data/clauses.json';

export interface SectionTopic {
  readonly id: string;
  readonly title: string;
  readonly purpose: string;
  readonly sources: readonly string[];
}

const TOPICS = data.topics.map((t) => Object.freeze({ ...t, res: t.match.map((m) => new RegExp(m, 'i')) }));

/**
 * The usual section a heading title stands for, if any: a built-in clause's own title is its
 * clause's topic (from the template's front matter), and "HOW WE USE COOKIES" is the cookies section.
 * Titles repeat across versions and callers, so each is matched once; bounded, so that a long session
 * of retyped headings does not grow it without end.
 */
export const topicForTitle: (title: string) => SectionTopic | undefined = perString((title) => {
  clauseTopics ??= clauseTitleTopics(clauses.templates.map((t) => t.text));
  const own = clauseTopics.get(title.trim().toLowerCase());
  return (own ? TOPICS.find((t) => t.id === own) : undefined) ?? TOPICS.find((t) => t.res.some((re) => re.test(title)));
}, 5000);

// The built-in clauses' titles, lower-cased, and the topic each one's front matter names; read once.
let clauseTopics: ReadonlyMap<string, string> | undefined;

/** Title → topic of each template's front matter, so adding a clause needs no pattern in section-topics.json. Templates that do not read are left out (the catalog reports them). */
export function clauseTitleTopics(templates: readonly string[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const text of templates) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!front) continue;
    let fields: unknown;
    try {
      fields = parse(front[1]);
    } catch {
      continue;
    }
    const { title, topic } = (fields ?? {}) as { title?: unknown; topic?: unknown };
    if (typeof title === 'string' && typeof topic === 'string' && !out.has(title.trim().toLowerCase())) out.set(title.trim().toLowerCase(), topic);
  }
  return out;
}

export function allTopics(): readonly SectionTopic[] {
  return TOPICS;
}
