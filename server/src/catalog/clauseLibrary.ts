import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import data from '../../data/clauses.json';
import { buildCatalog, sortClauses, type Clause, type ClauseCatalog, type TemplateProblem } from './clauseCatalog';

/** Where a workspace keeps its own clause templates, relative to the workspace folder. */
export const WORKSPACE_CLAUSES_FOLDER = '.policywright/clauses';
/** A clause is a few paragraphs; anything bigger is not a template and is not read. */
const MAX_TEMPLATE_BYTES = 256 * 1024;
const MAX_TEMPLATES = 500;

/**
 * The clauses an editor offers: the built-in catalog, with a workspace's own templates added and
 * replacing built-ins of the same id. Workspace templates are read as text and parsed as YAML and
 * snippet syntax; nothing in them is ever run.
 */
export interface ClauseLibrary {
  readonly clauses: readonly Clause[];
  /** Problems in workspace templates; the templates without problems still load. */
  readonly problems: readonly TemplateProblem[];
  /** Ids of built-in clauses that a workspace template replaces. */
  readonly overridden: readonly string[];
  byId(id: string): Clause | undefined;
}

let builtIn: ClauseCatalog | undefined;

/** The catalog bundled from `snippets/clauses/*.md` (through `server/data/clauses.json`). */
export function builtInCatalog(): ClauseCatalog {
  builtIn ??= buildCatalog(data.templates.map((t) => ({ file: t.file, text: t.text, origin: 'built-in' as const })));
  return builtIn;
}

/** The built-in clauses alone, for documents outside any workspace folder. */
let builtInOnly: ClauseLibrary | undefined;

export function builtInLibrary(): ClauseLibrary {
  builtInOnly ??= mergeLibrary(builtInCatalog(), buildCatalog([]), []);
  return builtInOnly;
}

/** Built-ins plus the templates in each root's `.policywright/clauses/*.md`. */
export async function loadClauseLibrary(roots: readonly string[]): Promise<ClauseLibrary> {
  const sources = [];
  const problems: TemplateProblem[] = [];
  for (const root of roots) {
    const found = await readWorkspaceTemplates(root);
    sources.push(...found.sources);
    problems.push(...found.problems);
  }
  return mergeLibrary(builtInCatalog(), buildCatalog(sources), problems);
}

export function mergeLibrary(base: ClauseCatalog, workspace: ClauseCatalog, readProblems: readonly TemplateProblem[]): ClauseLibrary {
  const byId = new Map(base.clauses.map((c) => [c.id, c]));
  const overridden: string[] = [];
  for (const clause of workspace.clauses) {
    if (byId.has(clause.id)) overridden.push(clause.id);
    byId.set(clause.id, clause);
  }
  return Object.freeze({
    clauses: Object.freeze(sortClauses([...byId.values()])),
    problems: Object.freeze([...readProblems, ...workspace.problems]),
    overridden: Object.freeze(overridden),
    byId: (id: string) => byId.get(id),
  });
}

async function readWorkspaceTemplates(root: string): Promise<{ sources: Array<{ file: string; text: string; origin: 'workspace' }>; problems: TemplateProblem[] }> {
  const dir = join(root, WORKSPACE_CLAUSES_FOLDER);
  const sources: Array<{ file: string; text: string; origin: 'workspace' }> = [];
  const problems: TemplateProblem[] = [];
  const at = (file: string, message: string): TemplateProblem => ({ file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', message });
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') {
      problems.push(at(dir, `Clause folder cannot be read (${(error as Error).message}), check its permissions`));
    }
    return { sources, problems };
  }
  // Only regular files: a symbolic link could point anywhere outside the workspace.
  const names = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md')).map((e) => e.name).sort();
  if (names.length > MAX_TEMPLATES) problems.push(at(dir, `Clause folder has ${names.length} templates, only the first ${MAX_TEMPLATES} are read`));
  for (const name of names.slice(0, MAX_TEMPLATES)) {
    const file = join(dir, name);
    try {
      const size = (await stat(file)).size;
      if (size > MAX_TEMPLATE_BYTES) {
        problems.push(at(file, `Template is ${Math.round(size / 1024)} KB, larger than the ${MAX_TEMPLATE_BYTES / 1024} KB a clause may have, split it into smaller clauses`));
        continue;
      }
      sources.push({ file, text: await readFile(file, 'utf8'), origin: 'workspace' });
    } catch (error) {
      problems.push(at(file, `Template cannot be read (${(error as Error).message}), check the file`));
    }
  }
  return { sources, problems };
}

export { LIST_CLAUSES_METHOD, type ListedClause } from '../protocol';
import type { ListedClause } from '../protocol';

export function listClauses(library: ClauseLibrary): ListedClause[] {
  return library.clauses.map((c) => ({
    id: c.id,
    title: c.title,
    ...(c.variant ? { variant: c.variant } : {}),
    topic: c.topic,
    prefix: c.prefix,
    jurisdictions: c.jurisdictions,
    description: c.description,
    origin: c.origin,
    file: c.file,
    source: c.source,
  }));
}
