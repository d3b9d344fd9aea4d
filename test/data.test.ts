import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv from 'ajv';
import { RULES } from '../server/src/rules/registry';

const DATA = join(process.cwd(), 'server/data');
const SCHEMAS = join(DATA, 'schema');
const DOCS = join(process.cwd(), 'docs/rules');
const REGEX_KEYS = new Set(['pattern', 'near', 'notNear', 'match']);
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const dataFiles = readdirSync(DATA).filter((f) => f.endsWith('.json')).sort();
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every value under a regular-expression key, with a path that names where it sits. */
function regexValues(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((v, i) => regexValues(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (REGEX_KEYS.has(key)) for (const s of [v].flat()) out.push([`${path}.${key}`, String(s)]);
      else regexValues(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The ids of every array of objects, one list per array, so duplicates are found where they matter. */
function idLists(value: unknown, path: string, out: Array<[string, string[]]> = []): Array<[string, string[]]> {
  if (Array.isArray(value)) {
    const ids = value.filter((v) => v && typeof v === 'object' && 'id' in v).map((v) => String((v as { id: unknown }).id));
    if (ids.length > 0) out.push([path, ids]);
    value.forEach((v, i) => idLists(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) idLists(v, `${path}.${key}`, out);
  }
  return out;
}

describe('data files', () => {
  it('has a schema for every data file and a data file for every schema', () => {
    const schemas = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace(/\.schema\.json$/, '.json')).sort();
    assert.ok(dataFiles.length > 0, 'no data files found');
    assert.deepEqual(schemas, dataFiles);
  });

  for (const file of dataFiles) {
    describe(file, () => {
      const data = readJson(join(DATA, file));

      it('validates against its JSON Schema', () => {
        const ajv = new Ajv({ allErrors: true });
        const validate = ajv.compile(readJson(join(SCHEMAS, file.replace(/\.json$/, '.schema.json'))) as object);
        const ok = validate(data);
        assert.ok(ok, ajv.errorsText(validate.errors, { separator: '\n' }));
      });

      it('holds only regular expressions that compile', () => {
        const broken = regexValues(data, file).flatMap(([where, source]) => {
          try {
            new RegExp(source, 'gi');
            return [];
          } catch (error) {
            return [`${where}: ${(error as Error).message}`];
          }
        });
        assert.deepEqual(broken, []);
      });

      it('never uses the same id twice in one list', () => {
        const dupes = idLists(data, file).flatMap(([where, ids]) => ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${where}: ${id}`));
        assert.deepEqual(dupes, []);
      });
    });
  }
});

describe('rule metadata', () => {
  it('gives every rule a unique kebab-case id', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids.filter((id) => !KEBAB.test(id)), []);
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const { meta } of RULES) {
    it(`describes ${meta.id} with a description without a final full stop, an explanation and a known severity`, () => {
      assert.ok(meta.description.trim().length > 0, 'empty description');
      assert.ok(!/\.\s*$/.test(meta.description), `description ends with a full stop: ${meta.description}`);
      assert.ok(meta.explanation.trim().length > 20, 'explanation missing or too short');
      assert.ok(SEVERITIES.includes(meta.defaultSeverity), `unknown severity ${meta.defaultSeverity}`);
    });
  }
});

describe('rule docs', () => {
  const pages = existsSync(DOCS) ? readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => basename(f, '.md')) : [];
  const ids = RULES.map((r) => r.meta.id);

  it('has a page for every registered rule and no page for a rule that does not exist', () => {
    assert.deepEqual(ids.filter((id) => !pages.includes(id)), [], 'rules without a page');
    assert.deepEqual(pages.filter((p) => !ids.includes(p)), [], 'pages without a rule');
  });

  it('links every rule page from the index', () => {
    const index = existsSync(join(DOCS, 'README.md')) ? readFileSync(join(DOCS, 'README.md'), 'utf8') : '';
    assert.deepEqual(ids.filter((id) => !index.includes(`](${id}.md)`)), []);
  });

  for (const { meta } of RULES) {
    it(`keeps the ${meta.id} page in step with the rule's id, description and default severity`, () => {
      const path = join(DOCS, `${meta.id}.md`);
      assert.ok(existsSync(path), `missing ${path}`);
      const page = readFileSync(path, 'utf8');
      assert.ok(page.startsWith(`# ${meta.id}\n`), 'the page must open with the rule id as its title');
      assert.ok(page.includes(meta.description), 'the page must repeat the rule description');
      assert.ok(page.includes(`Default severity: **${meta.defaultSeverity}**`), `the page must state the default severity ${meta.defaultSeverity}`);
    });
  }
});
