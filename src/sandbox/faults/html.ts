// The pages amoCRM's nginx front answers with when the request never reaches (or never returns
// from) the API: text/html, not problem+json, and no Retry-After.

import type { Reply } from '../http/reply.js';

// nginx's own reason phrases, which differ from the RFC's for 503 and 504.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export function nginxHtml(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return ['<html>', `<head><title>${title}</title></head>`, '<body>', `<center><h1>${title}</h1></center>`, '<hr><center>nginx</center>', '</body>', '</html>', ''].join('\r\n');
}

export const nginxPage = (status: number): Reply => ({
  status,
  body: nginxHtml(status),
  contentType: 'text/html',
  headers: { server: 'nginx' },
});
