/**
 * Bank direct-debit payments the customer verifies with the issuer (docs/doku.md §7.5), DOKU's
 * tokenization scheme: "every payment needs to be verified by customer with inputting OTP and/or
 * PIN … bring parameter paymentType: "SALE" … merchant will receive parameter webRedirectUrl …
 * After the payment is completed, merchant then will receive the notification" (DOKU's BRI
 * direct-debit page); CIMB "requires customer to input OTP and/or PIN to verify every payment",
 * which the merchant may also pass on with otp-verification `type: "PAYMENT"` (DOKU's CIMB page).
 * Which channels and when: DOKU_ISSUER_PAGE. The payment stays PENDING (status 01) until the code
 * is right (then the card or account is debited), wrong too often (`403xx11`), cancelled or past
 * its time (status 05). The caller commits.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../deps.js';
import type { Config } from '../../../config/load.js';
import { snapError, type SnapError } from '../../../snap/errors.js';
import type { IssuerSession, PaymentRecord } from '../../../store/types.js';
import { paymentOutcome } from './payment-status.js';
import { settle, settleIfDue } from './settle.js';

export const ISSUER_PAGE_PATH = '/direct-debit/issuer/pay';
/** How long the page stays open when the request names no validUpTo (DOKU documents none): the OTP's lifetime. */
const validityMs = (config: Config) => config.otpTtlSeconds * 1000;
/** CIMB's page asks for the OTP and the PIN ("inputting OTP and PIN", DOKU's CIMB page); the others for the OTP. */
const ASKS_PIN = new Set(['DIRECT_DEBIT_CIMB_SNAP']);

export function needsIssuerPage(channel: string, paymentType: string | undefined, config: Config): boolean {
  const rule = config.issuerPages.get(channel);
  return rule === 'ALWAYS' || (rule === 'SALE' && paymentType === 'SALE');
}

export function issuerSession(
  r: { channel: string; successPaymentUrl?: string; failedPaymentUrl?: string; validUpTo?: string },
  now: number,
  config: Config,
): IssuerSession {
  return {
    sessionId: `ISSUER-${randomBytes(12).toString('base64url')}`,
    expiresAt: r.validUpTo ? Date.parse(r.validUpTo) : now + validityMs(config),
    asks: ASKS_PIN.has(r.channel) ? 'OTP_PIN' : 'OTP',
    otpAttempts: 0,
    ...(r.successPaymentUrl ? { successUrl: r.successPaymentUrl } : {}),
    ...(r.failedPaymentUrl ? { failedUrl: r.failedPaymentUrl } : {}),
  };
}

export type PaymentCodeOutcome = { ok: true; payment: PaymentRecord } | { ok: false; error: SnapError; final: boolean };

/**
 * One try of the customer's OTP (and PIN) for a payment waiting on the issuer: from its page, or
 * passed on by the merchant through otp-verification (`checkPin` false: the API has no PIN field).
 */
export function verifyPaymentCodes(
  p: PaymentRecord,
  otp: string,
  pin: string | undefined,
  deps: Deps,
  now: number,
  checkPin = true,
): PaymentCodeOutcome {
  const { config, store } = deps;
  settleIfDue(p, deps, now);
  const session = p.issuer;
  if (!session) return fail('404_00', 'this payment does not wait for an OTP', true);
  if (p.closed === 'EXPIRED') return fail('403_12', 'the payment expired before its OTP was entered', true);
  if (p.status !== 'PENDING') return fail('404_00', `the payment is ${p.closed ?? p.status}, not waiting for an OTP`, true);
  const right = config.otpCodes.includes(otp) && (session.asks === 'OTP' || !checkPin || pin === config.pin);
  if (!right) {
    const attempts = session.otpAttempts + 1;
    store.paymentCodeAttempted(p, attempts);
    if (attempts >= config.otpMaxAttempts) {
      store.settlePayment(p, { status: 'FAILED', ...paymentOutcome('403_11') });
      return fail('403_11', `${attempts} wrong codes: the payment has failed`, true);
    }
    const what = session.asks === 'OTP' ? 'OTP' : 'OTP or PIN';
    const hint = `sandbox OTP: ${config.otpCodes[0]}${session.asks === 'OTP' ? '' : `, PIN: ${config.pin}`}`;
    return fail('404_15', `wrong ${what}; ${config.otpMaxAttempts - attempts} attempt(s) left (${hint})`, false);
  }
  settle(p, 'SUCCESS', deps, now);
  if ((p.status as PaymentRecord['status']) !== 'SUCCESS') return fail('403_14', 'the balance is less than the amount', true);
  return { ok: true, payment: p };
}

const fail = (caseKey: Parameters<typeof snapError>[0], reason: string, final: boolean): PaymentCodeOutcome => ({
  ok: false,
  error: snapError(caseKey, reason),
  final,
});
