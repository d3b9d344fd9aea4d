import type { Rule } from './rule';
import { MAX_FRONT_MATTER } from '../model/frontMatter';

export const analysisLimited: Rule = {
  meta: {
    id: 'analysis-limited',
    description: 'Says where Policywright could not read the text in full: above the size limit, or Markdown nested too deeply',
    defaultSeverity: 'information',
    tags: ['limits'],
    explanation:
      'Policywright never skips text silently. A document above `policywright.maxFileSize` is read for its outline only, and a passage nested hundreds of levels deep, or made of thousands of brackets, is read as plain text so that the editor stays responsive. Front matter is read for the policy keys up to 64 KiB; keys after that are named as not read.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.structureOnly) {
      const size = (doc.text.length / 1_000_000).toFixed(1);
      ctx.report({
        start: 0,
        end: doc.lines.lineEnd(0),
        message: `The document has ${size} million characters, above the size limit, so only its headings were read: split it, or raise \`policywright.maxFileSize\` to check it in full`,
      });
      return;
    }
    const unread = doc.frontMatter?.unread;
    if (unread) {
      const line = doc.lines.lineAt(unread.start);
      const example = unread.firstKey ? ` (such as “${unread.firstKey}”)` : '';
      ctx.report({
        start: unread.start,
        end: Math.max(unread.start + 1, doc.lines.lineEnd(line)),
        message: `Front matter has ${unread.length.toLocaleString('en')} characters, so only its first ${MAX_FRONT_MATTER.toLocaleString('en')} were read for the policy's settings: keys from line ${(line + 1).toLocaleString('en')} on${example} were not read, move “policy”, “company”, “jurisdictions” and the other policy keys to the top`,
      });
    }
    for (const limit of doc.limits) {
      const from = doc.lines.lineAt(limit.start) + 1;
      const to = doc.lines.lineAt(limit.end) + 1;
      ctx.report({
        start: limit.start,
        end: doc.lines.lineEnd(from - 1),
        message: `Lines ${from}–${to} hold ${limit.reason}, so they were read as plain text: Markdown structure there is not checked`,
      });
    }
  },
};
