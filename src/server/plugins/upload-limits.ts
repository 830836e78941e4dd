// Body size limits per kind of request: a JSON (or form, or GraphQL string) body keeps the small
// `maxBodyBytes`; a GraphQL multipart request (file uploads) may carry `maxUploadBytes` of files
// on top. Yoga has one limit for every body, set to the larger sum as a backstop; this plugin
// holds each kind to its own, by Content-Length at once and while a chunked body streams in.
// A multipart body without `operations` is not a GraphQL request at all: 415, as before uploads.

import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface UploadLimitOptions {
  maxBodyBytes: number;
  maxUploadBytes: number;
}

/** Room for `operations`, `map` and the multipart framing around the files. */
export const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

const tooLarge = (what: string) =>
  createGraphQLError(`Request body too large${what}`, { extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } } });

export function isMultipart(request: Request): boolean {
  return request.method === 'POST' && /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
}

type FetchAPI = { Request: typeof Request; TransformStream: typeof TransformStream };

/** As Yoga's own limit does it: its Request class (whose parsers the JSON checks rely on). */
function limited(request: Request, limit: number, what: string, fetchAPI: FetchAPI): Request {
  if (!request.body) return request;
  let read = 0;
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const body = request.body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge(what));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' } as RequestInit);
}

export function useUploadLimits(options: UploadLimitOptions): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (requestParser === undefined) return;
      const multipart = isMultipart(request);
      const limit = multipart ? options.maxUploadBytes + MULTIPART_ENVELOPE_BYTES : options.maxBodyBytes;
      const what = multipart ? `: uploads may carry at most ${options.maxUploadBytes} bytes of files` : '';
      const declared = request.headers.get('content-length');
      if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(what);
      setRequestParser(async (req) => {
        try {
          return await requestParser(limited(req, limit, what, fetchAPI as unknown as FetchAPI));
        } catch (error) {
          if (multipart && error instanceof Error && /Missing multipart form field "operations"/.test(error.message)) {
            throw createGraphQLError('A multipart body must be a GraphQL multipart request (operations, map, then the files).', {
              extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
            });
          }
          throw error;
        }
      });
    },
  };
}
