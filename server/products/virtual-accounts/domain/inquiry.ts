/**
 * DIPC (docs/doku.md §14.11): a VA number DOKU never created is the merchant's own; before the
 * bank takes a payment into it, DOKU asks the merchant's Inquiry URL for the bill (service 24),
 * signed as a notification (token request first, then HMAC: notify/deliver.ts). The merchant's
 * `2002400` with `virtualAccountData.totalAmount` lets the payment through (a DIPC VA record is made
 * for it, paid at once, `paymentRequestId` = `inquiryRequestId`); any other answer refuses it.
 */
import type { Deps } from '../../../deps.js';
import type { Merchant } from '../../../config/keys.js';
import { deliver } from '../../../notify/deliver.js';
import { deliveryOf } from '../../../notify/delivery-of.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import { vaKey, type VaInquiryLog, type VirtualAccountRecord } from '../../../store/va-records.js';
import { asAmountValue } from '../fields.js';
import { amountRefusal, isOpen } from './amount-rules.js';
import { dokuRequestId, payVa, type PayInput, type PayOutcome } from './pay.js';
import { spacePadded } from './va-number.js';

export interface DipcInput extends PayInput {
  /** the VA channel the customer pays through; BRI, one of DIPC's banks in DOKU's older pages, unless said */
  channel?: string;
  /** where the number splits: the payer's bank knows; the sandbox takes the first 5 digits unless said */
  partnerServiceId?: string;
}

/** A refusal the merchant's answer decided carries its own code and message (or DOKU's timeout's). */
export type DipcOutcome = PayOutcome & { inquiry: VaInquiryLog; own?: { responseCode: string; responseMessage: string } };

/** CHANNEL-ID of DOKU's inquiry samples: VA002 Mandiri, VA003 BRI; VA004 (its notification sample) for the rest. */
const channelId = (channel: string) => (/MANDIRI/.test(channel) ? 'VA002' : /BRI$/.test(channel) ? 'VA003' : 'VA004');

/** The number as psid + customerNo: psid as given, else its first 5 digits (every psid in DOKU's samples but BNI's 4). */
function split(no: string, psid?: string): { partnerServiceId: string; customerNo: string } {
  const digits = no.replace(/\s+/g, '');
  const head = psid ? psid.trim() : digits.slice(0, Math.min(5, digits.length - 1));
  return { partnerServiceId: spacePadded(head), customerNo: digits.slice(head.length) };
}

