import picomatch from 'picomatch';

/** picomatch refuses longer patterns (its `maxLength`); found when one did and every document lost its analysis. */
export const MAX_GLOB_LENGTH = 65_536;

/**
 * The `files` patterns that compile, and a problem for each that does not: a pattern the matcher
 * throws on would otherwise pass validation and then stop every document from being analysed.
 * Compiled with the options `matchesPolicyGlobs` uses, so what passes here also matches there.
 */
export function usableGlobs(globs: readonly string[]): { globs: string[]; problems: string[] } {
  const usable: string[] = [];
  const problems: string[] = [];
  for (const glob of globs) {
    const shown = `"${glob.length > 23 ? `${glob.slice(0, 23)}…` : glob}"${glob.length > 23 ? ` (${glob.length.toLocaleString('en')} characters)` : ''}`;
    if (glob.length > MAX_GLOB_LENGTH) {
      problems.push(`\`files\` pattern ${shown} cannot be used: it is longer than the ${MAX_GLOB_LENGTH.toLocaleString('en')} characters a pattern may have, shorten it; the other patterns still apply`);
      continue;
    }
    try {
      picomatch(glob, { nocase: true, dot: true });
      usable.push(glob);
    } catch (error) {
      problems.push(`\`files\` pattern ${shown} cannot be used (${error instanceof Error ? error.message : String(error)}); the other patterns still apply`);
    }
  }
  return { globs: usable, problems };
}
