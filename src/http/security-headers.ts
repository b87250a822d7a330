// Sent on every response. The API serves JSON, plus the Sandbox landing page
// outside production, which needs Apollo's CDN; production needs nothing.
const common: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

// Only when this server itself speaks HTTPS: a browser then refuses plain HTTP
// to this host for 180 days. Behind a TLS-terminating proxy, the proxy sends it.
const hsts = { 'strict-transport-security': 'max-age=15552000' };

export function securityHeaders(production: boolean, tls = false): Readonly<Record<string, string>> {
  return Object.freeze({
    ...common,
    ...(production ? { 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" } : {}),
    'cache-control': 'no-store',
    ...(tls ? hsts : {}),
  });
}
