// Prometheus metrics, in a registry of the app's own (never prom-client's
// global one), so several apps can live in one process, as the tests run them.
// Security counters are fed by the audit log: one event, counted and written.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration } from 'prom-client';
import type { AuditEvent, AuditObserver } from '../platform/audit.js';
import { TalliedHistogram } from './tallied-histogram.js';

export type RequestOutcome = 'success' | 'error' | 'rejected';

export interface GraphqlRequestSample {
  readonly operation: string | undefined;
  readonly type: string | undefined;
  readonly outcome: RequestOutcome;
  readonly seconds: number;
  readonly errorCodes: readonly string[];
}

export interface Metrics {
  readonly registry: Registry;
  /** Give to createAuditLog: counts auth failures, denials and rate-limit rejections. */
  readonly auditObserver: AuditObserver;
  httpRequest(route: string, status: number): void;
  graphqlRequest(sample: GraphqlRequestSample): void;
  loginFinished(outcome: string, seconds: number): void;
}

export interface MetricsDeps {
  /** Live sessions now; called once per scrape, so it must be one cheap query. */
  readonly countActiveSessions: () => Promise<number>;
}

/**
 * Label values a client or an attacker chooses (operation names) or that come
 * from elsewhere (reasons, fields) are capped: past `max` distinct values the
 * rest count as "(other)", so a flood of made-up names cannot grow the
 * registry without bound.
 */
export function boundedLabel(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return '(other)';
    seen.add(value);
    return value;
  };
}

/**
 * A counter bumped on every request. prom-client hashes and validates the
 * label object on each inc, which showed in the hot path's profile; here each
 * label tuple is a plain number until a scrape hands the increments over.
 * Callers pass label values already bounded, so the tally map is bounded too.
 */
function countedAtScrape<const N extends readonly string[]>(
  configuration: CounterConfiguration<N[number]> & { labelNames: N },
): (...values: { readonly [I in keyof N]: string }) => void {
  type L = N[number];
  const tallies = new Map<string, { readonly labels: Partial<Record<L, string>>; count: number }>();
  new Counter<L>({
    ...configuration,
    collect() {
      for (const tally of tallies.values()) {
        if (tally.count === 0) continue;
        this.inc(tally.labels, tally.count);
        tally.count = 0;
      }
    },
  });
  return (...values) => {
    const key = values.join('\u0000');
    const tally = tallies.get(key);
    if (tally) tally.count += 1;
    else tallies.set(key, { labels: Object.fromEntries(configuration.labelNames.map((name, i) => [name, values[i]])) as Partial<Record<L, string>>, count: 1 });
  };
}

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Events that mean someone failed to prove who they are. `login.*` covers the
// throttling and lockout events too, whatever their exact names.
const isAuthFailure = (type: string) => (type.startsWith('login.') && type !== 'login.success') || type === 'token.rejected' || type.startsWith('refresh.');
const detail = (event: AuditEvent, key: string): string | undefined => (typeof event[key] === 'string' ? event[key] : undefined);

export function createMetrics({ countActiveSessions }: MetricsDeps): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const operationLabel = boundedLabel(100);
  const reasonLabel = boundedLabel(50);
  const fieldLabel = boundedLabel(200);
  const codeLabel = boundedLabel(50);

  const countHttpRequest = countedAtScrape({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'], registers });
  const countGraphqlRequest = countedAtScrape({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name, type and outcome (success, error: ran with errors, rejected: HTTP 4xx, never ran)',
    labelNames: ['operation', 'type', 'outcome'],
    registers,
  });
  const graphqlDuration = new TalliedHistogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency, from the first byte read to the last byte sent',
    labelNames: ['operation', 'type'],
    buckets: latencyBuckets,
    registers,
  });
  const graphqlErrors = new Counter({ name: 'graphql_errors_total', help: 'Requests answered with an error of this code (each code once per request)', labelNames: ['code'], registers });
  const loginDuration = new Histogram({
    name: 'auth_login_duration_seconds',
    help: 'Time spent in the login field (password hashing included), by outcome: success or the error code',
    labelNames: ['outcome'],
    buckets: latencyBuckets,
    registers,
  });
  const authFailures = new Counter({
    name: 'auth_failures_total',
    help: 'Failed sign-ins and refused tokens, by audit event and reason',
    labelNames: ['event', 'reason'],
    registers,
  });
  const accessDenied = new Counter({ name: 'access_denied_total', help: 'Fields refused by access rules, by field and code', labelNames: ['field', 'code'], registers });
  const rateLimited = new Counter({ name: 'rate_limit_rejections_total', help: 'Calls refused by a rate limit, by field', labelNames: ['field'], registers });
  const auditEvents = new Counter({ name: 'audit_events_total', help: 'Audit events written, by event type', labelNames: ['event'], registers });
  new Gauge({
    name: 'auth_active_sessions',
    help: 'Sessions neither ended nor expired, counted at scrape time',
    registers,
    async collect() {
      try {
        this.set(await countActiveSessions());
      } catch {
        // The database is down: /readyz says so; keep the last value rather than fail the whole scrape.
      }
    },
  });

  const count = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 1);

  return {
    registry,
    auditObserver(event) {
      auditEvents.inc({ event: event.type });
      if (isAuthFailure(event.type)) authFailures.inc({ event: event.type, reason: reasonLabel(event.reason ?? 'none') });
      if (event.type === 'access.denied') {
        accessDenied.inc({ field: fieldLabel(detail(event, 'field') ?? 'unknown'), code: detail(event, 'code') ?? 'unknown' }, count(event['count']));
      }
      if (event.type === 'rate_limit.rejected') rateLimited.inc({ field: fieldLabel(detail(event, 'field') ?? 'unknown') }, count(event['count']));
    },
    httpRequest(route, status) {
      countHttpRequest(route, String(status));
    },
    graphqlRequest({ operation, type, outcome, seconds, errorCodes }) {
      const labels = { operation: operationLabel(operation ?? '(anonymous)'), type: type ?? 'unknown' };
      countGraphqlRequest(labels.operation, labels.type, outcome);
      graphqlDuration.record(`${labels.operation}\u0000${labels.type}`, labels, seconds);
      for (const code of errorCodes) graphqlErrors.inc({ code: codeLabel(code) });
    },
    loginFinished(outcome, seconds) {
      loginDuration.observe({ outcome }, seconds);
    },
  };
}
