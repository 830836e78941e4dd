// The process's one logger: pino, JSON lines, secrets removed twice. Structured fields named like
// credentials are redacted by path; and every finished line passes a scrubber that blanks Bearer
// credentials, JWT-shaped strings, long opaque tokens and the secret values we know, so a token
// quoted inside an error message never reaches the output either.

import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';
export type LogLevel = LevelWithSilent;
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The narrow seam the REST core, auth and account wiring log through. */
export type LogFn = (level: 'error' | 'warn' | 'info', message: string) => void;

const SECRET_KEYS = ['authorization', 'cookie', 'set-cookie', 'token', 'secret', 'password', 'client_secret', 'clientSecret', 'refresh_token', 'refreshToken', 'access_token', 'accessToken', 'x-auth-token', 'x-api-key', 'apiKey'];

/** pino `redact` paths: the key at the top, one level down, and inside any `headers` object. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const safe = /^[a-z_]+$/i.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (safe.startsWith('[') ? `${prefix}${safe}` : `${prefix}.${safe}`);
  return [safe.startsWith('[') ? safe : key, join('*'), join('headers'), join('*.headers')];
});

const REDACTED = '[redacted]';
const PATTERNS: RegExp[] = [
  // An Authorization value of any scheme that carries a credential.
  /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi,
  // JWTs (amoCRM access tokens, widget tokens, client JWTs): three base64url parts.
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // Opaque tokens (amoCRM refresh tokens are ~1 kB of hex, API keys and secrets long random
  // strings): a long run of token characters containing a digit. Words and paths never match.
  /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
  // `client_secret=…`, `refresh_token=…`, `"password":"…"` inside form bodies and quoted JSON.
  /\b(client_secret|refresh_token|access_token|password|token)(["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
];

export interface Scrubber {
  (text: string): string;
  /** Adds a secret value to blank wherever it appears (a static token, a client secret). */
  add(secret: string | null | undefined): void;
}

export function createScrubber(secrets: Iterable<string | null | undefined> = []): Scrubber {
  const known = new Set<string>();
  const scrub = ((text: string) => {
    let out = text;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (const pattern of PATTERNS) {
      out = out.replace(pattern, (match, key: string | undefined, separator: string | undefined) => {
        if (pattern === PATTERNS[0]) return `${key} ${REDACTED}`;
        if (pattern === PATTERNS[3]) return `${key}${separator}${REDACTED}`;
        return REDACTED;
      });
    }
    return out;
  }) as Scrubber;
  // Short values would blank ordinary words; the patterns above cover the short test tokens too.
  scrub.add = (secret) => {
    if (secret && secret.length >= 6) known.add(secret);
  };
  for (const secret of secrets) scrub.add(secret);
  return scrub;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream that keeps lines in memory. */
  destination?: DestinationStream;
  scrubber?: Scrubber;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const scrub = options.scrubber ?? createScrubber();
  // Synchronous: a line written just before process.exit is not lost.
  const target: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: true });
  // The last line of defence: whatever the fields were, the written line is scrubbed.
  const scrubbed: DestinationStream = { write: (line: string) => target.write(scrub(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'amocrm-graphql' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    scrubbed,
  );
}

/** The `log(level, message)` seam over a pino logger. */
export function logFnOf(logger: Logger): LogFn {
  return (level, message) => logger[level](message);
}

/** A destination that keeps every line in memory (tests). */
export function memoryDestination(): DestinationStream & { lines: string[]; records(): Record<string, unknown>[] } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
