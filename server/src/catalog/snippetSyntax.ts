/**
 * The subset of VS Code snippet syntax that clause templates use: text, tab stops (`$1`, `${1}`),
 * placeholders with defaults (`${1:Example Ltd}`, nestable) and choices (`${1|a,b|}`), with `\$`,
 * `\}` and `\\` as escapes. Variables and regex transforms are refused: a clause must read the same
 * in every editor, and a template is data that must never compute anything.
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] };

export interface SnippetError {
  /** Offset in the parsed body. */
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface ParsedSnippet {
  readonly nodes: readonly SnippetNode[];
  readonly errors: readonly SnippetError[];
}

/** How deep placeholders may nest: a clause needs two or three levels; recursion past this could exhaust the stack. */
export const MAX_NESTING = 16;

export function parseSnippet(body: string): ParsedSnippet {
  const errors: SnippetError[] = [];
  let pos = 0;
  let depth = 0;

  /** From just after `${N:`, past the `}` that closes it, counting what opens and closes inside, without recursion. */
  const skipPlaceholder = () => {
    let open = 1;
    while (pos < body.length && open > 0) {
      if (body[pos] === '\\') {
        pos += 2;
      } else if (body[pos] === '$' && body[pos + 1] === '{') {
        open++;
        pos += 2;
      } else {
        if (body[pos] === '}') open--;
        pos++;
      }
    }
  };

  const readDigits = (): string => {
    const start = pos;
    while (pos < body.length && body[pos] >= '0' && body[pos] <= '9') pos++;
    return body.slice(start, pos);
  };

  const sequence = (inPlaceholder: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && '$}\\'.includes(body[pos + 1] ?? '')) {
        text += body[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        flush();
        const node = dollar();
        if (node) nodes.push(node);
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  };

  const dollar = (): SnippetNode | undefined => {
    const start = pos;
    pos++;
    const next = body[pos] ?? '';
    if (/\d/.test(next)) return { kind: 'tabstop', index: Number(readDigits()), children: [] };
    if (/[A-Za-z_]/.test(next)) {
      while (pos < body.length && /\w/.test(body[pos])) pos++;
      errors.push({ offset: start, length: pos - start, message: `Snippet variable \`${body.slice(start, pos)}\` is not supported in a clause, use a numbered tab stop such as \`\${1:default}\` or write \`\\$\` for a dollar sign` });
      return { kind: 'text', value: body.slice(start, pos) };
    }
    if (next !== '{') {
      errors.push({ offset: start, length: 1, message: 'Lone `$` in the clause text, write `\\$` for a dollar sign' });
      return { kind: 'text', value: '$' };
    }
    pos++;
    const digits = readDigits();
    if (!digits && /[A-Za-z_]/.test(body[pos] ?? '')) {
      const name = /^\w+/.exec(body.slice(pos))![0];
      const end = body.indexOf('}', pos);
      pos = end < 0 ? body.length : end + 1;
      errors.push({ offset: start, length: pos - start, message: `Snippet variable \`$${name}\` is not supported in a clause, use a numbered tab stop such as \`\${1:default}\`` });
      return { kind: 'text', value: body.slice(start, pos) };
    }
    if (!digits) {
      const end = body.indexOf('}', pos);
      const shown = body.slice(start, end < 0 ? Math.min(body.length, pos + 10) : end + 1);
      errors.push({ offset: start, length: shown.length, message: `\`${shown}\` is not a tab stop, write \`\${1:default}\` with a number` });
      pos = end < 0 ? body.length : end + 1;
      return { kind: 'text', value: shown };
    }
    const index = Number(digits);
    const sep = body[pos];
    if (sep === '}') {
      pos++;
      return { kind: 'tabstop', index, children: [] };
    }
    if (sep === ':') {
      pos++;
      if (depth >= MAX_NESTING) {
        errors.push({ offset: start, length: Math.min(body.length - start, 2 + digits.length), message: `Tab stops nested more than ${MAX_NESTING} deep, a placeholder may hold at most ${MAX_NESTING} levels of other placeholders` });
        skipPlaceholder();
        return { kind: 'text', value: body.slice(start, pos) };
      }
      depth++;
      const children = sequence(true);
      depth--;
      if (body[pos] !== '}') {
        errors.push({ offset: start, length: Math.min(body.length - start, 12), message: `Tab stop \`\${${index}:\` is never closed, add the missing \`}\`` });
      } else pos++;
      return { kind: 'tabstop', index, children };
    }
    if (sep === '|') {
      pos++;
      const options: string[] = [];
      let option = '';
      for (;;) {
        const c = body[pos];
        if (c === undefined) {
          errors.push({ offset: start, length: Math.min(body.length - start, 12), message: `Choice \`\${${index}|\` is never closed, end it with \`|}\`` });
          break;
        }
        if (c === '\\' && ',|\\'.includes(body[pos + 1] ?? '')) {
          option += body[pos + 1];
          pos += 2;
        } else if (c === ',') {
          options.push(option);
          option = '';
          pos++;
        } else if (c === '|' && body[pos + 1] === '}') {
          options.push(option);
          pos += 2;
          break;
        } else {
          option += c;
          pos++;
        }
      }
      if (options.some((o) => o.trim() === '')) errors.push({ offset: start, length: pos - start, message: `Choice \`\${${index}|…|}\` has an empty option, remove the extra comma` });
      // "a, b" inside one option splits it in two; the second half then starts with a space.
      const split = options.find((o) => /^\s/.test(o) && o.trim() !== '');
      if (split !== undefined) errors.push({ offset: start, length: pos - start, message: `Choice \`\${${index}|…|}\` has an option starting with a space (\`${split.trim().slice(0, 30)}\`), write a comma inside an option as \`\\,\`` });
      return { kind: 'choice', index, options };
    }
    const shown = body.slice(start, pos + 1);
    errors.push({
      offset: start,
      length: shown.length,
      message: sep === '/' ? `Transform \`${shown}…\` is not supported in a clause, use a plain tab stop` : `Malformed tab stop \`${shown}\`, write \`\${${index}}\`, \`\${${index}:default}\` or \`\${${index}|a,b|}\``,
    });
    return { kind: 'text', value: shown };
  };

  const nodes = sequence(false);
  return { nodes, errors: [...errors, ...checkTabStops(nodes, body)] };
}

/**
 * Tab stops are numbered 1, 2, 3… without gaps (`$0`, the final cursor, is optional), and a number
 * used twice keeps one default: VS Code mirrors them, so two defaults would silently lose one.
 */
function checkTabStops(nodes: readonly SnippetNode[], body: string): SnippetError[] {
  const defaults = new Map<number, string>();
  const errors: SnippetError[] = [];
  const walk = (list: readonly SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'text') continue;
      const value = n.kind === 'choice' ? `|${n.options.join(',')}|` : plainText(n.children);
      const seen = defaults.get(n.index);
      if (seen === undefined || seen === '') defaults.set(n.index, value);
      else if (value !== '' && value !== seen) {
        const at = locate(body, n.index);
        errors.push({ offset: at, length: 2, message: `Tab stop ${n.index} has two different defaults (\`${seen}\` and \`${value}\`), give it one default and write \`$${n.index}\` where it repeats` });
      }
      if (n.kind === 'tabstop') walk(n.children);
    }
  };
  walk(nodes);
  const numbers = [...defaults.keys()].filter((i) => i > 0).sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1 && (i === 0 || numbers[i - 1] === i)) {
      errors.push({ offset: locate(body, n), length: String(n).length + 1, message: `Tab stop ${n} skips ${i + 1}, number tab stops 1, 2, 3… without gaps (a dollar sign is written \`\\$\`)` });
    }
  });
  return errors;
}

