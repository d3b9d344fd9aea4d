import type { Block } from '../../model/blocks';
import { eachItem, perBlockText } from '../../facts/cache';
import type { Finding, Rule, RuleMeta } from '../rule';

/**
 * A rule whose findings in a block depend on nothing but that block's text. Its results are kept
 * per block text, relative to the block's start, so that while someone types only the block being
 * edited is checked again; every other block's findings are moved to where the block now stands.
 * `checkRest` covers what lies outside the prose blocks (it runs on the whole document every time).
 */
export function perBlockRule(meta: RuleMeta, checkBlock: (block: Block, report: (finding: Finding) => void) => void, checkRest?: Rule['check']): Rule {
  const relativeFindings = perBlockText((block): readonly Finding[] => {
    const found: Finding[] = [];
    checkBlock(block, (f) => found.push(f));
    return found;
  });
  return {
    meta,
    check(ctx) {
      eachItem(relativeFindings(ctx.doc), (f, block) => ctx.report(block.start === 0 ? f : moveFinding(f, block.start)));
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
