/**
 * The headers and signature of one notification, DOKU → merchant (docs/doku.md §2.3, §10.4).
 * DOKU's header list: X-TIMESTAMP, X-SIGNATURE, X-PARTNER-ID, X-EXTERNAL-ID, X-DEVICE-ID,
 * X-IP-ADDRESS, Authorization-Customer ("Access token obtained from B2B2C API merchant") and
 * Authorization. Which token goes into the string-to-sign DOKU does not say, and the SDKs' helpers
 * disagree (DOKU_NOTIFICATION_SIGNED_TOKEN): the one sent in `Authorization` (the sandbox's
 * default), an empty one (PHP's helper), or a B2B token DOKU issued the merchant (Node's).
 */
import { sha256Hex, signSymmetric, symmetricStringToSign } from '../snap/signature.js';
import { formatJakarta } from '../snap/timestamp.js';
import type { Merchant } from '../config/keys.js';

export type SignedTokenReading = 'authorization' | 'empty' | 'doku-issued';
export const READINGS: readonly SignedTokenReading[] = ['authorization', 'empty', 'doku-issued'];

export interface Signing {
  url: string;
  merchant: Merchant;
  body: Record<string, unknown>;
  externalId: string;
  /** the instant X-TIMESTAMP names: real time, whatever the merchant's clock says (a handler checks freshness against its own) */
  stamp: number;
  /** the customer's device and address as the payment named them, else the sandbox's */
  device: { ip: string; id: string };
  reading: SignedTokenReading;
  /** a B2B token the sandbox issued the merchant, for the `doku-issued` reading */
  dokuToken?: string;
  /** send Authorization-Customer (DOKU_NOTIFICATION_CUSTOMER_TOKEN) */
  customerToken: boolean;
  /** X-PARTNER-ID, and the client id of the token request: the merchant's own, or DOKU_CALLBACK_CLIENT_ID (docs/doku.md §14.12) */
  partnerId: string;
  /** X-TIMESTAMP's form (DOKU_CALLBACK_TIMESTAMP): `+07:00` without millis, or UTC with `.000Z` as DOKU's notification sample */
  timestampForm: 'jakarta' | 'utc-millis';
  /** headers of the call's own, outside the signature (a VA inquiry's CHANNEL-ID) */
  extraHeaders?: Record<string, string>;
}

/** The request an attempt sends (the verifier check alters it on purpose). */
export interface Prepared {
  headers: Record<string, string>;
  text: string;
}

/** X-TIMESTAMP of an instant, in the form the settings chose. */
export const callbackTimestamp = (s: Pick<Signing, 'timestampForm'>, at: number): string =>
  s.timestampForm === 'utc-millis' ? `${new Date(at).toISOString().slice(0, 19)}.000Z` : formatJakarta(at);

export function signNotification(s: Signing, token: string, timestamp = callbackTimestamp(s, s.stamp), reading = s.reading): Prepared {
  const text = JSON.stringify(s.body);
  const path = new URL(s.url).pathname;
  const signed = reading === 'authorization' ? token : reading === 'empty' ? '' : (s.dokuToken ?? token);
  const stringToSign = symmetricStringToSign({ method: 'POST', path, accessToken: signed, bodyHashHex: sha256Hex(text), timestamp });
  return {
    text,
    headers: {
      'Content-Type': 'application/json',
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signSymmetric(s.merchant.clientSecret, stringToSign),
      'X-PARTNER-ID': s.partnerId,
      'X-EXTERNAL-ID': s.externalId,
      'X-DEVICE-ID': s.device.id,
      'X-IP-ADDRESS': s.device.ip,
      Authorization: `Bearer ${token}`,
      // the merchant's own token again: the Go, Java and Python helpers validate it as one the merchant issued (docs/doku.md §10.4)
      ...(s.customerToken ? { 'Authorization-Customer': `Bearer ${token}` } : {}),
      ...s.extraHeaders,
    },
  };
}
