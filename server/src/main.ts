import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

// `policywright-language-server` with no transport flag speaks LSP over stdio, as editors other than VS Code expect.
if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

startServer(createConnection(ProposedFeatures.all));
