import type { Rule } from './rule';
import { perBlockRule } from './util/perBlock';
import { blockMatches, quote } from './util/matches';

const REPEATED = /\b([A-Za-z]+)\s+\1\b/gi;
// Repetitions the language allows: English "that that", "had had"; German and Dutch "die die", "der der", "dat dat".
// Pairs that are grammatical: English ("that that"), German and Dutch articles, French reflexive pronouns ("nous nous engageons").
const ALLOWED = new Set(['that', 'had', 'bye', 'no', 'very', 'so', 'ha', 'bora', 'die', 'der', 'das', 'dass', 'den', 'dem', 'des', 'sie', 'dat', 'de', 'nous', 'vous']);
// Names are not made of function words: "Other Other U.S. States" in a title is still a slip.
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'our', 'your', 'their', 'its', 'this', 'these', 'those', 'other', 'we', 'you', 'is', 'are', 'be', 'not', 'all', 'any', 'more', 'how', 'what', 'when', 'who', 'if']);
// Two function words that never stand together: the trace of an edit that kept both versions ("the or").
const COLLIDING = /\b(?:the\s+(?:the|a|an|or|and|of|to|our|your)|an?\s+(?:the|a|an|or|and))\b/gi;

export const doubledWord: Rule = perBlockRule(
  {
    id: 'doubled-word',
    description: 'Finds a word typed twice ("the the") and colliding function words left by an edit ("the or")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation: 'A doubled or garbled word is a typo that makes a binding document look careless and can make a sentence ambiguous.',
  },
  (block, report) => {
    const seen = new Set<number>();
    for (const m of blockMatches(block, REPEATED)) {
      const word = m.match[1];
      if (ALLOWED.has(word.toLowerCase())) continue;
      // "…remove it⏎It's your right": a new line that starts with a capital is a new sentence, not a slip.
      const second = m.match[0].slice(m.match[0].length - word.length);
      // A capital after a line break or after blanked markup (a table cell's <br>, a link) starts something new.
      if ((/[\r\n]/.test(m.match[0]) || m.match[0].length - 2 * word.length > 1) && second[0] !== word[0] && /[A-Z]/.test(second[0])) continue;
      // "Duck Duck Go", "Walla Walla": a capitalised pair inside a sentence, or one that runs on into another
      // capitalised word, is a name. "The The" where a sentence starts is still a slip.
      if (/^[A-Z]/.test(word) && /^[A-Z]/.test(second) && !FUNCTION_WORDS.has(word.toLowerCase())) {
        const before = block.text.slice(0, m.start - block.start);
        const after = block.text.slice(m.end - block.start);
        const startsSentence = /(?:^|[.!?:]["”’)]?)\s*$/.test(before);
        if (!startsSentence || /^\s+[A-Z][a-z]/.test(after)) continue;
      }
      seen.add(m.start);
      const secondStart = m.end - word.length;
      report({
        start: m.start,
        end: m.end,
        message: `Doubled word ${quote(m.match[0])}, delete one ${quote(word)}`,
        fixes: [{ title: `Delete the repeated "${word}"`, edits: [{ start: m.start + word.length, end: secondStart + word.length, newText: '' }] }],
      });
    }
    for (const m of blockMatches(block, COLLIDING)) {
      if (seen.has(m.start)) continue;
      // "the Your Choices section": a capital after a lower-case article starts a title or a name.
      const [first, next] = m.match[0].split(/\s+/);
      if (/^[a-z]/.test(first) && /^[A-Z]/.test(next)) continue;
      // "Schedule A or B": a capital A or An counts only where a sentence starts.
      if (/^A/.test(m.match[0]) && !/(^|[.!?:]["”’)]?)\s*$/.test(m.block.text.slice(0, m.start - m.block.start))) continue;
      report({ start: m.start, end: m.end, message: `Garbled phrase ${quote(m.match[0])}, one of these words is left over from an edit: keep the one the sentence needs` });
    }
  },
);
