// Tokens in one encrypted file, for a single instance that restarts. The file is JSON mapping
// account id to its sealed JWE; every write replaces it whole (temp file, fsync, rename, fsync of
// the directory), so a crash leaves the old file or the new one, never half of either.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { assertAccountId, assertNextAccount, assertStoredAccount } from '../stored-account.js';
import type { TokenCipher } from '../token-crypto.js';
import { TokenStoreCorruptError } from '../token-store-errors.js';
import type { TokenStore } from '../types.js';

export interface FileTokenStoreOptions {
  path: string;
  cipher: TokenCipher;
}

type Sealed = Map<number, string>;

const ACCOUNT_KEY = /^[1-9][0-9]{0,15}$/;

// Read-modify-write cycles on one file run one at a time in this process, even across store
// instances opened on the same path; other processes are not expected (that is Redis's job).
const tails = new Map<string, Promise<unknown>>();

function serialized<T>(path: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(path) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(path, tail);
  void tail.then(() => {
    if (tails.get(path) === tail) tails.delete(path);
  });
  return run;
}

async function readSealed(path: string): Promise<Sealed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TokenStoreCorruptError(path, 'not JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TokenStoreCorruptError(path, 'not a JSON object of account id to sealed token');
  const sealed: Sealed = new Map();
  for (const [key, value] of Object.entries(parsed)) {
    if (!ACCOUNT_KEY.test(key) || !Number.isSafeInteger(Number(key))) throw new TokenStoreCorruptError(path, `a key is not an account id`);
    if (typeof value !== 'string') throw new TokenStoreCorruptError(path, `the value for account ${key} is not a string`);
    sealed.set(Number(key), value);
  }
  return sealed;
}

function serialize(sealed: Sealed): string {
  const entries = [...sealed.entries()].sort(([a], [b]) => a - b).map(([id, value]) => [String(id), value]);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/** A rename is durable only once the directory entry is on disk too. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) and file systems cannot fsync a directory; the rename still happened.
  } finally {
    await handle?.close();
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temp = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // 0600 from creation on: the tokens are never readable by others, not even for a moment.
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

export function createFileTokenStore(options: FileTokenStoreOptions): TokenStore {
  const path = resolve(options.path);
  const { cipher } = options;

  // Reads need no queue: the file is only ever replaced whole, so a read sees one version.
  // Reading on every call keeps instances on the same path in agreement without a cache to invalidate.
  return {
    async get(accountId) {
      assertAccountId(accountId);
      const value = (await readSealed(path)).get(accountId);
      return value === undefined ? null : cipher.open(accountId, value);
    },

    async put(account) {
      assertStoredAccount(account);
      const value = await cipher.seal(account);
      await serialized(path, async () => {
        const sealed = await readSealed(path);
        sealed.set(account.accountId, value);
        await writeAtomically(path, serialize(sealed));
      });
    },

    async compareAndSet(accountId, expectedRefreshToken, next) {
      assertNextAccount(accountId, next);
      const value = await cipher.seal(next);
      return serialized(path, async () => {
        const sealed = await readSealed(path);
        const stored = sealed.get(accountId);
        // An account that is gone (deleted, uninstalled) is not brought back by a refresh in flight.
        if (stored === undefined) return false;
        const current = await cipher.open(accountId, stored);
        if (current.token.refreshToken !== expectedRefreshToken) return false;
        sealed.set(accountId, value);
        await writeAtomically(path, serialize(sealed));
        return true;
      });
    },

    async delete(accountId) {
      assertAccountId(accountId);
      await serialized(path, async () => {
        const sealed = await readSealed(path);
        if (!sealed.delete(accountId)) return;
        await writeAtomically(path, serialize(sealed));
      });
    },

    async list() {
      return [...(await readSealed(path)).keys()].sort((a, b) => a - b);
    },
  };
}
