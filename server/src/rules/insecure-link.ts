import type { Node, Parent } from 'mdast';
import type { Rule } from './rule';
import { quote } from './util/matches';
import { perNode } from '../facts/cache';

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
    for (const link of insecureLinks(ctx.doc)) {
      const shown = link.url.length > 50 ? `${link.url.slice(0, 49)}…` : link.url;
      ctx.report({
        start: link.start,
        end: link.end,
        message: `Link ${quote(shown)} is not encrypted: use https://`,
        fixes: [{ title: 'Use https://', edits: [{ start: link.start + 4, end: link.start + 4, newText: 's' }] }],
      });
    }
  },
};

/** Each http:// link or link definition, from its `http://` to the end of the address as written. */
const insecureLinks = perNode((root, src) => {
  const out: Array<{ start: number; end: number; url: string }> = [];
  const visit = (node: Node) => {
    if ((node.type === 'link' || node.type === 'definition') && typeof (node as { url?: unknown }).url === 'string') {
      const url = (node as unknown as { url: string }).url;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (/^http:\/\//i.test(url) && !LOCAL.test(url) && start !== undefined && end !== undefined) {
        const at = src.slice(start, end).toLowerCase().lastIndexOf('http://');
        if (at >= 0) out.push({ start: start + at, end: start + at + Math.min(url.length, end - start - at), url });
      }
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    for (const child of (node as Parent).children ?? []) visit(child);
  };
  visit(root);
  return out;
});
