import picomatch from 'picomatch';
import type { PolicyDocument } from './model/policyDocument';

/** A path or URI is a policy when it matches one of the globs, or when its front matter has a `policy:` key. */
export function isPolicy(pathOrUri: string, doc: Pick<PolicyDocument, 'frontMatter'>, globs: readonly string[]): boolean {
  if (doc.frontMatter?.keys.includes('policy')) return true;
  return matchesPolicyGlobs(pathOrUri, globs);
}

export function matchesPolicyGlobs(pathOrUri: string, globs: readonly string[]): boolean {
  const path = toPath(pathOrUri);
  if (!/\.(md|markdown|txt)$/i.test(path)) return false;
  // Plain-text drafts count when their name says they are policies, as Markdown ones do.
  const candidates = [path, path.replace(/\.txt$/i, '.md')];
  const matcher = picomatch([...globs], { nocase: true, dot: true });
  return candidates.some((p) => matcher(p) || matcher(p.replace(/^\/+/, '')));
}

function toPath(pathOrUri: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(pathOrUri)) return pathOrUri.replace(/\\/g, '/');
  try {
    return decodeURIComponent(new URL(pathOrUri).pathname);
  } catch {
    return pathOrUri;
  }
}
