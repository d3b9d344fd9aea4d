import type { Node, Parent } from 'mdast';
import type { Rule } from './rule';
import { quote } from './util/matches';

// Addresses that are meant to stay plain http: a machine's own, and names reserved for examples and tests.
const LOCAL = /^http:\/\/(?:localhost|127\.|0\.0\.0\.0|\[::1\]|[^/]*\.(?:local|localhost|test|invalid|example|onion)(?:[:/]|$)|(?:[^/]*\.)?example\.(?:com|org|net)(?:[:/]|$))/i;

export const insecureLink: Rule = {
  meta: {
    id: 'insecure-link',
    description: 'Finds http:// links that should be https://',
    defaultSeverity: 'information',
    tags: ['clean-text', 'security'],
    legalSource: 'GDPR Art. 32(1) (security of processing)',
    explanation:
      'A privacy policy that links to an unencrypted http:// page invites readers to send data, or read opt-out instructions, over a connection anyone on the network can alter. Most sites serve the same page over https://.',
  },
  check(ctx) {
    const { text } = ctx.doc;
    const visit = (node: Node) => {
      if ((node.type === 'link' || node.type === 'definition') && typeof (node as { url?: unknown }).url === 'string') {
        const url = (node as unknown as { url: string }).url;
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (/^http:\/\//i.test(url) && !LOCAL.test(url) && start !== undefined && end !== undefined) {
          const raw = text.slice(start, end);
          const at = raw.toLowerCase().lastIndexOf('http://');
          if (at >= 0) {
            const from = start + at;
            const shown = url.length > 50 ? `${url.slice(0, 49)}…` : url;
            ctx.report({
              start: from,
              end: from + Math.min(url.length, end - from),
              message: `Link ${quote(shown)} is not encrypted: use https://`,
              fixes: [{ title: 'Use https://', edits: [{ start: from + 4, end: from + 4, newText: 's' }] }],
            });
          }
        }
      }
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
      for (const child of (node as Parent).children ?? []) visit(child);
    };
    visit(ctx.doc.root);
  },
};
