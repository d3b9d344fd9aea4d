// Generates, from the clause templates in snippets/clauses/*.md:
//   server/data/clauses.json               the built-in catalog the server bundles;
//   snippets/privacy-policy.code-snippets  the same clauses as snippets, for editors without the language server
//                                          (snippet loaders read snippets/package.json, in VS Code's format);
//                                          VS Code itself gets them from the server's completion, so the
//                                          extension does not contribute them (each clause would be listed twice).
// Both go through server/src/catalog/clauseCatalog.ts, the same code the server uses, so snippets
// and completions cannot diverge. `--check` writes nothing and exits 1 when a file is out of date.
import * as esbuild from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const check = process.argv.includes('--check');

// The catalog code is TypeScript: bundle it to a temporary CommonJS file and load that.
const tmp = mkdtempSync(join(tmpdir(), 'policywright-generate-'));
let catalog;
try {
  const outfile = join(tmp, 'clauseCatalog.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'server/src/catalog/clauseCatalog.ts')],
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  catalog = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const dir = 'snippets/clauses';
const sources = readdirSync(join(root, dir))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ file: `${dir}/${name}`, text: readFileSync(join(root, dir, name), 'utf8'), origin: 'built-in' }));

const built = catalog.buildCatalog(sources);
if (built.problems.length > 0) {
  for (const p of built.problems) console.error(catalog.formatProblem(p));
  process.exit(1);
}

const outputs = [
  ['server/data/clauses.json', catalog.renderCatalogJson(sources)],
  ['snippets/privacy-policy.code-snippets', catalog.renderSnippetsFile(built.clauses)],
  ['snippets/package.json', catalog.renderSnippetsManifest()],
];
let stale = 0;
for (const [file, content] of outputs) {
  let current = '';
  try {
    current = readFileSync(join(root, file), 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current === content) continue;
  stale++;
  if (check) console.error(`${file} is out of date, run \`npm run generate\``);
  else writeFileSync(join(root, file), content);
}
if (!check) console.log(`${built.clauses.length} clauses; ${stale} file(s) written`);
process.exit(check && stale > 0 ? 1 : 0);