export async function payByInquiry(deps: Deps, merchant: Merchant, no: string, input: DipcInput, now: number): Promise<DipcOutcome> {
  const { partnerServiceId, customerNo } = split(no, input.partnerServiceId);
  const channel = input.channel ?? 'VIRTUAL_ACCOUNT_BRI';
  const inquiryRequestId = dokuRequestId(deps);
  const body = {
    partnerServiceId,
    customerNo,
    virtualAccountNo: `${partnerServiceId}${customerNo}`,
    inquiryRequestId,
    trxDateInit: formatJakarta(now),
    channelCode: input.channelCode ?? '6011',
    language: 'ID',
    ...(input.amount ? { amount: { value: input.amount, currency: 'IDR' } } : {}),
    additionalInfo: { channel },
  };
  const url = merchant.vaInquiryUrl!;
  const delivery = await deliveryOf(deps, merchant, url, body);
  const sent = await deliver({
    ...delivery,
    timeoutMs: deps.config.vaInquiryTimeoutMs,
    extraHeaders: { 'CHANNEL-ID': channelId(channel) },
  });
  const inquiry: VaInquiryLog = {
    url,
    inquiryRequestId,
    request: body,
    status: sent.status,
    latencyMs: sent.latencyMs,
    ...(sent.responseBody !== undefined ? { responseBody: sent.responseBody } : {}),
    ...(sent.error ? { error: sent.error } : {}),
  };
  const answer = parsed(sent.responseBody);
  const code = String(answer.responseCode ?? '').slice(0, 10);
  const message = typeof answer.responseMessage === 'string' ? answer.responseMessage.slice(0, 150) : 'Declined by the merchant';
  const refused = (why: string, responseCode?: string, responseMessage = message): DipcOutcome => ({
    ok: false,
    caseKey: '404_12',
    why,
    inquiry,
    ...(responseCode ? { own: { responseCode, responseMessage } } : {}),
  });
  if (sent.status === null) return refused(`the merchant's inquiry URL did not answer: ${sent.error}`, '5042400', 'Timeout');
  const data = (answer.virtualAccountData ?? {}) as Record<string, unknown>;
  if (code !== '2002400')
    return refused(`the merchant declined the inquiry: HTTP ${sent.status} ${code || 'without a responseCode'}`, code || undefined);
  if (data.inquiryStatus !== undefined && data.inquiryStatus !== '00')
    return refused(`the merchant's inquiryStatus is ${String(data.inquiryStatus).slice(0, 10)}, not 00`, code);
  const va = dipcRecord(deps, merchant, no, { partnerServiceId, customerNo, channel }, data, now);
  if (!va) return refused('the merchant answered 2002400 without virtualAccountData.totalAmount {value, currency}', code);
  const amount = input.amount ?? va.totalAmount?.value;
  const why = amount ? amountRefusal(va, amount) : 'an open bill without totalAmount needs the amount paid';
  if (why) return { ok: false, caseKey: '404_13', why: `${why} (the merchant's bill)`, inquiry };
  deps.store.insertVa(va);
  return { ...payVa(deps, va, { ...input, amount, paymentRequestId: inquiryRequestId }, now), inquiry };
}

/** The VA the merchant's answer describes, or undefined when it names no amount. */
function dipcRecord(
  deps: Deps,
  merchant: Merchant,
  no: string,
  named: { partnerServiceId: string; customerNo: string; channel: string },
  data: Record<string, unknown>,
  now: number,
): VirtualAccountRecord | undefined {
  const total = data.totalAmount as { value?: unknown } | undefined;
  const value = typeof total?.value === 'string' || typeof total?.value === 'number' ? asAmountValue(total.value) : undefined;
  const info = (data.additionalInfo ?? {}) as { trxId?: unknown; virtualAccountConfig?: { minAmount?: unknown; maxAmount?: unknown } };
  const trxType = typeof data.virtualAccountTrxType === 'string' ? data.virtualAccountTrxType.slice(0, 1) : 'C';
  const bound = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? asAmountValue(v) : undefined);
  const min = bound(info.virtualAccountConfig?.minAmount);
  const max = bound(info.virtualAccountConfig?.maxAmount);
  if ((!value || !/^\d{1,16}\.\d{2}$/.test(value)) && !isOpen({ trxType })) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 255) : undefined);
  return {
    id: deps.ids.tokenId(),
    clientId: merchant.clientId,
    partnerServiceId: named.partnerServiceId,
    customerNo: named.customerNo,
    virtualAccountNo: no,
    key: vaKey(no),
    numbering: 'DIPC',
    virtualAccountName: text(data.virtualAccountName) ?? '',
    ...(text(data.virtualAccountEmail) ? { virtualAccountEmail: text(data.virtualAccountEmail) } : {}),
    ...(text(data.virtualAccountPhone) ? { virtualAccountPhone: text(data.virtualAccountPhone) } : {}),
    trxId: text(info.trxId) ?? '',
    ...(value && /^\d{1,16}\.\d{2}$/.test(value) ? { totalAmount: { value, currency: 'IDR' } } : {}),
    trxType,
    expiredDate: formatJakarta(now + deps.config.vaExpiryMinutes * 60_000),
    expiresAt: now + deps.config.vaExpiryMinutes * 60_000,
    channel: named.channel,
    reusable: false,
    ...(min ? { minAmount: min } : {}),
    ...(max ? { maxAmount: max } : {}),
    status: 'ACTIVE',
    payments: [],
    createdAt: now,
  };
}

function parsed(text: string | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
