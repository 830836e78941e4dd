// `npm start`: read the configuration, start tracing when configured, start the gateway, say
// where GraphiQL is, and stop gracefully on SIGTERM/SIGINT (drain, then exit 0).

import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './server/app.js';
import { createLogger, createScrubber } from './server/logger.js';
import { startTracing } from './server/tracing.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const scrubber = createScrubber();
  const logger = createLogger({ level: config.logLevel, scrubber });
  // Before the gateway, so the global provider and context manager are in place for it.
  const tracing = config.tracing ? startTracing(config.tracing) : null;
  const running = await startGateway({ ...config, logger, scrubber });
  const upstream = running.sandbox
    ? `the embedded sandbox with demo data at ${running.sandbox.url}`
    : running.upstreamUrl
      ? `the amoCRM account at ${new URL(running.upstreamUrl).origin}`
      : 'the amoCRM accounts installed through OAuth';
  logger.info(`amocrm-graphql is serving ${upstream}`);
  logger.info(`GraphQL and GraphiQL: ${running.url}/graphql`);
  if (config.oauth) logger.info(`Install into an amoCRM account: ${running.url}/oauth/install`);
  if (tracing) logger.info('OpenTelemetry tracing exports over OTLP/HTTP');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, draining in-flight requests`);
    running
      .close()
      .then(() => tracing?.shutdown())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('amocrm-graphql failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
