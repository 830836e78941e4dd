// GET/PUT/PATCH/DELETE /__sandbox/faults: switches faults from outside the process (out-of-process
// tests, the benchmark harness). No auth, not logged, never faulted itself.
//   GET     the active faults
//   PUT     replaces them with the JSON body (the seed stays unless given)
//   PATCH   merges the JSON body, e.g. {"ban": false} lifts a ban
//   DELETE  removes every fault (204)

import type { IncomingMessage } from 'node:http';
import { MAX_BODY, readBody } from '../http/body.js';
import { problem, type Reply } from '../http/reply.js';
import { InvalidFaultsError } from './check.js';
import { checkFaultUpdate, type Faults, type FaultUpdate } from './injector.js';

export const FAULTS_PATH = '/__sandbox/faults';

const json = (body: unknown): Reply => ({ status: 200, body, contentType: 'application/json' });

export function faultControl(faults: Faults): (req: IncomingMessage) => Promise<Reply> {
  return async (req) => {
    const method = req.method ?? 'GET';
    if (method === 'GET') return json(faults.get());
    if (method === 'DELETE') {
      faults.reset();
      return { status: 204 };
    }
    if (method !== 'PUT' && method !== 'PATCH') {
      return problem(405, `${method} is not supported here`, { headers: { allow: 'GET, PUT, PATCH, DELETE' } });
    }
    const text = await readBody(req);
    if (text === null) return problem(400, `The body is over ${MAX_BODY} bytes`);
    let update: unknown;
    try {
      update = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return problem(400, 'The body is not JSON');
    }
    try {
      if (method === 'PUT') {
        // Checked first, so a bad body leaves the active faults as they were.
        checkFaultUpdate(update);
        faults.reset();
      }
      return json(faults.set(update as FaultUpdate));
    } catch (error) {
      if (error instanceof InvalidFaultsError) return problem(400, error.message);
      throw error;
    }
  };
}
