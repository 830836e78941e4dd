// Reads a request body into a string, up to a limit; shared by the endpoints that take one (the
// fault control, the OAuth token endpoint). Never rejects: a dropped upload reads as no body.

import type { IncomingMessage } from 'node:http';

export const MAX_BODY = 64 * 1024;

/** The body as UTF-8, or null when it is over `limit` bytes or the upload broke off. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      // Read to the end even when too large: leaving early would destroy the socket before the 400.
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    }
  } catch {
    return null;
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}
