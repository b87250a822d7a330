// GraphiQL, bundled by Vite at `npm run build` into dist/explorer and served
// by the API itself at its GraphQL path (EXPLORER=graphiql): no CDN, so it
// works offline and under a CSP of 'self'.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { GraphiQL } from 'graphiql';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultQuery, placeholderHeaders } from './default-tab.js';
import { createFetcher } from './fetcher.js';

type GraphiQLProps = ComponentProps<typeof GraphiQL>;

const root = document.getElementById('graphiql');
if (!root) throw new Error('the page has no #graphiql element');

// The page is served at the GraphQL path, so the API is where the page is.
const endpoint = new URL(window.location.pathname, window.location.origin).href;
const props: GraphiQLProps = {
  fetcher: createFetcher(endpoint),
  defaultTabs: [{ query: defaultQuery, headers: placeholderHeaders }],
  defaultHeaders: placeholderHeaders,
  defaultEditorToolsVisibility: 'headers',
  // A token is a credential: it stays in the page, never in localStorage.
  shouldPersistHeaders: false,
};
root.replaceChildren();
createRoot(root).render(createElement(GraphiQL, props));
