/**
 * The shapes DOKU answers a VA with (docs/doku.md §14.4–§14.7) and that the five SDKs parse: Node
 * dereferences `virtualAccountData.additionalInfo` (and, on status, `paymentFlagReason`); PHP reads
 * the email without a guard (so `null`, never absent); Go unmarshals an update's
 * `virtualAccountConfig` into typed fields (string amounts, boolean reusableStatus) and a delete's
 * as a string (so the delete answer has none); amounts are always strings.
 */
import { formatJakarta } from '../../../snap/timestamp.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';
import { stateAt } from './va-state.js';

/** Where a customer reads how to pay this VA: the sandbox's own bank-transfer page (pages/how-to-pay.ts), and its JSON. */
export const howToPay = (va: VirtualAccountRecord, baseUrl: string) => ({
  howToPayPage: `${baseUrl}/virtual-accounts/how-to-pay/${va.id}`,
  howToPayApi: `${baseUrl}/virtual-accounts/how-to-pay/${va.id}.json`,
});

const config = (va: VirtualAccountRecord, withStatus: boolean) => ({
  reusableStatus: va.reusable,
  ...(va.minAmount !== undefined ? { minAmount: va.minAmount } : {}),
  ...(va.maxAmount !== undefined ? { maxAmount: va.maxAmount } : {}),
  ...(withStatus ? { status: va.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE' } : {}),
});

/** create and update: the VA as it is now. */
export function vaData(va: VirtualAccountRecord, baseUrl: string, kind: 'create' | 'update'): Record<string, unknown> {
  return {
    partnerServiceId: va.partnerServiceId,
    customerNo: va.customerNo,
    virtualAccountNo: va.virtualAccountNo,
    virtualAccountName: va.virtualAccountName,
    virtualAccountEmail: va.virtualAccountEmail ?? null,
    virtualAccountPhone: va.virtualAccountPhone ?? null,
    trxId: va.trxId,
    totalAmount: va.totalAmount ?? { value: '0.00', currency: 'IDR' },
    virtualAccountTrxType: va.trxType,
    expiredDate: va.expiredDate,
    additionalInfo: { channel: va.channel, virtualAccountConfig: config(va, kind === 'update'), ...howToPay(va, baseUrl) },
    ...(va.freeText ? { [va.freeText.key]: va.freeText.items } : {}),
  };
}

/** delete: what names the VA, and its channel (no virtualAccountConfig: Go types it as a string there). */
export const deletedData = (va: VirtualAccountRecord) => ({
  partnerServiceId: va.partnerServiceId,
  customerNo: va.customerNo,
  virtualAccountNo: va.virtualAccountNo,
  trxId: va.trxId,
  additionalInfo: { channel: va.channel },
});

/** paymentFlagReason per state (the unpaid texts are the sandbox's: DOKU's status sample was not readable, docs/doku.md §14.7). */
const REASONS = {
  PAID: { english: 'Success', indonesia: 'Sukses' },
  ACTIVE: { english: 'Pending', indonesia: 'Menunggu pembayaran' },
  EXPIRED: { english: 'Expired', indonesia: 'Kedaluwarsa' },
  INACTIVE: { english: 'Inactive', indonesia: 'Tidak aktif' },
  DELETED: { english: 'Deleted', indonesia: 'Dihapus' },
} as const;

/** The acquirer as the status answer names it (`{id}`: Go's typed struct), from the channel; a status check is the hot path, so once per channel. */
const acquirers = new Map<string, { id: string }>();
export const acquirerOf = (channel: string): { id: string } => {
  let acquirer = acquirers.get(channel);
  if (!acquirer) {
    acquirer = Object.freeze({
      id: channel
        .replace(/^VIRTUAL_ACCOUNT_/, '')
        .replace(/^BANK_/, '')
        .replace(/_.*$/, ''),
    });
    if (acquirers.size < 256) acquirers.set(channel, acquirer);
  }
  return acquirer;
};

/** status: the VA, its latest payment (or the one asked for), and the reason in both languages. */
export function statusData(va: VirtualAccountRecord, now: number, asked: { inquiryRequestId?: string; paymentRequestId?: string }) {
  const paid = asked.paymentRequestId
    ? va.payments.find((p) => p.paymentRequestId === asked.paymentRequestId)
    : va.payments[va.payments.length - 1];
  const state = stateAt(va, now);
  const total = va.totalAmount ?? { value: '0.00', currency: 'IDR' };
  return {
    virtualAccountData: {
      paymentFlagReason: paid ? REASONS.PAID : REASONS[state === 'PAID' ? 'ACTIVE' : state],
      partnerServiceId: va.partnerServiceId,
      customerNo: va.customerNo,
      virtualAccountNo: va.virtualAccountNo,
      inquiryRequestId: asked.inquiryRequestId ?? '',
      paymentRequestId: paid?.paymentRequestId ?? '',
      trxId: va.trxId,
      ...(paid ? { paidAmount: paid.paidAmount, paymentFlagStatus: '00', trxDateTime: formatJakarta(paid.paidAt) } : {}),
      totalAmount: total,
      billAmount: total, // PHP reads it here; Go, Java and Python in billDetails
      billDetails: [{ billAmount: total }],
    },
    additionalInfo: { acquirer: acquirerOf(va.channel) },
  };
}
