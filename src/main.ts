// `npm start`: read the configuration, start the gateway, say where GraphiQL is, stop cleanly.

import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './server/app.js';

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
  const running = await startGateway(config);
  const upstream = running.sandbox
    ? `the embedded sandbox with demo data at ${running.sandbox.url}`
    : running.upstreamUrl
      ? `the amoCRM account at ${new URL(running.upstreamUrl).origin}`
      : 'the amoCRM accounts installed through OAuth';
  console.log(`amocrm-graphql is serving ${upstream}`);
  console.log(`GraphQL and GraphiQL: ${running.url}/graphql`);
  if (config.oauth) console.log(`Install into an amoCRM account: ${running.url}/oauth/install`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
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