function locate(body: string, index: number): number {
  const m = new RegExp(`\\$\\{?${index}(?!\\d)`).exec(body);
  return m ? m.index : 0;
}

/** The text as inserted when every tab stop keeps its default (the first option of a choice). */
export function plainText(nodes: readonly SnippetNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.value : n.kind === 'choice' ? (n.options[0] ?? '') : plainText(n.children))).join('');
}

/** Snippet source for `nodes`, escaped so that it parses back to the same nodes. */
export function toSnippetString(nodes: readonly SnippetNode[], inPlaceholder = false): string {
  return nodes
    .map((n, i) => {
      if (n.kind === 'text') return escapeSnippetText(n.value, inPlaceholder);
      if (n.kind === 'choice') return `\${${n.index}|${n.options.map((o) => o.replace(/[\\,|]/g, (c) => `\\${c}`)).join(',')}|}`;
      if (n.children.length > 0) return `\${${n.index}:${toSnippetString(n.children, true)}}`;
      // `$1` followed by "5" would read as `$15`.
      const next = nodes[i + 1];
      return next?.kind === 'text' && /^\d/.test(next.value) ? `\${${n.index}}` : `$${n.index}`;
    })
    .join('');
}

/** Escapes literal text for snippet syntax; `}` only needs it inside a placeholder. */
export function escapeSnippetText(text: string, inPlaceholder = true): string {
  return text.replace(inPlaceholder ? /[\\$}]/g : /[\\$]/g, (c) => `\\${c}`);
}

/** Replaces the default of every placeholder whose default is exactly a key of `values`. */
export function replaceDefaults(nodes: readonly SnippetNode[], values: ReadonlyMap<string, string>): SnippetNode[] {
  return nodes.map((n) => {
    if (n.kind !== 'tabstop') return n;
    const replacement = values.get(plainText(n.children));
    if (replacement !== undefined && n.children.length > 0) return { ...n, children: [{ kind: 'text', value: replacement }] };
    return { ...n, children: replaceDefaults(n.children, values) };
  });
}
