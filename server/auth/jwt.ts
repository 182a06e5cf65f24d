/**
 * Real RS256 JWTs made with jose, shaped like DOKU's sample token (spec §3.1): header
 * `{"alg":"RS256"}`, claims `exp`, `iss: "DOKU"`, `clientId`. A `jti` ties each token to its
 * record in the store so reset/revocation can make it "Token Not Found".
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import type { KeyObject } from 'node:crypto';

export type TokenUse = 'B2B' | 'B2B2C';

export interface TokenClaims {
  jti: string;
  clientId: string;
  exp: number;
  use: TokenUse;
  /** the binding a customer token belongs to */
  sub?: string;
}

export async function issueJwt(key: KeyObject, claims: TokenClaims): Promise<string> {
  const jwt = new SignJWT({ clientId: claims.clientId, use: claims.use })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer('DOKU')
    .setJti(claims.jti)
    .setExpirationTime(claims.exp);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(key);
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; why: 'expired' | 'invalid' };

/** Verifies signature, issuer, expiry (against the sandbox clock) and the token's use. */
export async function verifyJwt(key: KeyObject, token: string, use: TokenUse, nowMs: number): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: 'DOKU', algorithms: ['RS256'], currentDate: new Date(nowMs) });
    if (payload.use !== use || typeof payload.clientId !== 'string' || typeof payload.jti !== 'string') return { ok: false, why: 'invalid' };
    return { ok: true, claims: { jti: payload.jti, clientId: payload.clientId, exp: payload.exp ?? 0, use, sub: payload.sub } };
  } catch (e) {
    return { ok: false, why: e instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
