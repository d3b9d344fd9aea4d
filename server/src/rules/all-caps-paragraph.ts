import type { Rule } from './rule';
import { countWords } from '../facts/text';
import { caseMemory, sentenceCase } from '../facts/casing';
import { perBlockText } from '../facts/cache';

const MIN_WORDS = 12;

// Per block text, so that typing elsewhere does not recount every paragraph's letters.
const shoutingBlocks = perBlockText((block): boolean => {
  if (block.kind === 'heading' || block.kind === 'table-cell') return false;
  const letters = block.text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return letters.length >= 60 && upper / letters.length >= 0.9 && countWords(block.text) >= MIN_WORDS;
});

export const allCapsParagraph: Rule = {
  meta: {
    id: 'all-caps-paragraph',
    description: 'Finds whole paragraphs written in capital letters',
    defaultSeverity: 'hint',
    tags: ['plain-language', 'gdpr'],
    legalSource: 'GDPR Art. 12(1) ("intelligible and easily accessible form, using clear and plain language")',
    explanation:
      'Text in capitals is slower to read and is skimmed, not read; courts have held that capitals alone do not make a term conspicuous. Write the paragraph in sentence case and use bold or a heading for what must stand out.',
  },
  check(ctx) {
    const shouting = shoutingBlocks(ctx.doc);
    let memory: ReturnType<typeof caseMemory> | undefined;
    for (const block of ctx.doc.blocks) {
      if (!shouting.get(block)) continue;
      memory ??= caseMemory(ctx.doc);
      // Only prose changes case: markup, links and code keep every character.
      const cased = sentenceCase(block.text, memory);
      const raw = ctx.doc.text.slice(block.start, block.end);
      let newText = '';
      for (let i = 0; i < raw.length; i++) newText += block.text[i] === ' ' && raw[i] !== ' ' ? raw[i] : cased[i];
      ctx.report({
        start: block.start,
        end: block.end,
        message: `Paragraph written in capitals (${countWords(block.text)} words): write it in sentence case and use bold for what must stand out`,
        fixes: [{ title: 'Rewrite the paragraph in sentence case', edits: [{ start: block.start, end: block.end, newText }] }],
      });
    }
  },
};
