/**
 * The QRIS payment notification, DOKU → merchant (docs/doku.md §15.6): thin in DOKU's pages, so as
 * the spec recommends, SNAP-style (MPM notify, service 52) on the shared outbox — token request
 * first, then signed as every notification — to DOKU_QRIS_NOTIFICATION_URL (or the merchant's
 * registered qrisNotificationUrl), else its notification URL. Sent when the QR is paid, or fails.
 */
import type { Deps } from '../../deps.js';
import type { Merchant } from '../../config/keys.js';
import type { Config } from '../../config/load.js';
import type { NotificationSource, Outbox } from '../../notify/outbox.js';
import { formatJakarta } from '../../snap/timestamp.js';
import type { QrisRecord } from '../../store/qris-records.js';

export function qrisNotification(config: Config, q: QrisRecord): NotificationSource {
  const paid = q.status !== 'FAILED';
  if (config.qrisNotificationFormat === 'checkout') return checkoutNotification(q, paid);
  return {
    referenceNo: q.referenceNo,
    clientId: q.clientId,
    method: 'QRIS',
    body: {
      originalReferenceNo: q.referenceNo,
      originalPartnerReferenceNo: q.partnerReferenceNo,
      latestTransactionStatus: paid ? '00' : '06',
      transactionStatusDesc: paid ? 'Success' : 'Failed',
      amount: q.amount,
      ...(q.paidAt !== undefined ? { paidTime: formatJakarta(q.paidAt) } : {}),
      additionalInfo: {
        issuerName: q.issuerName,
        ...(q.customerName ? { customerName: q.customerName } : {}),
        ...(q.approvalCode ? { approvalCode: q.approvalCode } : {}),
        terminalId: q.terminalId,
        merchantId: q.merchantId,
      },
    },
  };
}

/**
 * DOKU_QRIS_NOTIFICATION_FORMAT=checkout: the shape of DOKU Checkout's non-SNAP notifications
 * (service, acquirer, channel, order, transaction), signed the non-SNAP way. DOKU shows no QRIS
 * body in that format: these fields are an assumption (docs/doku.md §15.6).
 */
function checkoutNotification(q: QrisRecord, paid: boolean): NotificationSource {
  return {
    referenceNo: q.referenceNo,
    clientId: q.clientId,
    method: 'QRIS',
    signing: 'non-snap',
    body: {
      service: { id: 'QRIS' },
      acquirer: { id: q.issuerName ?? 'BCAD' },
      channel: { id: 'QRIS' },
      order: { invoice_number: q.partnerReferenceNo, amount: Number(q.amount.value) },
      transaction: {
        status: paid ? 'SUCCESS' : 'FAILED',
        date: `${new Date(q.paidAt ?? q.createdAt).toISOString().slice(0, 19)}Z`,
        original_request_id: q.externalId,
      },
      qris: {
        reference_no: q.referenceNo,
        approval_code: q.approvalCode ?? null,
        customer_name: q.customerName ?? null,
        terminal_id: q.terminalId,
      },
    },
  };
}

/** "Send now" by DOKU's referenceNo. */
export function qrisNotificationOf(deps: Deps, referenceNo: string): NotificationSource | undefined {
  const q = Object.hasOwn(deps.store.data.qris, referenceNo) ? deps.store.data.qris[referenceNo] : undefined;
  return q && q.status !== 'PENDING' ? qrisNotification(deps.config, q) : undefined;
}

/** The verifier check's QRIS notification: the merchant's latest paid QR, else one made up and named so. */
export function sampleQrisNotification(deps: Deps, merchant: Merchant, now: number): NotificationSource {
  const latest = Object.values(deps.store.data.qris).findLast((q) => q.clientId === merchant.clientId && q.status === 'PAID');
  if (latest) return qrisNotification(deps.config, latest);
  return qrisNotification(deps.config, {
    referenceNo: deps.ids.referenceNo(now),
    clientId: merchant.clientId,
    partnerReferenceNo: 'VERIFIER-CHECK',
    externalId: '',
    merchantId: '47435',
    terminalId: 'A01',
    amount: { value: '10000.00', currency: 'IDR' },
    validityPeriod: formatJakarta(now),
    expiresAt: now,
    qrContent: '',
    pageId: '',
    status: 'PAID',
    paidAt: now,
    approvalCode: '000000',
    issuerName: 'BCAD',
    customerName: 'VERIFIER CHECK',
    refunds: [],
    createdAt: now,
  });
}

export function qrisNotifications(deps: Deps, outbox: Outbox): void {
  deps.store.onQrisPaid = (q) => {
    if (outbox.hasUrl(q.clientId, 'QRIS')) outbox.notify(qrisNotification(deps.config, q));
  };
}
