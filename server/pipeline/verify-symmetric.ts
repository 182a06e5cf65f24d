/**
 * Transactional endpoints, steps 4–7 of docs/doku.md §1.8: the B2B token (valid `401xx01`, known `401xx03`),
 * the partner (`401xx00 Unknown Client`), then the HMAC-SHA512 signature (`401xx00 Invalid Signature`)
 * verified the way docs/sdks.md recommends so all five official SDKs pass.
 */
import { createHmac } from 'node:crypto';
import type { Merchant } from '../config/load.js';
import type { Deps } from '../deps.js';
import { verifyJwt, type TokenClaims } from '../auth/jwt.js';
import { H } from '../snap/headers.js';
import { invalidSignature, invalidToken, tokenNotFound, unknownClient } from '../snap/errors.js';
import { sha256Hex, signatureMatches, symmetricStringToSign } from '../snap/signature.js';
import { bodyCandidates } from '../snap/body-canonical.js';
import { explainSymmetric } from '../snap/explain.js';
import type { HeaderGet } from './check-headers.js';
import type { ParsedBody } from './parse-body.js';

export async function verifyB2bToken(
  get: HeaderGet,
  deps: Deps,
  now: number,
): Promise<{ merchant: Merchant; claims: TokenClaims; token: string }> {
  const token = get(H.authorization)!.slice('Bearer '.length);
  const result = await verifyJwt(deps.config.jwtPublicKey, token, 'B2B', now);
  if (!result.ok)
    throw invalidToken(
      result.why === 'expired'
        ? 'the B2B access token has expired: get a new one'
        : 'Authorization does not carry a B2B access token issued by this sandbox',
    );
  if (result.claims.epoch !== deps.store.tokenEpochOf(result.claims.clientId))
    throw tokenNotFound('the B2B access token is unknown here (state was reset?)');
  const partnerId = get(H.partnerId)!;
  const merchant = deps.merchants.find(partnerId);
  if (!merchant || partnerId !== result.claims.clientId)
    throw unknownClient('X-PARTNER-ID must be the client id the B2B token was issued to');
  return { merchant, claims: result.claims, token };
}

export interface SymmetricInput {
  method: string;
  originalUrl: string;
  token: string;
  body: ParsedBody;
  timestamp: string;
  signature: string;
}

/** True when any accepted (path, body form, key) combination reproduces X-SIGNATURE. */
export function symmetricSignatureValid(input: SymmetricInput, merchant: Merchant, strict: boolean): boolean {
  const pathOnly = input.originalUrl.split('?')[0]!;
  const paths = pathOnly === input.originalUrl ? [pathOnly] : [input.originalUrl, pathOnly];
  const keys = strict ? [merchant.clientSecret] : merchant.sharedKeys;
  for (const path of strict ? [pathOnly] : paths) {
    const bodies = strict ? [{ text: input.body.compact() }] : bodyCandidates(input.body.raw, input.body.compact());
    for (const { text } of bodies) {
      const stringToSign = symmetricStringToSign({
        method: input.method,
        path,
        accessToken: input.token,
        bodyHashHex: sha256Hex(text),
        timestamp: input.timestamp,
      });
      for (const key of keys) {
        if (signatureMatches(input.signature, createHmac('sha512', key).update(stringToSign, 'utf8').digest())) return true;
      }
    }
  }
  return false;
}

export function verifySymmetricSignature(input: SymmetricInput, merchant: Merchant, strict: boolean, debug = false): void {
  if (!symmetricSignatureValid(input, merchant, strict)) {
    const error = invalidSignature(
      'X-SIGNATURE is not base64(HMAC-SHA512(client secret, "POST:<path>:<B2B token>:<lowerhex sha256(minified body)>:<X-TIMESTAMP>"))',
    );
    const explained = explainOf(input, merchant);
    error.diagnosis = explained.diagnosis; // for the request journal and the dashboard
    if (debug) error.explain = explained;
    throw error;
  }
}

export function explainOf(input: SymmetricInput, merchant: Merchant) {
  return explainSymmetric({
    method: input.method,
    originalUrl: input.originalUrl,
    accessToken: input.token,
    timestamp: input.timestamp,
    signature: input.signature,
    raw: input.body.raw,
    parsed: input.body.json,
    keys: merchant.sharedKeys,
  });
}
