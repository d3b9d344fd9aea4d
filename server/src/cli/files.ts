import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

export interface InputFile {
  readonly path: string;
  /** Named on the command line, so checked even if it does not look like a policy. */
  readonly explicit: boolean;
}

export interface Collected {
  readonly files: InputFile[];
  readonly problems: Array<{ path: string; message: string }>;
}

const EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/** Expands files and folders; folders are walked for Markdown and plain-text files. */
export function collectFiles(args: readonly string[], cwd: string): Collected {
  const files: InputFile[] = [];
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(resolve(cwd, dir)).sort();
    } catch (error) {
      problems.push({ path: dir, message: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(resolve(cwd, path));
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(path);
      } else if (EXTENSIONS.has(extname(name).toLowerCase())) add(path, false);
    }
  };
  for (const arg of args) {
    const path = relative(cwd, resolve(cwd, arg)) || '.';
    let stat;
    try {
      stat = statSync(resolve(cwd, arg));
    } catch {
      problems.push({ path: arg, message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else add(path, true);
  }
  return { files, problems };
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a file as UTF-8 text, refusing binaries and invalid UTF-8 with a message that says so. */
export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (bytes.includes(0)) return { ok: false, message: 'looks like a binary file, not Markdown or text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, message: 'is not valid UTF-8; save it as UTF-8 and check again' };
  }
}
