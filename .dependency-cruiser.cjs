// The layers of the server, each importing only those below it, and the client importing only the
// protocol types: model <- catalog <- facts <- rules <- analysis <- features <- wiring.
// test/layers.test.ts runs this check in `npm test`; `npx depcruise -c .dependency-cruiser.cjs server client`
// runs it alone. docs/architecture.md says what each layer holds.
const LAYERS = [
  ['model', '^server/src/model/'],
  ['catalog', '^server/src/catalog/'],
  ['facts', '^server/src/facts/'],
  ['rules', '^server/src/rules/'],
  // The analysis of one version and the settings it reads: above the rules, below the features.
  ['analysis', '^server/src/(analysis|settings|settingsGlobs|policyFiles)\\.ts$'],
  ['features', '^server/src/features/'],
];
// Everything else in server/src is wiring (startServer, the session modules, the CLI), which may import any layer.
// protocol.ts, the messages shared with the client, imports nothing of the server.

const upward = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => p);
  const wiring = '^server/src/(?!(model|catalog|facts|rules|features)/|(analysis|settings|settingsGlobs|policyFiles|protocol)\\.ts$)';
  return [
    {
      name: `${name}-imports-upward`,
      comment: `The ${name} layer may import only the layers below it (model <- catalog <- facts <- rules <- analysis <- features <- wiring).`,
      severity: 'error',
      from: { path },
      to: { path: [...above, wiring] },
    },
  ];
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'protocol-imports-server',
      comment: 'protocol.ts holds the messages shared with the client: it imports nothing of the server.',
      severity: 'error',
      from: { path: '^server/src/protocol\\.ts$' },
      to: { path: '^server/src/' },
    },
    {
      name: 'client-imports-server',
      comment: 'The client only shows what the server computes: from the server it imports the protocol types alone.',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { path: '^server/', pathNot: '^server/src/protocol\\.ts$' },
    },
    {
      name: 'server-imports-vscode',
      comment: 'The server runs in any editor: it never imports vscode.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^vscode$', dependencyTypes: ['npm', 'core', 'unknown', 'undetermined', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or through others, cannot be read or tested one at a time.',
      severity: 'error',
      from: { path: '^(server|client)/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist|node_modules)/' },
  },
};
