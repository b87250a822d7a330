// Sent on every response. The API serves JSON; outside production, a browser
// opening /graphql gets the explorer too (EXPLORER), and the policy follows it.
import type { ExplorerMode } from '../platform/config.js';

const common: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

// Nothing to render: JSON only.
const noContent = "default-src 'none'; frame-ancestors 'none'";
// GraphiQL: every script and worker is a file from this server (no inline
// script, no eval, no CDN), and it calls only this server. Its editor (Monaco)
// and menus (Radix) add <style> elements as they run, and GraphiQL's CSS
// carries its fonts and icons as data: URLs; styles and images cannot run code.
export const explorerPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Only when this server itself speaks HTTPS: a browser then refuses plain HTTP
// to this host for 180 days. Behind a TLS-terminating proxy, the proxy sends it.
const hsts = { 'strict-transport-security': 'max-age=15552000' };

// Sandbox is a page of Apollo's CDN embedding more of it: no policy of ours fits.
const policyFor = (explorer: ExplorerMode) => ({ graphiql: { 'content-security-policy': explorerPolicy }, sandbox: {}, off: { 'content-security-policy': noContent } })[explorer];

export function securityHeaders(explorer: ExplorerMode, tls = false): Readonly<Record<string, string>> {
  return Object.freeze({
    ...common,
    ...policyFor(explorer),
    'cache-control': 'no-store',
    ...(tls ? hsts : {}),
  });
}
