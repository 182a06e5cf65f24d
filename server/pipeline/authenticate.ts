/**
 * Steps 4–7 of docs/doku.md §1.8 as one stage: who is calling (RSA for token endpoints; B2B token,
 * partner and HMAC for the rest).
 */
import type { SnapRequest } from './snap-http.js';
import type { Deps } from '../deps.js';
import type { EndpointDefinition } from '../endpoint.js';
import type { Merchant } from '../config/load.js';
import type { TokenClaims } from '../auth/jwt.js';
import { H } from '../snap/headers.js';
import type { HeaderGet } from './check-headers.js';
import type { ParsedBody } from './parse-body.js';
import { verifyTokenRequest } from './verify-asymmetric.js';
import { verifyB2bToken, verifySymmetricSignature } from './verify-symmetric.js';

export interface Caller {
  merchant: Merchant;
  b2b?: TokenClaims;
}

export async function authenticate(
  def: EndpointDefinition<unknown>,
  req: SnapRequest,
  header: HeaderGet,
  parsed: ParsedBody,
  deps: Deps,
  now: number,
): Promise<Caller> {
  if (def.auth === 'asymmetric') return { merchant: verifyTokenRequest(header, deps.merchants) }; //  4-7 (RSA)
  const auth = await verifyB2bToken(header, deps, now); //                                                4-6
  const signed = {
    method: req.method,
    originalUrl: req.originalUrl,
    token: auth.token,
    body: parsed,
    timestamp: header(H.timestamp)!,
    signature: header(H.signature)!,
  };
  verifySymmetricSignature(signed, auth.merchant, deps.config.signatureMode === 'strict', header(H.mockDebug) === '1'); // 7 (HMAC)
  return { merchant: auth.merchant, b2b: auth.claims };
}
