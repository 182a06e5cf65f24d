/**
 * The customer pays a VA at the bank (docs/doku.md §14.8: DOKU's dashboard simulator, here the
 * admin action and the bank-transfer page). Only an ACTIVE VA before its expiry takes a payment,
 * of the amount its type allows; otherwise the bank refuses as DOKU's payment flow (service 25)
 * would: unknown or inactive `4042512`, wrong amount `4042513`, paid `4042514`, expired `4042519`.
 */
import type { Deps } from '../../../deps.js';
import type { CaseKey } from '../../../snap/response-codes.js';
import type { VaPaymentRecord, VirtualAccountRecord } from '../../../store/va-records.js';
import { amountRefusal } from './amount-rules.js';
import { stateAt } from './va-state.js';

export interface PayInput {
  /** the amount paid: a closed VA's totalAmount unless said */
  amount?: string;
  /** ISO 18245: 6011 (ATM) unless said; the bank's channel as DOKU's Mandiri sample names it */
  channelCode?: string;
  senderName?: string;
  /** a DIPC payment is known by DOKU's inquiryRequestId (docs/doku.md §14.11) */
  paymentRequestId?: string;
}

export type PayOutcome = { ok: true; payment: VaPaymentRecord } | { ok: false; caseKey: CaseKey; why: string };

export function payVa(deps: Deps, va: VirtualAccountRecord, input: PayInput, now: number): PayOutcome {
  const state = stateAt(va, now);
  if (state === 'PAID') return { ok: false, caseKey: '404_14', why: 'this single-use VA is already paid' };
  if (state === 'EXPIRED') return { ok: false, caseKey: '404_19', why: `this VA expired at ${va.expiredDate}` };
  if (state !== 'ACTIVE') return { ok: false, caseKey: '404_12', why: `this VA is ${state}` };
  const amount = input.amount ?? va.totalAmount?.value;
  if (!amount) return { ok: false, caseKey: '404_13', why: 'an open VA without totalAmount needs the amount paid' };
  const refused = amountRefusal(va, amount);
  if (refused) return { ok: false, caseKey: '404_13', why: refused };
  const payment: VaPaymentRecord = {
    paymentRequestId: input.paymentRequestId ?? dokuRequestId(deps),
    paidAmount: { value: amount, currency: 'IDR' },
    paidAt: now,
    channelCode: input.channelCode ?? '6011',
    ...(input.senderName ? { senderName: input.senderName } : {}),
  };
  deps.store.vaPaid(va, payment);
  return { ok: true, payment };
}

/** An id as DOKU makes them for a payment or an inquiry (its samples: `12839218738127830`). */
export const dokuRequestId = (deps: Deps): string => deps.ids.faker.string.numeric({ length: 17, allowLeadingZeros: false });
