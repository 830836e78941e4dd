// Where the account lives. amoCRM accounts can be renamed (a new subdomain); the sandbox stands a
// host:port in for a subdomain, so a sandbox listening on two ports has two of them, and the Host
// header tells which one a request came to. Until a rename, every origin serves the account.

export interface AccountHost {
  /** The host:port the account was renamed to, or null when it never was. */
  current(): string | null;
  /** Whether requests to `host` reach the account: false on the subdomain it was renamed away from. */
  serves(host: string): boolean;
  /** The account's host:port as a request that came to `host` learns it. */
  domainFor(host: string): string;
  /** The account's origin (`http://host:port`) for token claims made outside a request. */
  origin(): string;
  /** Makes `origin` (a URL or a bare host:port) the account's host; returns that host:port. */
  renameTo(origin: string): string;
  /** Records an origin the sandbox listens on. */
  listening(url: string): void;
}

function parse(origin: string): { host: string; origin: string } {
  const url = new URL(origin.includes('://') ? origin : `http://${origin}`);
  if (url.host === '') throw new TypeError(`renameTo needs an origin such as http://127.0.0.1:4010, got "${origin}"`);
  return { host: url.host.toLowerCase(), origin: url.origin };
}

export function createAccountHost(options: { subdomain: () => string }): AccountHost {
  let renamed: { host: string; origin: string } | null = null;
  const origins: string[] = [];
  return {
    current: () => renamed?.host ?? null,
    serves: (host) => renamed === null || renamed.host === host.toLowerCase(),
    domainFor: (host) => renamed?.host ?? host.toLowerCase(),
    // Before any listen() there is no sandbox origin yet: name the account as amoCRM would.
    origin: () => renamed?.origin ?? origins[0] ?? `https://${options.subdomain()}.amocrm.ru`,
    renameTo(origin) {
      renamed = parse(origin);
      return renamed.host;
    },
    listening(url) {
      origins.push(parse(url).origin);
    },
  };
}
