// The receiver's URL token. amoCRM does not sign webhooks, so the URL is the secret: per account,
// derived from WEBHOOK_SECRET, so nobody who lacks the secret can post events for an account.
// `<label>.<mac>`: the label says which account (`s` the static one, else the amoCRM id) so the
// receiver finds it without trying every account; the MAC covers the account's key.

import { createHmac, timingSafeEqual } from 'node:crypto';

export function webhookToken(secret: string, label: string, accountKey: string): string {
  return `${label}.${mac(secret, accountKey)}`;
}

/** Splits a token into label and MAC; null when it is not shaped like one. */
export function tokenLabel(token: string): string | null {
  const match = /^(s|[1-9]\d{0,14})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? match[1]! : null;
}

/** Constant-time check that `token` is the one for `accountKey`. */
export function verifyWebhookToken(secret: string, token: string, accountKey: string): boolean {
  const label = tokenLabel(token);
  if (label === null) return false;
  const expected = Buffer.from(webhookToken(secret, label, accountKey));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(secret: string, accountKey: string): string {
  return createHmac('sha256', secret).update(accountKey).digest('base64url');
}
