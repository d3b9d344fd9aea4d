import type { Rule } from './rule';
import type { Block, BlockKind } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import { quote } from './util/matches';
import { lineOf, sentenceFacts, type SentenceFact } from '../facts/sentences';
import type { Applies } from '../facts/applicability';

const NUMBER = '(\\d{1,2}|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty-one)';
/** "under 13", "under the age of 16", "younger than 14", "at least 13 years old", "16 or older", "13+". */
const AGE = new RegExp(
  `\\b(?:(?:under|below|younger\\s+than|less\\s+than)[\\s-]+(?:the\\s+age\\s+of\\s+|age\\s+)?|(?:at\\s+least|over\\s+the\\s+age\\s+of|older\\s+than|aged|over)\\s+(?:the\\s+age\\s+of\\s+)?|ages?\\s+of\\s+)${NUMBER}\\b(?!\\s*(?:days?|weeks?|months?|hours?|minutes?|characters?|%|percent|digits?|items?|times?|kb|mb)\\b)|\\b(\\d{1,2})\\s+(?:years?\\s+(?:(?:of\\s+age|old)\\s+)?)?(?:or|and)\\s+(?:older|over|above|up)\\b|\\b(\\d{1,2})\\+(?!\\w)`,
  'gi',
);
const WORDS: Record<string, number> = { twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, 'twenty-one': 21 };
/**
 * A minimum age for using the service itself: "you must be at least 18 to use", "14 or older to register",
 * "may open an account", "is not intended for anyone under 18". Such a sentence is about age whatever its words.
 */
const ELIGIBILITY = /\b(?:to\s+(?:use|access|register|sign\s+up|join|create|open|hold|have)\b|may\s+(?:not\s+)?(?:use|access|register|sign\s+up|join|create|open|have|hold)\b|(?:not\s+)?(?:allowed|permitted|eligible)\s+to\s+(?:use|access|register|sign|join|create|open|have|hold)|(?:use|access)\s+(?:of|to)\s+(?:the|our)\s+(?:service|site|app|platform|website)s?\b[^.]{0,100}\bprohibited|(?:not\s+)?(?:intended|meant|designed)\s+for\s+(?:use\s+by\s+)?(?:persons|people|individuals|anyone|users|adults)\b)/i;
/**
 * An adult's age tied to something other than using the service: buying, paying, a contract, a paid plan, age-
 * restricted content or goods, a job. "You must be 18 to buy a subscription" sets no minimum age of use.
 */
