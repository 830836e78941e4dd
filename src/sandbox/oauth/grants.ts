// The OAuth state of the account: authorization codes, grants (one per consent), their refresh
// tokens and the access tokens issued under them. Every decision here is synchronous, so two
// refreshes racing with one token are decided in arrival order: the first rotates it, the second
// finds it spent. Times are the sandbox clock, unix ms.

import { randomBytes } from 'node:crypto';
import type { CodeHint, RefreshTokenHint } from './problem.js';

export type GrantStatus = 'active' | 'revoked';
export type RevokeReason = 'refresh token reused' | 'revoked';

/** What `sandbox.oauth.grants()` reports of one grant. */
export interface GrantState {
  id: number;
  status: GrantStatus;
  /** The amoCRM user who allowed access. */
  userId: number;
  /** Successful refreshes so far. */
  refreshCount: number;
  /** Access tokens issued under the grant (the code exchange and every refresh). */
  accessTokensIssued: number;
  /** Unix ms on the sandbox clock, as are `revokedAt` and every expiry here. */
  createdAt: number;
  revokedAt: number | null;
  /** `refresh token reused` (a spent refresh token came back) or `revoked` (`sandbox.oauth.revoke()`). */
  revokedReason: RevokeReason | null;
}

interface Grant extends GrantState {
  /** The one refresh token that may still be used. */
  refreshToken: string;
}

interface CodeRecord {
  userId: number;
  expiresAt: number;
  used: boolean;
}

interface RefreshRecord {
  grantId: number;
  expiresAt: number;
  used: boolean;
}

interface AccessRecord {
  grantId: number;
  expiresAt: number;
}

export type Issued = { ok: true; grantId: number; userId: number; refreshToken: string };
export type CodeOutcome = Issued | { ok: false; hint: CodeHint; notes: string[] };
export type RefreshOutcome = Issued | { ok: false; hint: RefreshTokenHint; notes: string[] };
export type AccessCheck = { ok: true; grantId: number } | { ok: false; note?: string };

/** Opaque like League's encrypted tokens: `def50200` and a long hex tail. */
export const opaqueToken = (): string => `def50200${randomBytes(160).toString('hex')}`;

export interface Grants {
  issueCode(userId: number): string;
  redeemCode(code: string): CodeOutcome;
  /** Spends `refreshToken` and rotates the grant onto a new one. */
  refresh(refreshToken: string): RefreshOutcome;
  /** Registers an access token signed for `grantId`, valid until `expiresAt`. */
  addAccessToken(token: string, grantId: number, expiresAt: number): void;
  checkAccessToken(token: string): AccessCheck;
  /** Whether `refreshToken` could refresh now (the subdomain look-up needs an active one). */
  checkRefreshToken(refreshToken: string): { ok: true } | { ok: false; hint: RefreshTokenHint };
  expireAccessTokens(): number;
  revoke(grantId?: number): number;
  list(): GrantState[];
}

