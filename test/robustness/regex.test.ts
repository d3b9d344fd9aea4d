import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as Ts from 'typescript';
import type * as Recheck from 'recheck';

/**
 * Every regular expression the server runs is checked by recheck, a ReDoS checker: the literals
 * and `new RegExp(…)` patterns of server/src (composed patterns are evaluated from their string
 * constants) and the patterns of server/data. A vulnerable one fails with its attack string.
 *
 * TypeScript and recheck are loaded at run time, not bundled: recheck runs its checker as a
 * native helper process (or falls back to its pure-JS worker) that it finds from node_modules.
 */
const ROOT = process.cwd();
const load = createRequire(join(ROOT, 'package.json'));
const ts = load('typescript') as typeof Ts;

interface Pattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/**
 * `new RegExp(x)` whose pattern is not a constant. Each must say how it is covered: by the data
 * scan below, or by a sample value for the variable it interpolates.
 */
const DATE_SAMPLES = { OTHER: 'septiembre|juillet|février|märz|mai', OTHER_LABELS: 'dernière\\s+mise\\s+à\\s+jour|última\\s+actualización|stand(?=\\s*:)' };
const DYNAMIC: Readonly<Record<string, { readonly data?: string; readonly samples?: Readonly<Record<string, string>> }>> = {
  'server/src/rules/outdated-legal-reference.ts r.pattern': { data: 'outdated-references.json' },
  'server/src/rules/outdated-legal-reference.ts r.near': { data: 'outdated-references.json' },
  'server/src/rules/outdated-legal-reference.ts r.notNear': { data: 'outdated-references.json' },
  'server/src/rules/outdated-legal-reference.ts r.selfCue': { data: 'outdated-references.json' },
  'server/src/rules/outdated-legal-reference.ts r.properName': { data: 'outdated-references.json' },
  'server/src/catalog/sectionTopics.ts m': { data: 'section-topics.json' },
  'server/src/facts/disclosures.ts raw.cue': { data: 'disclosures.json' },
  'server/src/facts/disclosures.ts p.re': { data: 'disclosures.json' },
  'server/src/facts/disclosures.ts a': { data: 'disclosures.json' },
  'server/src/facts/disclosures.ts p.not': { data: 'disclosures.json' },
  "server/src/rules/phrase.ts wholeWords(entry.pattern.join('|'))": { data: 'phrase-rules.json' },
  'server/src/rules/phrase.ts wholeWords(p)': { data: 'phrase-rules.json' },
  // The date patterns take their other-language month names and labels from date-words.json: a sample of each kind
  // (accented words, multi-word labels, a label that must stand before a colon) stands in for the lists.
  'server/src/facts/dates.ts `(?<![${LETTER}])${CUE}(?![${LETTER}])[^\\\\n.]{0,40}?(?:\\\\b(?:as\\\\s+of|from|on|since)\\\\b)?\\\\s{0,4}[:\\\\-–]?\\\\s{0,4}(?:the\\\\s+)?(${DATE})`': { samples: DATE_SAMPLES },
  'server/src/facts/dates.ts `^[ \\\\t]*(${DATE})[ \\\\t]*$`': { samples: DATE_SAMPLES },
  // A snippet's tab-stop number.
  'server/src/catalog/snippetSyntax.ts `\\\\$\\\\{?${index}(?!\\\\d)`': { samples: { index: '12' } },
};
const DATA_KEYS = new Set(['pattern', 'near', 'notNear', 'notUnder', 'selfCue', 'properName', 'match', 're', 'and', 'not', 'cue']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The value of a string expression built from literals, constants of the same file, `+`, templates and `[…].join()`. */
function evaluate(node: Ts.Expression, consts: Map<string, Ts.Expression>, samples: Readonly<Record<string, string>>, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const next = (n: Ts.Expression) => evaluate(n, consts, samples, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return next(node.expression);
  if (ts.isIdentifier(node)) {
    if (samples[node.text] !== undefined) return samples[node.text];
    const init = consts.get(node.text);
    return init ? next(init) : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [a, b] = [next(node.left), next(node.right)];
    return a === undefined || b === undefined ? undefined : a + b;
  }
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = next(span.expression);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join' && ts.isArrayLiteralExpression(node.expression.expression)) {
    const parts = node.expression.expression.elements.map((e) => next(e));
    const separator = node.arguments[0] ? next(node.arguments[0]) : ',';
    return parts.some((p) => p === undefined) || separator === undefined ? undefined : parts.join(separator);
  }
  return undefined;
}

function collectSource(): { patterns: Pattern[]; unexplained: string[]; dynamicSeen: Set<string> } {
  const patterns: Pattern[] = [];
  const unexplained: string[] = [];
  const dynamicSeen = new Set<string>();
  for (const path of sourceFiles(join(ROOT, 'server/src'))) {
    const file = relative(ROOT, path);
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const consts = new Map<string, Ts.Expression>();
    const line = (n: Ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (node: Ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(sf);
    const find = (node: Ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        patterns.push({ where: `${file}:${line(node)}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0]) {
        const arg = node.arguments[0];
        const key = `${file} ${arg.getText(sf)}`;
        const known = DYNAMIC[key];
        if (known) dynamicSeen.add(key);
        const source = evaluate(arg, consts, known?.samples ?? {});
        const flags = node.arguments[1] ? evaluate(node.arguments[1], consts, {}) : '';
        if (source !== undefined && flags !== undefined) patterns.push({ where: `${file}:${line(node)}`, source, flags });
        else if (!known?.data) unexplained.push(`${file}:${line(node)} new RegExp(${arg.getText(sf)})`);
      }
      ts.forEachChild(node, find);
    };
    find(sf);
  }
  return { patterns, unexplained, dynamicSeen };
}

/** Data patterns are matched case-insensitively (the files say so), whatever key holds them. */
function collectData(): Pattern[] {
  const out: Pattern[] = [];
  const dir = join(ROOT, 'server/data');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const walk = (value: unknown, path: string, key?: string) => {
      if (typeof value === 'string' && key && DATA_KEYS.has(key)) out.push({ where: `server/data/${name} ${path}`, source: value, flags: 'i' });
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k);
    };
    walk(JSON.parse(readFileSync(join(dir, name), 'utf8')), '');
  }
  return out;
}

const fromSource = collectSource();
const fromData = collectData();

describe('regular expressions', function () {
  this.timeout(60_000);
  const recheck = () => load('recheck') as typeof Recheck;

  it('are all found: literals, composed patterns and data patterns', () => {
    const sources = fromSource.patterns.map((p) => p.source);
    assert.ok(sources.includes('\\b([A-Z])\\1([a-z]+)\\b'), 'the doubled-capital literal is found');
    assert.ok(sources.some((s) => s.includes('last\\s+(?:updated') && s.includes('Jan(?:uary)?')), 'the composed date pattern is evaluated');
    assert.ok(fromData.some((p) => p.where.includes('outdated-references.json') && p.where.endsWith('.pattern')), 'the data patterns are found');
    assert.ok(fromSource.patterns.length >= 50, `only ${fromSource.patterns.length} patterns found in server/src`);
  });

  it('are constants, data patterns or have a sample for what they interpolate', () => {
    assert.deepEqual(fromSource.unexplained, [], 'add the pattern to server/data or a sample to DYNAMIC in this test');
    assert.deepEqual(Object.keys(DYNAMIC).filter((k) => !fromSource.dynamicSeen.has(k)), [], 'DYNAMIC lists call sites that no longer exist');
  });

  for (const p of [...fromSource.patterns, ...fromData]) {
    it(`at ${p.where} cannot backtrack catastrophically`, async () => {
      const result = await recheck().check(p.source, p.flags, { timeout: 30_000 });
      if (result.status === 'vulnerable') {
        const attack = result.attack.pattern;
        assert.fail(`/${p.source}/${p.flags} at ${p.where} is vulnerable to ReDoS (${result.complexity.summary}); attack: ${attack}; hotspot: ${JSON.stringify(result.hotspot.map((h) => p.source.slice(h.start, h.end)))}`);
      }
      assert.notEqual(result.status, 'vulnerable');
    });
  }
});
