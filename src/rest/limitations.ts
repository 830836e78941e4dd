// What amoCRM documents as limiting an endpoint: admin-only rights, a plan, or a mode that must be
// on. A 402 or 403 from such an endpoint says which limit applies, so every caller (a read, a
// per-item write result, a log line) can tell "not allowed here" from "broken".

const ADMIN = 'amoCRM lets only account administrators use this';

interface Limitation {
  method: RegExp;
  path: RegExp;
  text: string;
}

const WRITE = /^(POST|PATCH|PUT|DELETE)$/;
const ANY = /./;

/** First match wins; paths are without the query string. */
const LIMITATIONS: Limitation[] = [
  { method: WRITE, path: /^\/api\/v4\/leads\/(pipelines|loss_reasons)(\/|$)/, text: `${ADMIN}: pipelines, stages and loss reasons are managed by administrators` },
  { method: WRITE, path: /^\/api\/v4\/[a-z]+(\/\d+)?\/custom_fields(\/|$)/, text: `${ADMIN}: custom fields and their groups are managed by administrators` },
  { method: WRITE, path: /^\/api\/v4\/users$/, text: `${ADMIN}: only administrators add users` },
  { method: ANY, path: /^\/api\/v4\/roles(\/|$)/, text: `${ADMIN}: roles are read and managed by administrators only` },
  { method: ANY, path: /^\/api\/v4\/webhooks(\/|$)/, text: `${ADMIN}: the webhooks API is for administrators only` },
  { method: WRITE, path: /^\/api\/v4\/widgets\//, text: `${ADMIN}: only administrators install and uninstall widgets` },
  { method: WRITE, path: /^\/api\/v4\/website_buttons(\/|$)/, text: `${ADMIN}: website buttons are set up by administrators` },
  { method: WRITE, path: /^\/api\/v4\/sources(\/|$)/, text: `${ADMIN}: sources are managed by administrators` },
  { method: ANY, path: /^\/api\/v4\/chats\/templates(\/|$)/, text: `${ADMIN}: chat templates are for administrators only` },
  { method: WRITE, path: /^\/api\/v4\/customers\/mode$/, text: `${ADMIN}: only administrators switch the customers mode` },
  { method: ANY, path: /^\/api\/v4\/customers(\/|$)/, text: 'customers must be turned on in the account (customers mode), and statuses and segments each need their mode' },
  { method: WRITE, path: /^\/api\/v4\/catalogs\/products\/settings$/, text: `${ADMIN}: only administrators turn products on or off` },
  { method: ANY, path: /^\/api\/v4\/catalogs(\/|$)/, text: "lists (catalogs) need amoCRM's Extended plan and a user with access to lists" },
];

/** The documented limit of an endpoint, if it has one. */
export function limitationOf(method: string, path: string): string | null {
  const bare = path.split('?')[0]!;
  return LIMITATIONS.find((entry) => entry.method.test(method) && entry.path.test(bare))?.text ?? null;
}
