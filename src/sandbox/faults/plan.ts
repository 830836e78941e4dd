// What the fault injector decides for one request at its arrival, and the handler carries out:
// wait, then answer instead of the API, drop the socket, or route and maybe replace the answer.

import type { Reply } from '../http/reply.js';

/** The name a faulted request carries in the request log (`fault`, and a `fault: <name>` note). */
export type FaultName = 'rate-limit' | 'ban' | '5xx' | 'reset' | 'after-commit' | 'shuffle';

export type FaultAction =
  | { kind: 'answer'; reply: Reply }
  | { kind: 'reset' }
  /** The request reaches auth and routing; `after`, when set, replaces whatever they answered. */
  | { kind: 'route'; after?: (reply: Reply) => Reply };

export interface FaultPlan {
  /** Latency before the action, in ms. */
  delayMs: number;
  fault?: FaultName;
  action: FaultAction;
}

export interface ArrivingRequest {
  method: string;
  /** Pathname, decoded, without a trailing slash. */
  path: string;
  /** Arrival time on the sandbox clock, unix ms. */
  at: number;
}
