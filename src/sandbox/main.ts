// `npm run sandbox`: serves the sandbox alone. Flags: --port (4010), --host (127.0.0.1), --token,
// --seed, the faults: --latency 50 | 20-200, --rate-limit 7 [--ban-after 10 [--ban-ms 60000]],
// --ban, --error-rate 0.2, --reset-rate 0.1, --shuffle 1 [--omit-rate 0.1], --fault-seed N, and an
// OAuth integration:
// --client-id ID --client-secret SECRET --redirect-uri URL [--access-ttl SECONDS].

import { parseArgs } from 'node:util';
import { FAULT_FLAGS, FAULT_FLAGS_HELP, faultsFromFlags } from './faults/cli.js';
import { describeFaults, FAULTS_PATH, InvalidFaultsError, type FaultUpdate } from './faults/index.js';
import { createSandbox } from './index.js';
import { describeOAuth, InvalidOAuthFlagsError, OAUTH_FLAGS, OAUTH_FLAGS_HELP, oauthFromFlags } from './oauth/cli.js';
import type { OAuthOptions } from './oauth/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    seed: { type: 'string', default: '1' },
    ...FAULT_FLAGS,
    ...OAUTH_FLAGS,
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

let faults: FaultUpdate;
try {
  faults = faultsFromFlags(values);
} catch (error) {
  if (!(error instanceof InvalidFaultsError)) throw error;
  console.error(`${error.message}\n  fault flags: ${FAULT_FLAGS_HELP}`);
  process.exit(2);
}

let oauth: OAuthOptions | undefined;
try {
  oauth = oauthFromFlags(values);
} catch (error) {
  if (!(error instanceof InvalidOAuthFlagsError)) throw error;
  console.error(`${error.message}\n  oauth flags: ${OAUTH_FLAGS_HELP}`);
  process.exit(2);
}

const sandbox = createSandbox({
  token: values.token,
  seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
  faults,
  oauth,
});
const server = await sandbox.listen({ port: integer('port', values.port, 0, 65_535), host: values.host });
// The files API on its own origin (any free port), named by the account's drive_url.
const drive = await sandbox.listenDrive({ port: 0, host: values.host });

console.log(`amoCRM sandbox listening on ${server.url}`);
console.log(`  API:   ${server.url}/api/v4/account`);
console.log(`  token: ${sandbox.token}  (Authorization: Bearer ${sandbox.token})`);
console.log(`  files: ${drive.url}/v1.0/files  (the account's drive_url)`);
console.log(`  log:   ${server.url}/__sandbox/requests`);
console.log(`  faults: ${describeFaults(sandbox.faults.get())}  (switch them at ${server.url}${FAULTS_PATH})`);
for (const line of describeOAuth(oauth, server.url)) console.log(`  ${line}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox`);
  await server.close();
  await drive.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