export function createGrants(options: {
  now: () => number;
  codeTtlSec: number;
  refreshTtlSec: number;
  revokeOnReuse: boolean;
}): Grants {
  const { now } = options;
  const codes = new Map<string, CodeRecord>();
  const grants = new Map<number, Grant>();
  const refreshTokens = new Map<string, RefreshRecord>();
  const accessTokens = new Map<string, AccessRecord>();
  let nextGrantId = 1;

  function newRefreshToken(grantId: number): string {
    const token = opaqueToken();
    refreshTokens.set(token, { grantId, expiresAt: now() + options.refreshTtlSec * 1000, used: false });
    return token;
  }

  function revokeGrant(grant: Grant, reason: RevokeReason): void {
    if (grant.status === 'revoked') return;
    grant.status = 'revoked';
    grant.revokedAt = now();
    grant.revokedReason = reason;
  }

  function checkRefresh(refreshToken: string): { ok: true; record: RefreshRecord; grant: Grant } | { ok: false; hint: RefreshTokenHint; reused: boolean } {
    const record = refreshTokens.get(refreshToken);
    const grant = record && grants.get(record.grantId);
    if (!record || !grant) return { ok: false, hint: 'Cannot decrypt the refresh token', reused: false };
    if (record.used) return { ok: false, hint: 'Token has been revoked', reused: true };
    if (grant.status === 'revoked') return { ok: false, hint: 'Token has been revoked', reused: false };
    if (now() >= record.expiresAt) return { ok: false, hint: 'Token has expired', reused: false };
    return { ok: true, record, grant };
  }

  return {
    issueCode(userId) {
      const code = opaqueToken();
      codes.set(code, { userId, expiresAt: now() + options.codeTtlSec * 1000, used: false });
      return code;
    },

    redeemCode(code) {
      const record = codes.get(code);
      if (!record) return { ok: false, hint: 'Cannot decrypt the authorization code', notes: ['unknown code'] };
      // League checks expiry before revocation.
      if (now() >= record.expiresAt) return { ok: false, hint: 'Authorization code has expired', notes: ['code expired'] };
      if (record.used) return { ok: false, hint: 'Authorization code has been revoked', notes: ['code reused'] };
      record.used = true;
      const id = nextGrantId++;
      const grant: Grant = {
        id,
        status: 'active',
        userId: record.userId,
        refreshCount: 0,
        accessTokensIssued: 0,
        createdAt: now(),
        revokedAt: null,
        revokedReason: null,
        refreshToken: '',
      };
      grant.refreshToken = newRefreshToken(id);
      grants.set(id, grant);
      return { ok: true, grantId: id, userId: grant.userId, refreshToken: grant.refreshToken };
    },

    refresh(refreshToken) {
      const check = checkRefresh(refreshToken);
      if (!check.ok) {
        const notes: string[] = [];
        if (check.reused) {
          notes.push('refresh token reused');
          const grant = grants.get(refreshTokens.get(refreshToken)!.grantId)!;
          if (options.revokeOnReuse && grant.status === 'active') {
            revokeGrant(grant, 'refresh token reused');
            notes.push('grant revoked');
          }
        }
        return { ok: false, hint: check.hint, notes };
      }
      check.record.used = true;
      check.grant.refreshCount++;
      check.grant.refreshToken = newRefreshToken(check.grant.id);
      return { ok: true, grantId: check.grant.id, userId: check.grant.userId, refreshToken: check.grant.refreshToken };
    },

    addAccessToken(token, grantId, expiresAt) {
      accessTokens.set(token, { grantId, expiresAt });
      const grant = grants.get(grantId);
      if (grant) grant.accessTokensIssued++;
    },

    checkAccessToken(token) {
      const record = accessTokens.get(token);
      if (!record) return { ok: false };
      if (grants.get(record.grantId)?.status !== 'active') return { ok: false, note: 'access token revoked' };
      if (now() >= record.expiresAt) return { ok: false, note: 'access token expired' };
      return { ok: true, grantId: record.grantId };
    },

    checkRefreshToken(refreshToken) {
      const check = checkRefresh(refreshToken);
      return check.ok ? { ok: true } : { ok: false, hint: check.hint };
    },

    expireAccessTokens() {
      const at = now();
      let expired = 0;
      for (const record of accessTokens.values()) {
        if (record.expiresAt > at) {
          record.expiresAt = at;
          expired++;
        }
      }
      return expired;
    },

    revoke(grantId) {
      let revoked = 0;
      for (const grant of grants.values()) {
        if ((grantId === undefined || grant.id === grantId) && grant.status === 'active') {
          revokeGrant(grant, 'revoked');
          revoked++;
        }
      }
      return revoked;
    },

    list: () =>
      [...grants.values()].map(({ refreshToken: _secret, ...state }) => ({ ...state })),
  };
}
