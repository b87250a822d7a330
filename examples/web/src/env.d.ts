/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API endpoint, e.g. https://api.example.com/graphql; its server must list this page's origin in CORS_ORIGINS. */
  readonly VITE_API_URL?: string;
}
