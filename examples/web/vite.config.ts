// The example page. It calls the API directly (a cross-origin request, so
// the API must list this page's origin in CORS_ORIGINS) at VITE_API_URL,
// read from the environment or examples/web/.env at dev and build time:
//   VITE_API_URL=http://localhost:4000/graphql npx vite examples/web
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
