import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './startServer';

// `policywright-language-server` with no transport flag speaks LSP over stdio, as editors other than VS Code expect.
if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

// The rule pages ship next to dist/ (docs/rules in the .vsix and the npm package): links to them work offline.
const ruleDocsDir = join(__dirname, '..', 'docs', 'rules');
startServer(createConnection(ProposedFeatures.all), { ruleDocsDir: existsSync(ruleDocsDir) ? ruleDocsDir : undefined });
