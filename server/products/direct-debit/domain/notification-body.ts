/**
 * What DOKU POSTs to the merchant when a payment reaches its final state (docs/doku.md §10.4): the
 * SNAP direct-debit notification. The channel goes under both names the SDKs read (Node and Go
 * `channelId`, Java `channel`); `acquirerId` and `lineItems` are in every SDK's notification DTO
 * (PHP's constructor needs them non-null); OVO's `accountType` is `WALLET` as in DOKU's OVO sample.
 */
import type { Binding, PaymentRecord } from '../../../store/types.js';
import { latestStatus } from './payment-status.js';

/** The acquirer of each channel, as DOKU's notification names it (`BRI`, `MANDIRI`, …: docs/doku.md §10.4). */
const ACQUIRERS: Record<string, string> = {
  DIRECT_DEBIT_BRI_SNAP: 'BRI',
  DIRECT_DEBIT_MANDIRI_SNAP: 'MANDIRI',
  DIRECT_DEBIT_CIMB_SNAP: 'CIMB',
  DIRECT_DEBIT_ALLO_SNAP: 'ALLO',
  DIRECT_DEBIT_KKI_SNAP: 'KKI',
  EMONEY_OVO_SNAP: 'OVO',
  EMONEY_DANA_SNAP: 'DANA',
  EMONEY_SHOPEE_PAY_SNAP: 'SHOPEEPAY',
  EMONEY_SHOPEEPAY_SNAP: 'SHOPEEPAY',
};

export function notificationBody(
  p: PaymentRecord,
  binding: Binding | undefined,
  waiting: 'snap' | 'legacy' = 'snap',
): Record<string, unknown> {
  const status = latestStatus(p, waiting);
  return {
    originalPartnerReferenceNo: p.partnerReferenceNo,
    originalReferenceNo: p.referenceNo,
    originalExternalId: p.externalId,
    latestTransactionStatus: status.code,
    transactionStatusDesc: status.desc,
    amount: p.amount,
    additionalInfo: {
      channelId: p.channel,
      channel: p.channel,
      acquirerId: ACQUIRERS[p.channel ?? ''] ?? 'DOKU',
      ...(binding ? { custIdMerchant: binding.custIdMerchant } : {}),
      accountType: p.channel === 'EMONEY_OVO_SNAP' ? 'WALLET' : p.channel?.startsWith('EMONEY_') ? 'EMONEY' : 'DIRECT_DEBIT',
      lineItems: p.lineItems ?? [],
    },
  };
}
