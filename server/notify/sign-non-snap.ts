/**
 * A notification signed as DOKU's non-SNAP (Checkout) ones are (DOKU's "Signature Component from
 * Request Header" page): `Client-Id`, `Request-Id` (a UUID), `Request-Timestamp` (UTC, no millis),
 * and `Signature: HMACSHA256=` + base64 HMAC-SHA256, by the client secret, of the lines
 * `Client-Id:…`, `Request-Id:…`, `Request-Timestamp:…`, `Request-Target:<the notification URL's
 * path>`, `Digest:<base64 SHA-256 of the body>`, joined by `\n`. No token request comes first.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Prepared, Signing } from './sign-notification.js';

export function signNonSnap(s: Pick<Signing, 'url' | 'merchant' | 'body' | 'stamp' | 'partnerId'>): Prepared {
  const text = JSON.stringify(s.body);
  const requestId = randomUUID();
  const timestamp = `${new Date(s.stamp).toISOString().slice(0, 19)}Z`;
  const digest = createHash('sha256').update(text, 'utf8').digest('base64');
  const components = [
    `Client-Id:${s.partnerId}`,
    `Request-Id:${requestId}`,
    `Request-Timestamp:${timestamp}`,
    `Request-Target:${new URL(s.url).pathname}`,
    `Digest:${digest}`,
  ].join('\n');
  return {
    text,
    headers: {
      'Content-Type': 'application/json',
      'Client-Id': s.partnerId,
      'Request-Id': requestId,
      'Request-Timestamp': timestamp,
      Signature: `HMACSHA256=${createHmac('sha256', s.merchant.clientSecret).update(components, 'utf8').digest('base64')}`,
    },
  };
}
