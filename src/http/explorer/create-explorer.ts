// EXPLORER: what a browser opening the GraphQL path gets. graphiql: the
// bundled GraphiQL, served from this server's own files (works offline);
// sandbox: Apollo Sandbox, loaded from Apollo's CDN; off: nothing (a GET from
// a browser is answered like any GET without a query).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ExplorerMode } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import type { RouteHandler } from '../create-http-server.js';
import { createExplorerFiles, explorerFilesPrefix } from './explorer-files.js';
import { defaultExplorerDirectory } from './explorer-directory.js';
import { graphiqlLandingPage } from './graphiql-landing-page.js';

export interface Explorer {
  /** Apollo's landing page: the one plugin that answers a browser's GET. */
  readonly landingPage: ApolloServerPlugin;
  /** Routes for every path under a prefix (the bundle's files). */
  readonly prefixRoutes: ReadonlyMap<string, RouteHandler>;
}

export function createExplorer(mode: ExplorerMode, log: Logger, directory: string = defaultExplorerDirectory()): Explorer {
  if (mode === 'sandbox') return { landingPage: ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }), prefixRoutes: new Map() };
  if (mode === 'off') return { landingPage: ApolloServerPluginLandingPageDisabled(), prefixRoutes: new Map() };
  if (!existsSync(join(directory, 'index.html'))) log.warn(`The explorer (GraphiQL) is not built: run \`npm run build\`, or set EXPLORER=sandbox or off (looked in ${directory})`);
  return { landingPage: graphiqlLandingPage(directory), prefixRoutes: new Map([[explorerFilesPrefix, createExplorerFiles(join(directory, 'explorer'))]]) };
}
