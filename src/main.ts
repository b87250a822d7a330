// Entry point: the only reader of process.env. Settings → app → listen.
import { createApp } from './app.js';
import { bootFailureText } from './platform/boot-error.js';
import { loadConfig } from './platform/config.js';

async function main() {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  if (config.jwt.secretGenerated) {
    app.log.warn('JWT_SECRET is not set: using a random secret for this run only; every token dies on restart');
  }
  const url = await app.listen(config.port, config.host);
  app.log.info({ url: `${url}/graphql`, env: config.env }, `GraphQL API ready at ${url}/graphql`);
  const metricsUrl = app.metricsUrl();
  if (metricsUrl) app.log.info({ url: `${metricsUrl}/metrics` }, `metrics at ${metricsUrl}/metrics`);

  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish (their
  // connections are cut after SHUTDOWN_TIMEOUT), close the database, exit 0.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing in-flight requests');
    // Should closing itself hang (a stuck database), the bound still holds.
    setTimeout(() => {
      app.log.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000).unref();
    app.close().then(
      () => {
        app.log.info('shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Settings, keys and declarations fail with a BootError, written for people: no stack.
  process.stderr.write(`Cannot start: ${bootFailureText(error)}\n`);
  process.exit(1);
});
