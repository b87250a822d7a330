// /metrics: off unless guarded, and it counts what happened.
import { Histogram, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TalliedHistogram } from '../../src/http/tallied-histogram.js';
import { loadConfig } from '../../src/platform/config.js';
import { defaultPassword, login, signup } from '../helpers/accounts.js';
import { parseSamples, sumOf } from '../helpers/prometheus-text.js';
import { startTestServer, testEnv, type TestServer } from '../helpers/start-test-server.js';

const metricsToken = 'metrics-token-that-is-long-enough-0123456789';
const bearer = { authorization: `Bearer ${metricsToken}` };

describe('metrics exposure', () => {
  it('is off without METRICS_TOKEN or METRICS_PORT', async () => {
    const server = await startTestServer();
    try {
      expect((await server.fetch('/metrics')).status).toBe(404);
      expect(server.app.metricsUrl()).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const server = await startTestServer({ env: { METRICS_TOKEN: metricsToken } });
    try {
      const missing = await server.fetch('/metrics');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect((await server.fetch('/metrics', { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
      const ok = await server.fetch('/metrics', { headers: bearer });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/plain');
      expect(await ok.text()).toContain('process_cpu_user_seconds_total');
      expect((await server.fetch('/metrics', { method: 'POST', headers: bearer })).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('moves to its own port with METRICS_PORT, and leaves the API port', async () => {
    const server = await startTestServer({ env: { METRICS_PORT: '0' } });
    try {
      expect((await server.fetch('/metrics')).status).toBe(404);
      const metricsUrl = server.app.metricsUrl();
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(metricsUrl).not.toBe(server.url);
      expect((await fetch(`${metricsUrl}/metrics`)).status).toBe(200);
      expect((await fetch(`${metricsUrl}/graphql`)).status).toBe(404);
    } finally {
      await server.close();
    }
    expect(server.app.metricsUrl()).toBeUndefined(); // closed with the app
  });

  it('reads an empty METRICS_PORT as unset, not as a random port', () => {
    expect(loadConfig(testEnv({ METRICS_PORT: '' })).metrics.port).toBeUndefined();
    expect(() => loadConfig(testEnv({ PORT: '9100', METRICS_PORT: '9100' }))).toThrow(/METRICS_PORT/);
    expect(() => loadConfig(testEnv({ METRICS_TOKEN: 'short' }))).toThrow(/METRICS_TOKEN/);
  });
});

describe('metrics content', () => {
  let server: TestServer;
  const scrape = async () => (await server.fetch('/metrics', { headers: bearer })).text();

  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: metricsToken } });
  });
  afterAll(() => server.close());

  it('counts requests by operation and outcome, with latency', async () => {
    const kim = await signup(server, 'kim@example.com');
    await server.graphql('query Me { me { id } }', { token: kim.accessToken });
    await server.graphql('query Me { me { id } }', { token: kim.accessToken });
    await server.graphql('query Everyone { users { edges { cursor } } }', { token: kim.accessToken });
    await server.graphql('{ me { id }', {});
    const text = await scrape();
    expect(sumOf(text, 'graphql_requests_total', { operation: 'Me', type: 'query', outcome: 'success' })).toBe(2);
    expect(sumOf(text, 'graphql_requests_total', { operation: 'Everyone', type: 'query', outcome: 'error' })).toBe(1);
    expect(sumOf(text, 'graphql_requests_total', { outcome: 'rejected' })).toBe(1);
    expect(sumOf(text, 'graphql_request_duration_seconds_count', { operation: 'Me' })).toBe(2);
    expect(sumOf(text, 'graphql_request_duration_seconds_bucket', { operation: 'Me', le: '+Inf' })).toBe(2);
    expect(sumOf(text, 'graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(sumOf(text, 'http_requests_total', { route: '/graphql', status: '400' })).toBe(1);
  });

  it('counts auth failures by reason, denied fields, audit events and login time', async () => {
    await signup(server, 'lee@example.com');
    await login(server, 'lee@example.com');
    const wrong = 'mutation($p: String!) { login(email: "lee@example.com", password: $p) { accessToken } }';
    await server.graphql(wrong, { variables: { p: 'not the password' } });
    await server.graphql(wrong, { variables: { p: 'still not the password' } });
    await server.graphql('mutation { login(email: "ghost@example.com", password: "not the password") { accessToken } }');
    await server.graphql('mutation { logoutAll }');
    const text = await scrape();
    expect(sumOf(text, 'auth_failures_total', { event: 'login.failure', reason: 'wrong_password' })).toBe(2);
    expect(sumOf(text, 'auth_failures_total', { event: 'login.failure', reason: 'unknown_email' })).toBe(1);
    expect(sumOf(text, 'access_denied_total', { field: 'Mutation.logoutAll', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sumOf(text, 'audit_events_total', { event: 'login.success' })).toBe(1);
    expect(sumOf(text, 'audit_events_total', { event: 'signup' })).toBe(2); // kim's and lee's
    expect(sumOf(text, 'auth_login_duration_seconds_count', { outcome: 'success' })).toBe(1);
    expect(sumOf(text, 'auth_login_duration_seconds_count', { outcome: 'UNAUTHENTICATED' })).toBe(3);
    expect(sumOf(text, 'auth_login_duration_seconds_sum', { outcome: 'success' })).toBeGreaterThan(0);
  });

  it('counts rate-limit rejections by field from their audit events', async () => {
    // The limiter writes rate_limit.rejected; whichever code writes it, the metric follows.
    const origin = { requestId: 'r', ip: '203.0.113.9', userAgent: undefined };
    const { createAuditLog } = await import('../../src/platform/audit.js');
    createAuditLog(server.app.log, [server.app.metrics.auditObserver]).record({ type: 'rate_limit.rejected', origin, field: 'Mutation.login' });
    expect(sumOf(await scrape(), 'rate_limit_rejections_total', { field: 'Mutation.login' })).toBe(1);
  });

  it('reports live sessions at scrape time', async () => {
    const before = sumOf(await scrape(), 'auth_active_sessions');
    const max = await signup(server, 'max@example.com');
    await login(server, 'max@example.com', defaultPassword);
    expect(sumOf(await scrape(), 'auth_active_sessions')).toBe(before + 2);
    await server.graphql('mutation { logoutAll }', { token: max.accessToken });
    expect(sumOf(await scrape(), 'auth_active_sessions')).toBe(before);
  });

  it('caps the operation names it keeps, so made-up names cannot grow the registry', async () => {
    const otherBefore = sumOf(await scrape(), 'graphql_requests_total', { operation: '(other)' });
    await Promise.all(Array.from({ length: 120 }, (_, i) => server.graphql(`query Made${i} { me { id } }`)));
    const text = await scrape();
    const samples = parseSamples(text).filter((s) => s.name === 'graphql_requests_total');
    expect(new Set(samples.map((s) => s.labels['operation'])).size).toBe(101); // 100 names kept, and (other)
    // Every one of the 120 is counted: under its own name while there was room, as (other) after.
    const madeUp = samples.filter((s) => s.labels['operation']?.startsWith('Made')).reduce((sum, s) => sum + s.value, 0);
    expect(madeUp + sumOf(text, 'graphql_requests_total', { operation: '(other)' }) - otherBefore).toBe(120);
  });

  it('keeps every app in its own registry', async () => {
    const other = await startTestServer({ env: { METRICS_TOKEN: metricsToken } });
    try {
      const text = await (await other.fetch('/metrics', { headers: bearer })).text();
      expect(sumOf(text, 'audit_events_total')).toBe(0);
      expect(sumOf(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});

describe('the request latency histogram', () => {
  it("exposes exactly what prom-client's own histogram would for the same observations", async () => {
    const config = { name: 'latency_seconds', help: 'latency', labelNames: ['operation', 'type'] as const, buckets: [0.005, 0.01, 0.1, 1] };
    const ours = new Registry();
    const theirs = new Registry();
    const tallied = new TalliedHistogram({ ...config, registers: [ours] });
    const reference = new Histogram({ ...config, buckets: [...config.buckets], registers: [theirs] });
    const observations: Array<[string, string, number]> = [['Me', 'query', 0.004], ['Me', 'query', 0.005], ['Me', 'query', 0.2], ['Login', 'mutation', 3], ['Me', 'query', 0.0101]];
    for (const [operation, type, seconds] of observations) {
      tallied.record(`${operation}\u0000${type}`, { operation, type }, seconds);
      reference.observe({ operation, type }, seconds);
    }
    // Label order within a line means nothing to Prometheus.
    const samples = (text: string) => parseSamples(text).map(({ name, labels, value }) => `${name}${JSON.stringify(Object.entries(labels).sort())} ${value}`).sort();
    expect(samples(await ours.metrics())).toEqual(samples(await theirs.metrics()));
    expect(sumOf(await ours.metrics(), 'latency_seconds_bucket', { operation: 'Me', le: '0.005' })).toBe(2);
    tallied.reset();
    expect(sumOf(await ours.metrics(), 'latency_seconds_count')).toBe(0);
  });
});
