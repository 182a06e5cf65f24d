/**
 * POST /__mock/notifications/verifier-check: does the merchant's notification handler tell a
 * notification DOKU signed from a forged one? One valid notification, then forgeries that each
 * break one rule of docs/doku.md §2.3: a merchant that verifies accepts only `valid`. DOKU's own
 * SDK helpers check too little (docs/sdks.md), so code copied from them accepts some of these.
 * "Accepted" is any 2xx answer, as DOKU itself reads one.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Merchant } from '../config/keys.js';
import { is2xx, merchantToken, post, reason, signNotification, type Delivery, type Prepared } from './deliver.js';
import { deliveryOf, dokuIssuedToken } from './delivery-of.js';
import type { NotificationSource } from './outbox.js';
import { READINGS, callbackTimestamp } from './sign-notification.js';

interface Variant {
  name: string;
  forged: string;
  /** the request to send, from the valid one and its delivery */
  make(valid: Prepared, d: Delivery, token: string): Prepared;
}

const VARIANTS: Variant[] = [
  { name: 'valid', forged: '', make: (v) => v },
  {
    name: 'wrong-signature',
    forged: 'X-SIGNATURE is not the HMAC of this request (another request signature, same length)',
    make: (v) => withHeader(v, 'X-SIGNATURE', randomBytes(64).toString('base64')),
  },
  {
    name: 'other-secret',
    forged: 'signed correctly, but with a client secret that is not the merchant’s',
    make: (_v, d, token) => signNotification({ ...d, merchant: { ...d.merchant, clientSecret: 'not-the-client-secret' } }, token),
  },
  {
    name: 'stale-timestamp',
    forged: 'signed correctly over an X-TIMESTAMP one hour old',
    make: (_v, d, token) => signNotification(d, token, callbackTimestamp(d, d.stamp - 3600_000)),
  },
  {
    name: 'replayed-external-id',
    forged:
      'the valid notification sent again: same X-EXTERNAL-ID, same signature (a 2xx here is right only if the handler then does nothing twice)',
    make: (v) => v,
  },
  {
    name: 'amount-tampered',
    forged: 'the amount changed after signing (X-SIGNATURE is the valid one’s)',
    make: (v) => ({ ...v, text: v.text.replace(/"value":"[^"]*"/, '"value":"1.00"') }),
  },
  {
    name: 'no-signature',
    forged: 'no X-SIGNATURE header',
    make: (v) => {
      const { 'X-SIGNATURE': _dropped, ...headers } = v.headers;
      return { ...v, headers };
    },
  },
  {
    name: 'unknown-token',
    forged: 'signed correctly, with a bearer token the merchant never issued',
    make: (_v, d) => signNotification(d, `forged-${randomBytes(12).toString('hex')}`),
  },
];

const withHeader = (v: Prepared, name: string, value: string): Prepared => ({ ...v, headers: { ...v.headers, [name]: value } });

/** `sample`: the notification to send as the valid one (a product's: its latest record's, or one made up). */
export async function verifierCheck(deps: Deps, merchant: Merchant, url: string, sample: NotificationSource) {
  const now = deps.clock.now(merchant.clientId);
  const d: Delivery = await deliveryOf(deps, merchant, url, sample.body, sample.device);
  let token: string;
  try {
    token = merchant.tokenUrl ? await merchantToken(d, AbortSignal.timeout(d.timeoutMs)) : randomBytes(24).toString('base64url');
  } catch (e) {
    return { url, error: `token request to ${merchant.tokenUrl}: ${reason(e)}`, variants: [] };
  }
  const valid = signNotification(d, token);
  const variants = [];
  for (const v of VARIANTS) {
    // each forgery but the replay gets an X-EXTERNAL-ID of its own, so only its own flaw can give it away
    const same = v.name === 'valid' || v.name === 'replayed-external-id';
    const own = same ? d : { ...d, externalId: deps.ids.externalId() };
    const sent = v.make(same ? valid : signNotification(own, token), own, token);
    const answer = await post(deps.outbound, url, sent, AbortSignal.timeout(d.timeoutMs));
    const accepted = is2xx(answer.status);
    variants.push({ name: v.name, ...(v.forged ? { forged: v.forged } : {}), accepted, ...answer });
  }
  // Which token the signature covers, each reading the SDKs' helpers take (notify/sign-notification.ts)
  const readings: Record<string, boolean> = { [d.reading]: variants[0]!.accepted };
  const dokuToken = d.dokuToken ?? (await dokuIssuedToken(deps, merchant.clientId, now));
  for (const reading of READINGS.filter((r) => r !== d.reading)) {
    const own = { ...d, externalId: deps.ids.externalId(), dokuToken };
    const answer = await post(deps.outbound, url, signNotification(own, token, undefined, reading), AbortSignal.timeout(d.timeoutMs));
    readings[reading] = is2xx(answer.status);
  }
  const acceptedForgeries = variants.filter((v) => v.name !== 'valid' && v.accepted).map((v) => v.name);
  const validAccepted = variants[0]!.accepted;
  const verdict = !validAccepted
    ? 'the valid notification was not accepted'
    : acceptedForgeries.length > 0
      ? 'accepts forged notifications'
      : 'verifies notifications';
  return { url, verdict, acceptedForgeries, variants, signedToken: d.reading, readings };
}
