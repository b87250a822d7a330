// GraphiQL as Apollo's landing page: Apollo decides, as it does for Sandbox,
// when a GET wants a page (a browser's Accept prefers text/html) rather than
// JSON. The page is the bundle's index.html; its scripts and styles are files
// served beside it (explorer-files.ts), never inline, so the CSP stays 'self'.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/** What a browser gets when the bundle is missing: the way to build it, in plain HTML. */
export const explorerNotBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Explorer not built</title></head>
<body><h1>The explorer (GraphiQL) is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds what is out of date), then reload this page.
Or set <code>EXPLORER=sandbox</code> for Apollo Sandbox (it needs internet access).</p></body></html>
`;

// Read on every page load (a small file): a rebuild shows without a restart.
const readPage = (directory: string) => readFile(join(directory, 'index.html'), 'utf8').catch(() => explorerNotBuiltPage);

export function graphiqlLandingPage(directory: string): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: () => readPage(directory) };
        },
      };
    },
  };
}
