// GET /readyz: can this instance serve traffic right now? Unlike /healthz
// (the process is up and its database answers), readiness also turns 503 the
// moment a shutdown begins, so a load balancer stops sending new requests
// while the in-flight ones finish. Checks run together, each bounded in time.
import { ErrorCode } from '../platform/errors.js';
import type { RouteHandler } from './create-http-server.js';
import { sendError, sendJson } from './send.js';

export interface ReadinessCheck {
  readonly name: string;
  /** Resolves true when the dependency answers; must not throw. */
  check(): Promise<boolean>;
}

const checkTimeoutMs = 2_000;

async function bounded(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), checkTimeoutMs);
  });
  try {
    return await Promise.race([check.check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createReadinessHandler({ checks, draining }: { checks: readonly ReadinessCheck[]; draining: () => boolean }): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, ErrorCode.BAD_REQUEST, 'Use GET', { allow: 'GET, HEAD' });
      return;
    }
    const results = await Promise.all(checks.map(async (c) => [c.name, (await bounded(c)) ? 'ok' : 'failing'] as const));
    const stopping = draining();
    const ready = !stopping && results.every(([, state]) => state === 'ok');
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', ...(stopping ? { draining: true } : {}), checks: Object.fromEntries(results) });
  };
}
