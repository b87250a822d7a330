// The explorer page (GraphiQL), built by `npm run build` into dist/explorer,
// which the server reads at EXPLORER=graphiql (src/http/explorer/).
// Everything is a file of its own, nothing inlined (no data: URLs, no inline
// script), so the page runs under a CSP of 'self'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the page is served at /graphql, its files at /explorer/….
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'explorer',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      // React libraries mark files "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