const ADULT_PURPOSE = /\b(?:buy|buying|purchas|pay|paying|payment|paid|subscri|premium|plan|billing|credit|card|contract|agreement|legally\s+binding|transaction|order|sell|seller|merchant|vendor|host|driver|drive|rider|job|employ|applicant|alcohol|tobacco|gambl|betting|wager|lottery|sweepstake|contest|competition|prize|promotion|content|mature|explicit|adult\s+(?:content|material)|school|education|teacher|student|bank|loan|financ|rent|vehicle|monetiz|creator|payout|age\s+of\s+majority)/i;
/** "wherever you live", "regardless of your country": the writer says the age is the same everywhere. */
const EVERYWHERE = /\b(?:wherever\s+(?:you|they|he|she|the\s+\w+)\b|regardless\s+of\s+(?:where|your\s+(?:country|location|jurisdiction))|no\s+matter\s+where|in\s+(?:every|all|any)\s+(?:country|countries|jurisdictions?))\b/i;
const ABOUT_CHILDREN = /\b(?:child(?:ren)?|minors?|kids?|parent(?:s|al)?|guardians?|teen(?:s|ager|agers)?|young\s+people|age|aged|years?\s+old|years?\s+of\s+age|COPPA)\b/i;
/** The CCPA's opt-in for under-16s (Cal. Civ. Code §1798.120(c)) is a different age for a different thing. */
const SALE_AGE = /\b(?:sell|sells|sale|sold|opt[- ]in|affirmative(?:ly)?\s+authori[sz]|advertis|disclos|personali[sz]ed\s+ads|marketing)/i;
/** "between the ages of 13 and 16", "13 to 15": a range, not a threshold. */
const RANGE = /\bbetween\s+(?:the\s+)?ages?\s+(?:of\s+)?\d{1,2}\s+and\s+\d{1,2}\b|\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b/i;
/** "under 16, or the lower age your country sets": the writer has already tied the age to the law. */
const LOCAL = /\b(?:your\s+(?:country|jurisdiction|state|region|member\s+state|location)|country\s+(?:of|where)|where\s+you\s+(?:live|reside|are)|(?:local|applicable|national|relevant)\s+(?:law|laws|legislation)|laws?\s+of\s+your|in\s+some\s+(?:countries|jurisdictions)|depending\s+on|(?:a\s+)?(?:lower|higher|different)\s+age|age\s+of\s+(?:digital\s+)?(?:consent|majority)\s+(?:in|where)|residents?\s+of|residing\s+in|(?:each|every)\s+country|country\s+or\s+region|by\s+country|other\s+countries)\b/i;
const REGIONS: ReadonlyArray<[string, RegExp]> = [
  ['eu', /\b(?:EEA|EU|European|(?<!UK[ -])GDPR|Member\s+States?|Europe|Austria|Belgium|Bulgaria|Croatia|Cyprus|Czech\s+Republic|Denmark|Estonia|Finland|France|Germany|Greece|Hungary|Ireland|Italy|Latvia|Lithuania|Luxembourg|Malta|Netherlands|Poland|Portugal|Romania|Slovakia|Slovenia|Spain|Sweden)\b/],
  ['uk', /\b(?:UK|United\s+Kingdom|Britain|British)\b/],
  ['us', /\b(?:COPPA|United\s+States|U\.S\.|USA|Children['’]s\s+Online\s+Privacy\s+Protection\s+Act|FTC)\b/],
  ['us-ca', /\b(?:California|CCPA|CPRA)\b/],
];

/** Member States that set each age below the default of 16 (GDPR Art. 8(1), second subparagraph). */
const MEMBER_STATES: Record<number, string> = {
  13: 'Belgium, Denmark, Estonia, Finland, Latvia, Malta, Portugal and Sweden',
  14: 'Austria, Bulgaria, Cyprus, Italy, Lithuania and Spain',
  15: 'the Czech Republic, France, Greece and Slovenia',
};

/** "In France, under 15 …": the sentence names a Member State that sets exactly this age. */
function namesItsMemberState(text: string, age: number): boolean {
  const states = MEMBER_STATES[age];
  return !!states && states.replace(/^the /, '').split(/, | and /).some((state) => text.includes(state.replace(/^the /, '')));
}

export interface AgeStatement {
  readonly age: number;
  /** The phrase as written, relative to the sentence. */
  readonly phrase: string;
  readonly index: number;
  readonly local: boolean;
  readonly regions: readonly string[];
  /** The sentence sets the age for using the service, opening an account or registering. */
  readonly eligibility: boolean;
}

export function classifyAgeSentence(text: string, kind: BlockKind): AgeStatement | undefined {
  const eligibility = ELIGIBILITY.test(text);
  if (kind === 'heading' || !(eligibility || ABOUT_CHILDREN.test(text)) || SALE_AGE.test(text) || RANGE.test(text)) return undefined;
  AGE.lastIndex = 0;
  const found: Array<{ age: number; phrase: string; index: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = AGE.exec(text)) !== null) {
    const raw = (m[1] ?? m[2] ?? m[3]).toLowerCase();
    const age = WORDS[raw] ?? Number(raw);
    if (age >= 10 && age <= 21) found.push({ age, phrase: m[0], index: m.index });
  }
  if (found.length === 0) return undefined;
  // Two ages in one sentence are tiers the sentence explains ("under 13, or under 16 in the EU").
  if (new Set(found.map((f) => f.age)).size > 1) return undefined;
  const first = found[0];
  // An adult's age counts only as the minimum age of use, never when it is the age to buy or to sign a contract.
  if (first.age > 16 && (!eligibility || ADULT_PURPOSE.test(text))) return undefined;
  return { ...first, local: isLocal(text), eligibility, regions: REGIONS.filter(([, re]) => re.test(text)).map(([code]) => code) };
}

const statements = sentenceFacts(classifyAgeSentence);

function isLocal(text: string): boolean {
  return LOCAL.test(text) && !EVERYWHERE.test(text);
}

function sectionRegions(doc: PolicyDocument, offset: number): string[] {
  const titles = doc.sectionPath(offset).join(' | ');
  const own = titles ? REGIONS.filter(([, re]) => re.test(titles)).map(([code]) => code) : [];
  if (own.length > 0) return own;
  // A section about one place's children says so in its text ("In the UK, …") when not in its title;
  // only a section that names a single place counts, so a general children's section stays general.
  const enclosing = doc.allSections.filter((x) => x.level > 1 && x.start <= offset && offset < x.end).sort((a, b) => b.level - a.level);
  for (const section of enclosing) {
    const named = REGIONS.filter(([, re]) => re.test(doc.text.slice(section.start, section.end))).map(([code]) => code);
    if (named.length > 0) return named.length === 1 ? named : [];
  }
  return [];
}

/** The prose just before a list item's list: "The service is not for children whose age:". */
function introOf(doc: PolicyDocument, block: Block): string {
  const i = doc.blocks.indexOf(block);
  for (let k = i - 1; k >= 0 && k >= i - 30; k--) if (doc.blocks[k].kind !== 'list-item') return doc.blocks[k].text;
  return '';
}

function inferredNote(a: Applies, law: string): string {
  return a.declared ? '' : ` (${law} inferred: ${a.reason})`;
}

export const childrenAgeMismatch: Rule = {
  meta: {
    id: 'children-age-mismatch',
    description: "Finds children's ages that differ between parts of the policy or fall below the age the applicable law sets",
    defaultSeverity: 'warning',
    tags: ['consistency', 'children', 'gdpr', 'uk', 'coppa'],
    legalSource:
      'GDPR Art. 8(1) (16 by default, Member States 13–16; applicable from 25 May 2018); UK GDPR Art. 8(1) as amended by the Data Protection Act 2018 s.9 (13); 16 CFR 312.2 (COPPA: a child is under 13); Cal. Civ. Code §1798.120(c) (opt-in to sale or sharing under 16)',
    explanation:
      'The age below which a parent must consent is set by law: 16 by default under the GDPR (13 to 15 where a Member State says so), 13 in the UK, and 13 under COPPA in the US. A policy that gives one age in one place and another elsewhere, or an age lower than the law of its readers, leaves families unsure who may sign up and can make consent invalid.',
  },
  check(ctx) {
    const { doc } = ctx;
    const all = statements(doc);
    if (all.length === 0) return;
    const app = ctx.facts.applicability;
    // The paragraph, or the line that introduces a list, can tie the age to the reader's country too.
    const local = (s: SentenceFact<AgeStatement>) => s.value.local || isLocal(s.block.text) || (s.block.kind === 'list-item' && isLocal(introOf(doc, s.block)));
    // The sentence, its paragraph ("… under 13. The Children's Online Privacy Protection Act …") or its section can name the law.
    const where = (s: SentenceFact<AgeStatement>) => [...new Set([...s.value.regions, ...REGIONS.filter(([, re]) => re.test(s.block.text)).map(([code]) => code), ...sectionRegions(doc, s.start)])];
    const span = (s: SentenceFact<AgeStatement>) => ({ start: s.start + s.value.index, end: s.start + s.value.index + s.value.phrase.length });

    // One finding per sentence: an age below the law's is the more useful thing to say.
    const reported = new Set<number>();
    // Ages below what the law of the policy's readers sets.
    const eu = app.get('eu');
    const belowLaw = new Set<number>();
    // A policy that says somewhere that the age depends on the country has answered the question the law asks.
    const acknowledged = all.some(local);
    for (const s of all) {
      if (acknowledged || belowLaw.has(s.value.age) || namesItsMemberState(s.text, s.value.age)) continue;
      const regions = where(s);
      const age = s.value.age;
      if (age < 16 && (regions.includes('eu') || (regions.length === 0 && eu))) {
        belowLaw.add(age);
        reported.add(s.start);
        const states = MEMBER_STATES[age] ? `only ${MEMBER_STATES[age]} set ${age}` : `no Member State may set an age below 13`;
        const uk = app.has('uk') && age === 13 ? ' (13 is right for the UK: UK GDPR Art. 8(1), DPA 2018 s.9)' : '';
        const note = regions.includes('eu') || !eu ? '' : inferredNote(eu, 'EU law');
        ctx.report({
          ...span(s),
          message: `${quote(s.value.phrase)} is below the GDPR's default age of 16 for a child's own consent (Art. 8(1)); ${states}${uk}: say "under 16", or "under 16, or the lower age your country sets"${note}`,
          fixes: [],
        });
      } else if (age < 13 && regions.length === 0 && (app.has('us') || app.has('uk'))) {
        belowLaw.add(age);
        reported.add(s.start);
        const law = app.get('us') ?? app.get('uk')!;
        ctx.report({
          ...span(s),
          message: `${quote(s.value.phrase)} is below 13, the age COPPA protects (16 CFR 312.2) and the UK sets (UK GDPR Art. 8(1)): say "under 13"${inferredNote(law, law.code === 'uk' ? 'UK law' : 'US law')}`,
          fixes: [],
        });
      }
    }
    // Ages that the policy states without tying them to a law or a place.
    const plain = all.filter((s) => !local(s) && where(s).length === 0);
    const consentAges = plain.filter((s) => s.value.age >= 13 && s.value.age <= 16);
    const base = consentAges[0];
    const reportedAges = new Set<number>(base ? [base.value.age] : []);
    for (const s of consentAges) {
      if (reportedAges.has(s.value.age)) continue;
      reportedAges.add(s.value.age);
      if (reported.has(s.start)) continue;
      ctx.report({
        ...span(s),
        message: `${quote(s.value.phrase)} gives a different children's age from line ${lineOf(doc, base.start)} (${quote(base.value.phrase)}): use one age throughout, or say which age applies where (13 under COPPA and in the UK, 16 by default under GDPR Art. 8)`,
        fixes: [],
      });
      reported.add(s.start);
    }
    // An adult's minimum age of use ("you must be at least 18 to use the service") against another minimum age of
    // use or of opening an account; a children's-privacy sentence ("we do not knowingly collect … under 13") is no
    // minimum age of use and stays out.
    const adult = plain.find((s) => s.value.age > 16);
    if (!adult) return;
    for (const s of plain) {
      if (s === adult || !s.value.eligibility || s.value.age === adult.value.age || reported.has(s.start)) continue;
      reported.add(s.start);
      const lower = s.value.age < adult.value.age;
      ctx.report({
        ...span(s),
        message: `${quote(s.value.phrase)} sets a ${lower ? 'lower' : 'higher'} minimum age for using the service than line ${lineOf(doc, adult.start)} (${quote(adult.value.phrase)}): state one minimum age, or say what each age is for (such as an adult's age to pay, and a child's age to consent)`,
        fixes: [],
      });
    }
  },
};
