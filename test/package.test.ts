import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const VSCE = join(root, 'node_modules/@vscode/vsce/vsce');

/** Every file the .vsix may hold; anything else (a fixture, a source file, a map) must not ship. */
function allowList(): string[] {
  const media = manifest.contributes.walkthroughs.flatMap((w: { steps: Array<{ media: { markdown?: string; image?: string } }> }) =>
    w.steps.map((s) => s.media.markdown ?? s.media.image),
  );
  return [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'dist/client.js',
    'dist/server.js',
    'images/icon.png',
    'syntaxes/policywright.injection.tmLanguage.json',
    'examples/privacy-policy.md',
    // The rule pages, opened offline from hovers and the Problems panel.
    ...readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`),
    ...media,
  ].sort();
}

// From code.visualstudio.com/api/references/extension-manifest.
const CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization'];
const SCOPES = ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'];

describe('the packaged extension', function () {
  // vsce loads its secret scanner on every start: a few seconds each.
  this.timeout(60_000);
  let listed: string[];
  let packaged: { ok: boolean; output: string };

  before(async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'policywright-vsix-'));
    try {
      const [ls, pack] = await Promise.all([
        run(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: root }),
        run(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', join(dir, 'test.vsix')], { cwd: root }).then(
          (r) => ({ ok: true, output: r.stdout + r.stderr }),
          (e: { stdout?: string; stderr?: string; message: string }) => ({ ok: false, output: `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}` }),
        ),
      ]);
      listed = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
      packaged = pack;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds exactly the allow-listed files, so fixtures and sources never ship', () => {
    assert.deepEqual(listed, allowList());
  });

  it("passes vsce's checks without any --allow flag or warning", () => {
    assert.ok(packaged.ok, packaged.output);
    assert.doesNotMatch(packaged.output, /WARNING/i, packaged.output);
  });

  it('targets a VS Code no older than the API types it compiles against', () => {
    const engine = /^\^?(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    assert.ok(engine, `engines.vscode is a plain minimum such as ^1.95.0, not ${manifest.engines.vscode}`);
    const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version as string;
    const [major, minor] = types.split('.').map(Number);
    assert.ok(major < Number(engine[1]) || (major === Number(engine[1]) && minor <= Number(engine[2])), `@types/vscode ${types} is newer than engines.vscode ${manifest.engines.vscode}`);
    assert.ok(!manifest.dependencies?.vscode, 'the vscode module is never a dependency');
  });

  it('has the marketplace metadata: categories, repository, licence, changelog and a PNG icon', () => {
    assert.ok(manifest.categories.length > 0 && manifest.categories.every((c: string) => CATEGORIES.includes(c)), manifest.categories.join(', '));
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\.git)?$/);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License[\s\S]*Policywright contributors/);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
    const icon = readFileSync(join(root, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'a 128 × 128 icon');
    assert.ok(!manifest.activationEvents.includes('*'), 'never activated on start-up');
  });

  it('declares what Restricted Mode and virtual workspaces change, with a reason', () => {
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
    assert.ok([true, false, 'limited'].includes(untrustedWorkspaces.supported));
    assert.ok(untrustedWorkspaces.description.length > 40, 'says why');
    const settings = Object.keys(manifest.contributes.configuration.properties);
    for (const key of untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(settings.includes(key), `${key} is a setting`);
    assert.ok(typeof virtualWorkspaces === 'boolean' || ([true, false, 'limited'].includes(virtualWorkspaces.supported) && virtualWorkspaces.description.length > 40));
  });

  it('gives every setting a description, a default that fits its type, and a scope', () => {
    const { title, properties } = manifest.contributes.configuration;
    assert.equal(title, 'Policywright');
    assert.ok(properties['policywright.trace.server'], 'the LSP trace setting exists');
    assert.deepEqual(properties['policywright.trace.server'].enum, ['off', 'messages', 'verbose']);
    for (const [key, s] of Object.entries<Record<string, unknown>>(properties)) {
      assert.match(key, /^policywright\.[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/, key);
      assert.ok(typeof (s.markdownDescription ?? s.description) === 'string' && String(s.markdownDescription ?? s.description).length > 10, `${key} has a description`);
      assert.ok('default' in s, `${key} has a default`);
      assert.ok(SCOPES.includes(s.scope as string), `${key} has a scope`);
      const type = s.type as string;
      const actual = Array.isArray(s.default) ? 'array' : s.default === null ? 'null' : typeof s.default;
      assert.ok(type === actual || (type === 'integer' && Number.isInteger(s.default)) || (type === 'number' && actual === 'number'), `${key}: default ${JSON.stringify(s.default)} is a ${type}`);
      if (Array.isArray(s.enum)) {
        assert.ok(s.enum.includes(s.default), `${key}: the default is one of its values`);
        if (s.enumDescriptions) assert.equal((s.enumDescriptions as unknown[]).length, s.enum.length, `${key}: one description per value`);
      }
    }
  });

  it('registers every contributed command in the client, and links walkthroughs only to real commands and files', () => {
    const client = readdirSync(join(root, 'client/src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(root, 'client/src', f), 'utf8'))
      .join('\n');
    const ids = manifest.contributes.commands.map((c: { command: string; title: string; category: string }) => {
      assert.equal(c.category, 'Policywright', c.command);
      assert.ok(c.title.length > 0 && !/^Policywright/.test(c.title), `${c.command}: the category already says Policywright`);
      assert.ok(client.includes(`registerCommand('${c.command}'`), `${c.command} is registered in the client`);
      return c.command;
    });
    for (const w of manifest.contributes.walkthroughs) {
      for (const step of w.steps) {
        const media = step.media.markdown ?? step.media.image;
        assert.ok(existsSync(join(root, media)), `${step.id}: ${media} exists`);
        for (const [, command] of (step.description as string).matchAll(/\(command:([\w.]+)/g)) {
          assert.ok(ids.includes(command) || command.startsWith('workbench.'), `${step.id} links to ${command}`);
        }
      }
    }
  });

  it('points every menu, view and welcome link at contributed commands and views', () => {
    const { commands, views, viewsWelcome, menus } = manifest.contributes;
    const ids = new Set(commands.map((c: { command: string }) => c.command));
    const viewIds = new Set(Object.values<Array<{ id: string; name: string }>>(views).flat().map((v) => v.id));
    for (const [menu, entries] of Object.entries<Array<{ command: string; when?: string }>>(menus)) {
      for (const entry of entries) {
        assert.ok(ids.has(entry.command), `${menu}: ${entry.command} is a contributed command`);
        for (const [, view] of (entry.when ?? '').matchAll(/\bview == ([\w.]+)/g)) assert.ok(viewIds.has(view), `${menu}: ${view} is a contributed view`);
      }
    }
    for (const welcome of viewsWelcome) {
      assert.ok(viewIds.has(welcome.view), `${welcome.view} is a contributed view`);
      for (const [, command] of (welcome.contents as string).matchAll(/\(command:([\w.]+)/g)) assert.ok(ids.has(command), `the welcome text links to ${command}`);
    }
  });
});
