/**
 * Real RS256 JWTs made with jose, shaped like DOKU's sample token (docs/doku.md §3.1): header
 * `{"alg":"RS256"}`, claims `exp`, `iss: "DOKU"`, `clientId`. Access tokens are not stored: the
 * `epoch` claim names the store they were issued by (a random id made with the state and renewed
 * by a reset), so a token from before a reset, or from another sandbox's state, is "Token Not
 * Found" without a record per token (a token request costs no write; issue #6 soak).
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import type { KeyObject } from 'node:crypto';

export type TokenUse = 'B2B' | 'B2B2C';

export interface TokenClaims {
  jti: string;
  clientId: string;
  exp: number;
  use: TokenUse;
  /** the store's token epoch at issue (store.tokenEpoch) */
  epoch: string;
  /** the binding a customer token belongs to */
  sub?: string;
}

export async function issueJwt(key: KeyObject, claims: TokenClaims): Promise<string> {
  const jwt = new SignJWT({ clientId: claims.clientId, use: claims.use, epoch: claims.epoch })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer('DOKU')
    .setJti(claims.jti)
    .setExpirationTime(claims.exp);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(key);
}

/** A B2B access token of `clientId`, valid `ttlSeconds` from `nowMs`: the token endpoint's, and the one Node's notification helper signs with. */
export function issueB2bToken(key: KeyObject, t: { jti: string; clientId: string; epoch: string; nowMs: number; ttlSeconds: number }) {
  return issueJwt(key, { jti: t.jti, clientId: t.clientId, exp: Math.floor(t.nowMs / 1000) + t.ttlSeconds, use: 'B2B', epoch: t.epoch });
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; why: 'expired' | 'invalid' };

/**
 * Tokens whose signature already verified, per key: a token's claims cannot change, so only its
 * expiry is checked again (against the sandbox clock). Every SDK reuses one token for many calls,
 * and RSA verification through WebCrypto was the largest CPU cost of a payment (docs/performance.md).
 * Whether the token is still known (its epoch the store's) is still asked on every request.
 */
const verified = new WeakMap<KeyObject, Map<string, TokenClaims>>();
const CACHE_SIZE = 10_000;

export async function verifyJwt(key: KeyObject, token: string, use: TokenUse, nowMs: number): Promise<VerifyResult> {
  let cache = verified.get(key);
  if (!cache) verified.set(key, (cache = new Map()));
  const hit = cache.get(token);
  if (hit && hit.use === use) return hit.exp * 1000 > nowMs ? { ok: true, claims: hit } : { ok: false, why: 'expired' };
  const result = await verifyUncached(key, token, use, nowMs);
  if (result.ok) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(token, result.claims);
  }
  return result;
}

async function verifyUncached(key: KeyObject, token: string, use: TokenUse, nowMs: number): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: 'DOKU', algorithms: ['RS256'], currentDate: new Date(nowMs) });
    if (payload.use !== use || typeof payload.clientId !== 'string' || typeof payload.jti !== 'string')
      return { ok: false, why: 'invalid' };
    // a token of an older version (no epoch) verifies, then is unknown to every store: "Token Not Found"
    const epoch = typeof payload.epoch === 'string' ? payload.epoch : '';
    return { ok: true, claims: { jti: payload.jti, clientId: payload.clientId, exp: payload.exp ?? 0, use, sub: payload.sub, epoch } };
  } catch (e) {
    return { ok: false, why: e instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
