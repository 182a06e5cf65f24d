/**
 * What DOKU POSTs to the merchant when a payment reaches its final state (docs/doku.md §10.4): the
 * SNAP direct-debit notification. The channel goes under both names the SDKs read (Node and Go
 * `channelId`, Java `channel`).
 */
import type { Binding, PaymentRecord } from '../store/types.js';
import { latestStatus } from './payment-status.js';

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
      ...(binding ? { custIdMerchant: binding.custIdMerchant } : {}),
      accountType: p.channel?.startsWith('EMONEY_') ? 'EMONEY' : 'DIRECT_DEBIT',
    },
  };
}
