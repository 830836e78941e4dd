// Requests Yoga cannot make sense of get a GraphQL error body and a 4xx, like every other
// refusal, where Yoga's own answer is something a client cannot read that way:
// - a body no request parser understands (XML, octet-stream, a POST with no Content-Type):
//   Yoga answers a bare 415 with no body;
// - `variables` or `extensions` in a GET's query string that are not JSON: Yoga's GET parser lets
//   the SyntaxError escape, which comes out as a 500.

import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function useMalformedRequestErrors(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      // Yoga's parsers are registered before any user plugin and pick one by method and
      // Content-Type; none here means Yoga is about to send its bodiless 415.
      if (requestParser === undefined) {
        if (request.method !== 'POST') return; // Yoga's 405 for other methods has a body already
        const given = request.headers.get('content-type');
        throw createGraphQLError(
          `Unsupported Content-Type ${given === null ? '(none)' : JSON.stringify(given)}: send application/json ` +
            '(or application/graphql with the query as the body).',
          { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } } },
        );
      }
      if (request.method !== 'GET') return; // the POST parsers report bad JSON themselves
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('The "variables" and "extensions" query parameters must be JSON objects.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
