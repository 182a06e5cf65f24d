/**
 * SNAP signatures as pure functions: no Express, no config; keys and secrets are passed in.
 * Asymmetric (token endpoints, docs/doku.md §2.1) and symmetric (transactional endpoints, docs/doku.md §2.2).
 */
import { createHash, createHmac, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/** `clientId|X-TIMESTAMP`, the string DOKU verifies with the merchant's public key (docs/doku.md §2.1). */
export const asymmetricStringToSign = (clientId: string, timestamp: string): string => `${clientId}|${timestamp}`;

/** SHA256withRSA, base64. Used by tests, examples and (later) outbound notifications. */
export function signAsymmetric(privateKey: KeyObject | string, clientId: string, timestamp: string): string {
  return sign('sha256', Buffer.from(asymmetricStringToSign(clientId, timestamp)), privateKey).toString('base64');
}

export function verifyAsymmetric(publicKey: KeyObject, clientId: string, timestamp: string, signatureB64: string): boolean {
  if (!isStrictBase64(signatureB64)) return false;
  try {
    return verify('sha256', Buffer.from(asymmetricStringToSign(clientId, timestamp)), publicKey, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** Lower-case hex SHA-256 of the (minified) body; the empty body hashes the empty string (docs/doku.md §2.2). */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface SymmetricParts {
  method: string;
  path: string;
  accessToken: string;
  bodyHashHex: string;
  timestamp: string;
}

/** `METHOD:path:token:lowerhex(sha256(minify(body))):X-TIMESTAMP` (docs/doku.md §2.2). */
export const symmetricStringToSign = (p: SymmetricParts): string =>
  `${p.method.toUpperCase()}:${p.path}:${p.accessToken}:${p.bodyHashHex}:${p.timestamp}`;

/** base64(HMAC-SHA512(secret, stringToSign)). */
export const signSymmetric = (secret: string, stringToSign: string): string =>
  createHmac('sha512', secret).update(stringToSign, 'utf8').digest('base64');

/** Constant-time comparison of a received base64 signature against the expected digest bytes. */
export function signatureMatches(receivedB64: string, expected: Buffer): boolean {
  const received = Buffer.from(receivedB64, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export function isStrictBase64(value: string): boolean {
  return value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}
