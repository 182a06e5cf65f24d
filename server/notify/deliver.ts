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
import { signAsymmetric } from '../snap/signature.js';
import { callbackTimestamp, signNotification, type Prepared, type Signing } from './sign-notification.js';
import { signNonSnap } from './sign-non-snap.js';
import type { NotificationAttempt } from '../store/types.js';
import { OutboundRefused, type Outbound } from '../net/outbound.js';
import type { Response } from 'undici';

const ANSWER_LIMIT = 64 * 1024;
const ANSWER_KEPT = 4 * 1024;

export interface Delivery extends Signing {
  dokuPrivateKey: KeyObject;
  timeoutMs: number;
  /** the merchant's clock: when the attempt happens, for the retry schedule */
  now: number;
  /** the only way out: refuses the sandbox itself and hosts DOKU_OUTBOUND_HOSTS does not list (net/outbound.ts) */
  outbound: Outbound;
  /** DOKU's non-SNAP (Checkout) notification: no token request, signed by sign-non-snap.ts */
  signing?: 'non-snap';
}

export { signNotification, type Prepared } from './sign-notification.js';

export async function deliver(d: Delivery): Promise<NotificationAttempt> {
  const started = performance.now();
  const signal = AbortSignal.timeout(d.timeoutMs);
  const attempt = (fields: Partial<NotificationAttempt>, headers: Record<string, string> = {}): NotificationAttempt => ({
    at: d.now,
    url: d.url,
    externalId: d.externalId,
    requestHeaders: masked(headers),
    status: null,
    latencyMs: Math.round(performance.now() - started),
    ...fields,
  });
  if (d.signing === 'non-snap') {
    const sent = signNonSnap(d);
    return attempt(await post(d.outbound, d.url, sent, signal), sent.headers);
  }
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

/** An HTTP answer DOKU counts as received: any 2xx. */
export const is2xx = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/** POSTs a prepared notification: the merchant's status and the start of its answer, or why there was none. */
export async function post(
  outbound: Outbound,
  url: string,
  sent: Prepared,
  signal: AbortSignal,
): Promise<Pick<NotificationAttempt, 'status' | 'responseBody' | 'error' | 'warning'>> {
  try {
    const res = await outbound.fetch(url, { method: 'POST', headers: sent.headers, body: sent.text, signal });
    const text = await readLimited(res);
    const warning = res.ok ? failedInBody(text) : undefined;
    return { status: res.status, responseBody: text.slice(0, ANSWER_KEPT), ...(warning ? { warning } : {}) };
  } catch (e) {
    return { status: null, error: reason(e) };
  }
}

/** The merchant's B2B token, requested as DOKU requests it (docs/doku.md §2.3). */
export async function merchantToken(d: Delivery, signal: AbortSignal): Promise<string> {
  const timestamp = callbackTimestamp(d, d.stamp);
  const res = await d.outbound.fetch(d.merchant.tokenUrl!, {
    method: 'POST',
    signal,
    headers: {
      'Content-Type': 'application/json',
      'X-CLIENT-KEY': d.partnerId,
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signAsymmetric(d.dokuPrivateKey, d.partnerId, timestamp),
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

/** A handler that answers 2xx with a failure in its body (`{"responseCode":"5005600"}`): DOKU takes the 2xx, the merchant has a bug. */
function failedInBody(text: string): string | undefined {
  let code: unknown;
  try {
    code = (JSON.parse(text) as { responseCode?: unknown }).responseCode;
  } catch {
    return undefined;
  }
  return typeof code === 'string' && !code.startsWith('2')
    ? `answered HTTP 2xx, which counts as delivered, but its body says responseCode ${code.slice(0, 10)}: the handler failed`
    : undefined;
}

/** The headers as the delivery log shows them: tokens masked. */
const masked = (h: Record<string, string>) => ({
  ...h,
  ...(h.Authorization ? { Authorization: 'Bearer ****' } : {}),
  ...(h['Authorization-Customer'] ? { 'Authorization-Customer': 'Bearer ****' } : {}),
});

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
