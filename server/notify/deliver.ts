/**
 * One attempt at delivering a notification, exactly as DOKU signs it (docs/doku.md §2.3, §10.4):
 *  1. unless the merchant has no token URL, ask it for a B2B token as DOKU does: `X-CLIENT-KEY`,
 *     `X-TIMESTAMP`, `X-SIGNATURE` = SHA256withRSA by the sandbox's ("DOKU's") private key over
 *     `clientId|timestamp`; without a token URL the sandbox makes a token up;
 *  2. POST the body with `Authorization: Bearer <token>` and `X-SIGNATURE` = HMAC-SHA512 by the
 *     client secret over `POST:<notification URL path>:<token>:<sha256 of the body>:<timestamp>`.
 * Whatever the merchant does (refuses, hangs, redirects, answers megabytes), the attempt ends within
 * the timeout with at most 64 KiB read, and never throws.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import type { Merchant } from '../config/keys.js';
import { sha256Hex, signAsymmetric, signSymmetric, symmetricStringToSign } from '../snap/signature.js';
import { formatJakarta } from '../snap/timestamp.js';
import type { NotificationAttempt } from '../store/types.js';
import { OutboundRefused, type Outbound } from '../net/outbound.js';
import type { Response } from 'undici';

const ANSWER_LIMIT = 64 * 1024;
const ANSWER_KEPT = 4 * 1024;

export interface Delivery {
  url: string;
  merchant: Merchant;
  body: Record<string, unknown>;
  externalId: string;
  dokuPrivateKey: KeyObject;
  timeoutMs: number;
  now: number;
  /** the only way out: refuses the sandbox itself and hosts DOKU_OUTBOUND_HOSTS does not list (net/outbound.ts) */
  outbound: Outbound;
}

/** The request an attempt sends (exported for the verifier check, which alters it on purpose). */
export interface Prepared {
  headers: Record<string, string>;
  text: string;
}

export function signNotification(d: Delivery, token: string, timestamp = formatJakarta(d.now)): Prepared {
  const text = JSON.stringify(d.body);
  const path = new URL(d.url).pathname;
  const stringToSign = symmetricStringToSign({ method: 'POST', path, accessToken: token, bodyHashHex: sha256Hex(text), timestamp });
  return {
    text,
    headers: {
      'Content-Type': 'application/json',
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signSymmetric(d.merchant.clientSecret, stringToSign),
      'X-PARTNER-ID': d.merchant.clientId,
      'X-EXTERNAL-ID': d.externalId,
      Authorization: `Bearer ${token}`,
    },
  };
}

export async function deliver(d: Delivery): Promise<NotificationAttempt> {
  const started = performance.now();
  const signal = AbortSignal.timeout(d.timeoutMs);
  const attempt = (fields: Partial<NotificationAttempt>, headers: Record<string, string> = {}): NotificationAttempt => ({
    at: d.now,
    url: d.url,
    externalId: d.externalId,
    requestHeaders: { ...headers, ...(headers.Authorization ? { Authorization: 'Bearer ****' } : {}) },
    status: null,
    latencyMs: Math.round(performance.now() - started),
    ...fields,
  });
  let token: string;
  try {
    token = d.merchant.tokenUrl ? await merchantToken(d, signal) : randomBytes(24).toString('base64url');
  } catch (e) {
    return attempt({ error: `token request to ${d.merchant.tokenUrl}: ${reason(e)}` });
  }
  const sent = signNotification(d, token);
  const answer = await post(d.outbound, d.url, sent, signal);
  return attempt(answer, sent.headers);
}

/** POSTs a prepared notification: the merchant's status and the start of its answer, or why there was none. */
export async function post(
  outbound: Outbound,
  url: string,
  sent: Prepared,
  signal: AbortSignal,
): Promise<Pick<NotificationAttempt, 'status' | 'responseBody' | 'error'>> {
  try {
    const res = await outbound.fetch(url, { method: 'POST', headers: sent.headers, body: sent.text, signal });
    return { status: res.status, responseBody: (await readLimited(res)).slice(0, ANSWER_KEPT) };
  } catch (e) {
    return { status: null, error: reason(e) };
  }
}

/** The merchant's B2B token, requested as DOKU requests it (docs/doku.md §2.3). */
export async function merchantToken(d: Delivery, signal: AbortSignal): Promise<string> {
  const timestamp = formatJakarta(d.now);
  const res = await d.outbound.fetch(d.merchant.tokenUrl!, {
    method: 'POST',
    signal,
    headers: {
      'Content-Type': 'application/json',
      'X-CLIENT-KEY': d.merchant.clientId,
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signAsymmetric(d.dokuPrivateKey, d.merchant.clientId, timestamp),
    },
    body: JSON.stringify({ grantType: 'client_credentials' }),
  });
  const text = await readLimited(res);
  let token: unknown;
  try {
    token = (JSON.parse(text) as { accessToken?: unknown }).accessToken;
  } catch {
    token = undefined;
  }
  if (!res.ok || typeof token !== 'string' || token === '')
    throw new Error(`HTTP ${res.status}, no accessToken in ${JSON.stringify(text.slice(0, 200))}`);
  return token;
}

/** The answer's text, at most ANSWER_LIMIT bytes of it: the rest is never read. */
async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  while (size < ANSWER_LIMIT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, ANSWER_LIMIT).toString('utf8');
}

export function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err instanceof OutboundRefused) return `refused: ${err.message}`;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
