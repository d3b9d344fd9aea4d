import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

export interface InputFile {
  readonly path: string;
  /** Named on the command line, so checked even if it does not look like a policy. */
  readonly explicit: boolean;
}

export interface Collected {
  readonly files: InputFile[];
  /** Paths named on the command line that cannot be checked: the run fails (exit code 2). */
  readonly problems: Array<{ path: string; message: string }>;
  /** Paths met while searching a folder and left alone, with the reason: said, but not a failure. */
  readonly skipped: Array<{ path: string; message: string }>;
}

const EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);
/** The command reads files of up to this many times `maxFileSize` (in bytes); larger ones are refused unread. */
export const READ_LIMIT_FACTOR = 10;

/**
 * Expands files and folders; folders are walked for Markdown and plain-text files. Only regular
 * files are read, each once by its real path; links to folders met while walking are not followed
 * (a link such as `up -> ..` would loop), named pipes and devices are never opened.
 */
export function collectFiles(args: readonly string[], cwd: string): Collected {
  const files: InputFile[] = [];
  const problems: Array<{ path: string; message: string }> = [];
  const skipped: Array<{ path: string; message: string }> = [];
  const byRealPath = new Map<string, string>();
  const walked = new Set<string>();
  const skip = (path: string, message: string) => {
    if (!skipped.some((s) => s.path === path)) skipped.push({ path, message });
  };
  const add = (path: string, explicit: boolean) => {
    const real = realPath(resolve(cwd, path));
    const first = byRealPath.get(real);
    if (first !== undefined) {
      if (first !== path) skip(path, `is the same file as ${first}; checked once`);
      return;
    }
    byRealPath.set(real, path);
    files.push({ path, explicit });
  };
  const walk = (dir: string) => {
    const real = realPath(resolve(cwd, dir));
    if (walked.has(real)) return;
    walked.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      problems.push({ path: dir, message: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const candidate = EXTENSIONS.has(extname(entry.name).toLowerCase());
      const searched = !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.');
      if (entry.isDirectory()) {
        if (searched) walk(path);
      } else if (entry.isSymbolicLink()) {
        let target: Stats;
        try {
          target = statSync(resolve(cwd, path));
        } catch (error) {
          if (candidate) skip(path, `is a link to nothing (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped`);
          continue;
        }
        if (target.isDirectory()) {
          if (searched) skip(path, 'is a link to a folder; not followed (name the folder itself to check it)');
        } else if (candidate) {
          if (target.isFile()) add(path, false);
          else skip(path, `${kindOf(target)}, not a regular file; skipped`);
        }
      } else if (candidate) {
        if (entry.isFile()) add(path, false);
        else skip(path, `${kindOf(entry)}, not a regular file; skipped`);
      }
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
    else if (stat.isFile()) add(path, true);
    else problems.push({ path: arg, message: `${kindOf(stat)}, not a regular file; not read` });
  }
  return { files, problems, skipped };
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function kindOf(entry: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (entry.isFIFO()) return 'is a named pipe';
  if (entry.isSocket()) return 'is a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'is a device';
  return 'is not a file';
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads a file as UTF-8 text, refusing binaries and invalid UTF-8 with a message that says so. The
 * file is opened without blocking and checked on the open handle before any content is read: a
 * regular file (never a pipe or a device, even one swapped in after the folder was searched), and
 * no more than `maxBytes`.
 */
export function readText(path: string, maxBytes = Number.POSITIVE_INFINITY): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `${kindOf(stat)}, not a regular file; not read` };
    if (stat.size > maxBytes) return { ok: false, message: `is ${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} the command reads (ten times “maxFileSize”); not read` };
    bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    closeSync(fd);
  }
  if (bytes.includes(0)) return { ok: false, message: 'looks like a binary file, not Markdown or text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, message: 'is not valid UTF-8; save it as UTF-8 and check again' };
  }
}
