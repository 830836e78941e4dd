// `npm run sandbox`: serves the sandbox alone. Flags: --port (4010), --host (127.0.0.1), --token,
// --seed.

import { parseArgs } from 'node:util';
import { createSandbox } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const sandbox = createSandbox({
  token: values.token,
  seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
});
const server = await sandbox.listen({ port: integer('port', values.port, 0, 65_535), host: values.host });

console.log(`amoCRM sandbox listening on ${server.url}`);
console.log(`  API:   ${server.url}/api/v4/account`);
console.log(`  token: ${sandbox.token}  (Authorization: Bearer ${sandbox.token})`);
console.log(`  log:   ${server.url}/__sandbox/requests`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox`);
  await server.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
