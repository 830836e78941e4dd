// Errors after commit: the request is carried out as usual (a write lands in the store), then the
// gateway answers 502/504 instead, so the client cannot tell whether it happened. Writes only,
// unless `methods` says otherwise.

import type { Reply } from '../http/reply.js';
import type { Random } from '../random.js';
import { matchesMethod, methods, probability, record, statuses } from './check.js';
import { nginxPage } from './html.js';

export interface ErrorAfterCommitSetting {
  /** Fraction of matching requests, 0 to 1. */
  rate: number;
  /** Drawn uniformly per failed request (default 502, 504). */
  statuses?: number[];
  /** Default: the writes, POST, PATCH, PUT and DELETE. */
  methods?: string[];
}

const WRITES = ['POST', 'PATCH', 'PUT', 'DELETE'];

export function checkErrorAfterCommit(value: unknown): ErrorAfterCommitSetting {
  const input = record('errorAfterCommit', value, ['rate', 'statuses', 'methods']);
  const setting: ErrorAfterCommitSetting = { rate: probability('errorAfterCommit.rate', input.rate) };
  const codes = statuses('errorAfterCommit.statuses', input.statuses, 500, 599);
  if (codes) setting.statuses = codes;
  const only = methods('errorAfterCommit.methods', input.methods);
  if (only) setting.methods = only;
  return setting;
}

/** Decided at arrival (one draw per matching request, one more for the status); applied to the real answer. */
export function createErrorAfterCommit(setting: ErrorAfterCommitSetting, random: Random): (method: string) => ((real: Reply) => Reply) | null {
  const codes = setting.statuses ?? [502, 504];
  return (method) => {
    if (!matchesMethod(setting.methods ?? WRITES, method) || !random.chance(setting.rate)) return null;
    const status = random.pick(codes);
    return () => nginxPage(status);
  };
}
