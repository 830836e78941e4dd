// What every workload gets: the mode, the sandbox (store and request log), the gateway process
// and a GraphQL client for it, the two baselines, and the progress printer.

import type { DirectClient } from '../baselines/direct-rest.js';
import type { NaiveClient } from '../baselines/naive-client.js';
import type { MeasuredGateway } from '../env/built-gateway.js';
import type { GatewayChild } from '../env/gateway-child.js';
import type { GraphQLClient } from '../env/graphql-client.js';
import type { BenchSandbox } from '../env/sandbox.js';
import type { BenchMode } from '../modes.js';
import type { Progress } from '../progress.js';

export interface BenchContext {
  mode: BenchMode;
  sandbox: BenchSandbox;
  gateway: GatewayChild;
  gql: GraphQLClient;
  /** Where W1's requests/second and RSS are measured: the `npm start` build in full mode, the tsx child in quick mode. */
  measured: MeasuredGateway;
  /** Full mode: the same build with V8's heap capped, to show what bounds RSS and what it costs. */
  startCapped?: () => Promise<MeasuredGateway & { cap: string }>;
  direct: DirectClient;
  naive: NaiveClient;
  progress: Progress;
}
