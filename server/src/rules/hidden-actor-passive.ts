import type { Rule } from './rule';
import { quote } from './util/matches';
import { blockTokens, sentences } from '../facts/text';
import { perBlockRule } from './util/perBlock';

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
// Participles of what is done with data whose actor a reader needs to know, with the active verb to suggest.
const PARTICIPLES = new Map<string, string>([
  ['shared', 'shares'], ['disclosed', 'discloses'], ['sold', 'sells'], ['transferred', 'transfers'], ['passed', 'passes'], ['accessed', 'accesses'],
  ['sent', 'sends'], ['transmitted', 'transmits'], ['rented', 'rents'], ['released', 'releases'], ['exchanged', 'exchanges'], ['combined', 'combines'],
  ['matched', 'matches'], ['linked', 'links'], ['published', 'publishes'], ['provided', 'provides'], ['used', 'uses'], ['processed', 'processes'],
  ['collected', 'collects'], ['analysed', 'analyses'], ['analyzed', 'analyzes'], ['monitored', 'monitors'], ['tracked', 'tracks'], ['made', 'makes'],
]);
// Verbs that hand data to someone: the reader needs the recipient as well as the actor.
const HANDING = new Set(['shared', 'disclosed', 'sold', 'transferred', 'passed', 'sent', 'transmitted', 'rented', 'released', 'exchanged', 'provided', 'made']);
const SKIP = new Set(['also', 'only', 'then', 'further', 'routinely', 'automatically', 'securely', 'sometimes', 'generally', 'still', 'either']);
const QUESTION_WORDS = new Set(['how', 'why', 'whether', 'where', 'when', 'what', 'which']);
const MODALS = new Set(['may', 'might', 'can', 'could', 'will', 'would', 'shall', 'should', 'must', 'also', 'not']);
// The passive matters when data is its subject: "your information may be shared", not "our site is used".
const DATA_NOUNS = new Set([
  'information', 'data', 'details', 'detail', 'address', 'addresses', 'email', 'emails', 'content', 'contents', 'records', 'record', 'logs',
  'identifiers', 'identifier', 'number', 'numbers', 'profile', 'profiles', 'history', 'location', 'preferences', 'messages', 'photos',
  'files', 'documents', 'responses', 'answers', 'results', 'statistics', 'name', 'names', 'ip',
]);
const AGENTS = /^(?:by|to|with)$/;

// The sentence is the unit, and a sentence never crosses a block: checked per block text, so only
// the block being edited is read again while someone types.
export const hiddenActorPassive: Rule = perBlockRule(
  {
    id: 'hidden-actor-passive',
    description: 'Finds passive sentences that hide who uses or shares the data ("your data may be shared")',
    defaultSeverity: 'hint',
    tags: ['plain-language', 'gdpr'],
    legalSource: 'GDPR Art. 13(1)(e) (recipients) and Art. 12(1); WP29 Guidelines on transparency WP260 rev.01',
    explanation:
      '"Your data may be shared" does not say who shares it or who receives it, which is what the reader needs to know (GDPR Art. 13(1)(e) asks for the recipients). Name the actor: "we share your email address with our payment processor".',
  },
  (block, report) => {
    for (const sentence of sentences(blockTokens(block))) {
      if (sentence[0].block.kind === 'heading') continue;
      const lower = sentence.map((t) => t.text.toLowerCase());
      for (let i = 0; i < lower.length - 1; i++) {
        if (!BE.has(lower[i])) continue;
        let k = i - 1;
        while (k >= 0 && MODALS.has(lower[k])) k--;
        if (k < 0 || !DATA_NOUNS.has(lower[k])) continue;
        // "decides how your data is used": a clause inside a sentence whose subject is the actor.
        if (lower.slice(Math.max(0, k - 4), k).some((w) => QUESTION_WORDS.has(w))) continue;
        let j = i + 1;
        while (j < lower.length && SKIP.has(lower[j])) j++;
        const verb = lower[j];
        if (verb === undefined || lower[j - 1] === 'never' || lower[j - 1] === 'not' || !PARTICIPLES.has(verb) || (verb === 'made' && lower[j + 1] !== 'available')) continue;
        const end = verb === 'made' ? j + 1 : j;
        // "shared by us", "disclosed to our payment processor": the actor or the recipient is named.
        if (lower.slice(end + 1, end + 4).some((w) => AGENTS.test(w))) continue;
        // "to be used" and "can be used to" describe a purpose or a capability, not an unnamed actor.
        if (lower[i - 1] === 'to' || lower[end + 1] === 'to' || lower[end + 1] === 'for') continue;
        const from = Math.max(0, k - 1);
        const text = block.text.slice(sentence[from].start, sentence[end].end);
        const active = verb === 'made' ? 'makes it available' : `${PARTICIPLES.get(verb)} it`;
        report({
          start: sentence[from].start,
          end: sentence[end].end,
          message: `Passive ${quote(text)} hides who acts: name who ${active}${HANDING.has(verb) ? ' and who receives it' : ''}`,
        });
        break;
      }
    }
  },
);
