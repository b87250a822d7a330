// Sent on every response. The API serves JSON, plus the Sandbox landing page
// outside production, which needs Apollo's CDN; production needs nothing.
const common: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  return Object.freeze(
    production
      ? { ...common, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'cache-control': 'no-store' }
      : { ...common, 'cache-control': 'no-store' },
  );
}
