// A small route table: `/api/v4/leads/:id` style patterns, the most literal match wins, and a path
// known under another method answers 405 with `Allow` (amoCRM answers 405 there too).

import type { RequestContext } from './context.js';
import type { Reply } from './reply.js';

export type RouteHandler = (ctx: RequestContext) => Reply;

export interface Route {
  method: string;
  path: string;
  handler: RouteHandler;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

interface Compiled {
  route: Route;
  segments: string[];
  score: number;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = segments[i]!;
    else if (expected !== segments[i]) return null;
  }
  return params;
}

export function createRouter(routes: readonly Route[]) {
  const compiled: Compiled[] = routes.map((route) => {
    const segments = split(route.path);
    return { route, segments, score: segments.reduce((sum, segment) => sum + (segment.startsWith(':') ? 1 : 2), 0) };
  });
  return {
    match(method: string, path: string): RouteMatch {
      const segments = split(path);
      const candidates = compiled
        .map((entry) => ({ entry, params: matchSegments(entry.segments, segments) }))
        .filter((candidate): candidate is { entry: Compiled; params: Record<string, string> } => candidate.params !== null);
      if (candidates.length === 0) return { kind: 'not-found' };
      const best = Math.max(...candidates.map((candidate) => candidate.entry.score));
      const top = candidates.filter((candidate) => candidate.entry.score === best);
      const hit = top.find((candidate) => candidate.entry.route.method === method);
      if (hit) return { kind: 'found', route: hit.entry.route, params: hit.params };
      return { kind: 'method-not-allowed', allow: [...new Set(top.map((candidate) => candidate.entry.route.method))] };
    },
  };
}
