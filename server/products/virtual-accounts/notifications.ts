/**
 * The VA payment notification, DOKU → merchant (docs/doku.md §14.9), on the shared outbox, to the
 * merchant's VA notification URL (DOKU_VA_NOTIFICATION_URL, or `vaNotificationUrl` when registered)
 * else its notification URL. The body is flat, as in DOKU's samples and every SDK's DTO, with the
 * psid space-padded to 8 as the DTOs expect; DOKU's Mandiri-only keys (channelCode, referenceNo,
 * paidBills, flagAdvise) are left out: Python's PaymentNotificationRequest(**body) raises on them.
 */
import type { Deps } from '../../deps.js';
import type { NotificationSource, Outbox } from '../../notify/outbox.js';
import { formatJakarta } from '../../snap/timestamp.js';
import type { VaPaymentRecord, VirtualAccountRecord } from '../../store/va-records.js';
import { spacePadded } from './domain/va-number.js';

export function vaNotification(va: VirtualAccountRecord, p: VaPaymentRecord): NotificationSource {
  const psid = spacePadded(va.partnerServiceId);
  return {
    referenceNo: p.paymentRequestId,
    clientId: va.clientId,
    method: 'VIRTUAL_ACCOUNT',
    body: {
      partnerServiceId: psid,
      customerNo: va.customerNo,
      virtualAccountNo: `${psid}${va.customerNo}`,
      virtualAccountName: va.virtualAccountName,
      ...(va.virtualAccountEmail ? { virtualAccountEmail: va.virtualAccountEmail } : {}),
      ...(va.virtualAccountPhone ? { virtualAccountPhone: va.virtualAccountPhone } : {}),
      trxId: va.trxId,
      paymentRequestId: p.paymentRequestId,
      paidAmount: p.paidAmount,
      trxDateTime: formatJakarta(p.paidAt),
      virtualAccountTrxType: va.trxType,
      additionalInfo: {
        channel: va.channel,
        virtualAccountConfig: { reusableStatus: va.reusable },
        ...(p.senderName ? { senderName: p.senderName } : {}),
      },
    },
  };
}

/** "Send now" by the payment's paymentRequestId. */
export function vaNotificationOf(deps: Deps, paymentRequestId: string): NotificationSource | undefined {
  const va = deps.store.virtualAccounts.byPayment(paymentRequestId);
  const p = va?.payments.find((x) => x.paymentRequestId === paymentRequestId);
  return va && p ? vaNotification(va, p) : undefined;
}

/** Every payment into a VA is notified (a reusable VA's each time), once it is recorded. */
export function vaNotifications(deps: Deps, outbox: Outbox): void {
  deps.store.onVaPaid = (va, p) => {
    if (outbox.hasUrl(va.clientId, 'VIRTUAL_ACCOUNT')) outbox.notify(vaNotification(va, p));
  };
}
