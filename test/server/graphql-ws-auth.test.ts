// graphql-ws is held to the same client authentication as HTTP: a socket without accepted
// credentials is closed before it can run anything; credentials in the upgrade request's headers
// or in the connection params are accepted, and the operation speaks for their account.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { hashApiKey } from '../../src/auth/client/api-key.js';
import { ACCOUNT_ID } from '../../src/sandbox/seed/ids.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { startGateway, type RunningGateway } from '../../src/server/app.js';
import { gatewayOptions, TEST_TOKEN } from '../helpers/stack.js';

const API_KEY = 'ws-test-api-key-0123456789abcdefghijkl';

describe('graphql-ws and client authentication', () => {
  let upstream: { url: string; close(): Promise<void> };
  let gateway: RunningGateway;
  let wsUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    upstream = await createSandbox({ seed: 1, token: TEST_TOKEN }).listen({ port: 0, host: '127.0.0.1' });
    gateway = await startGateway(gatewayOptions(upstream.url, {
      allowAnonymous: false,
      clientAuth: { apiKeys: `${hashApiKey(API_KEY)}:${ACCOUNT_ID}:tests` },
      production: true,
    }));
    wsUrl = `${gateway.url.replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway?.close();
    await upstream?.close();
  });

  /** Runs one query over a fresh socket: its result, or how the socket was closed. */
  function run(options: { connectionParams?: Record<string, string>; headers?: Record<string, string> }): Promise<any> {
    class WithHeaders extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: options.headers });
      }
    }
    const client = createClient({ url: wsUrl, webSocketImpl: WithHeaders, retryAttempts: 0, lazy: true, connectionParams: options.connectionParams });
    clients.push(client);
    return new Promise((resolve) => {
      let result: unknown;
      client.subscribe(
        { query: '{ account { amoId } }' },
        {
          next: (value) => (result = value),
          error: (error) => resolve({ closed: (error as { code?: number }).code ?? String(error) }),
          complete: () => resolve(result),
        },
      );
    });
  }

  it('closes a socket that carries no credentials, or wrong ones, before running anything', async () => {
    expect(await run({})).toEqual({ closed: 4403 });
    expect(await run({ connectionParams: { 'x-api-key': `${API_KEY}x` } })).toEqual({ closed: 4403 });
  });

  it('accepts an API key in the connection params or in the upgrade request, for its account', async () => {
    expect(await run({ connectionParams: { 'x-api-key': API_KEY } })).toEqual({ data: { account: { amoId: ACCOUNT_ID } } });
    expect(await run({ headers: { 'x-api-key': API_KEY } })).toEqual({ data: { account: { amoId: ACCOUNT_ID } } });
  });
});
