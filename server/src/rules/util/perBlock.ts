import { blockAtZero, type Block } from '../../model/blocks';
import type { Finding, Rule, RuleMeta } from '../rule';

/**
 * A rule whose findings in a block depend on nothing but that block's text. Its results are kept
 * per block text, relative to the block's start, so that while someone types only the block being
 * edited is checked again; every other block's findings are moved to where the block now stands.
 * `checkRest` covers what lies outside the prose blocks (it runs on the whole document every time).
 */
export function perBlockRule(meta: RuleMeta, checkBlock: (block: Block, report: (finding: Finding) => void) => void, checkRest?: Rule['check']): Rule {
  // Keyed by kind, then by the block's text: the text string is shared by every version of an
  // unchanged block, so the lookup reuses its hash and nothing is concatenated.
  type Cache = Map<string, Map<string, readonly Finding[]>>;
  let cache: Cache = new Map();
  let previous: Cache = new Map();
  const lookup = (c: Cache, block: Block) => c.get(block.kind)?.get(block.text);
  return {
    meta,
    check(ctx) {
      // Two generations: what this run used and what the last run used; older results are dropped.
      const used: Cache = new Map();
      for (const block of ctx.doc.blocks) {
        let relative = lookup(used, block) ?? lookup(cache, block) ?? lookup(previous, block);
        if (!relative) {
          const found: Finding[] = [];
          checkBlock(blockAtZero(block), (f) => found.push(f));
          relative = found;
        }
        let byText = used.get(block.kind);
        if (!byText) used.set(block.kind, (byText = new Map()));
        byText.set(block.text, relative);
        for (const f of relative) ctx.report(block.start === 0 ? f : moveFinding(f, block.start));
      }
      previous = cache;
      cache = used;
      checkRest?.(ctx);
    },
  };
}


function moveFinding(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}
