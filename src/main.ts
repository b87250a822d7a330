// Entry point: the only reader of process.env. Settings → app → listen.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';

async function main() {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  if (config.jwt.secretGenerated) {
    app.log.warn('JWT_SECRET is not set: using a random secret for this run only; every token dies on restart');
  }
  const url = await app.listen(config.port, config.host);
  app.log.info({ url: `${url}/graphql`, env: config.env }, `GraphQL API ready at ${url}/graphql`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second signal: do not wait any longer
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => process.exit(0),
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
  // Config and boot-check errors are written for people: print them plainly.
  const message = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('DeclarationError')) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(1);
});
