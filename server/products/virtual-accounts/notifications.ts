/**
 * The VA payment notification, DOKU → merchant (docs/doku.md §14.9), on the shared outbox, to the
 * merchant's VA notification URL (DOKU_VA_NOTIFICATION_URL, or `vaNotificationUrl` when registered)
 * else its notification URL. The body is flat, as in DOKU's samples and every SDK's DTO, with the
 * psid space-padded to 8 as the DTOs expect (DOKU_VA_NOTIFICATION_PADDING); DOKU's Mandiri-only keys (channelCode, referenceNo,
 * paidBills, flagAdvise) are left out: Python's PaymentNotificationRequest(**body) raises on them.
 */
import type { Deps } from '../../deps.js';
import type { NotificationSource, Outbox } from '../../notify/outbox.js';
import { formatJakarta } from '../../snap/timestamp.js';
import type { VaPaymentRecord, VirtualAccountRecord } from '../../store/va-records.js';
import type { Merchant } from '../../config/keys.js';
import type { Config } from '../../config/load.js';
import { dokuRequestId } from './domain/pay.js';
import { spacePadded } from './domain/va-number.js';

/** The psid as DOKU_VA_NOTIFICATION_PADDING writes it (docs/doku.md §14.12). */
function padded(partnerServiceId: string, padding: Config['vaNotificationPadding']): string {
  const psid = spacePadded(partnerServiceId);
  return padding === 'space' ? psid : padding === 'none' ? psid.trim() : psid.replace(/ /g, '0');
}

export function vaNotification(config: Config, va: VirtualAccountRecord, p: VaPaymentRecord): NotificationSource {
  const psid = padded(va.partnerServiceId, config.vaNotificationPadding);
  const identity = {
    partnerServiceId: psid,
    customerNo: va.customerNo,
    virtualAccountNo: `${psid}${va.customerNo}`,
    virtualAccountName: va.virtualAccountName,
  };
  return {
    referenceNo: p.paymentRequestId,
    clientId: va.clientId,
    method: 'VIRTUAL_ACCOUNT',
    body: {
      ...identity,
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
      // one merchant client reads the VA under virtualAccountData (docs/doku.md §14.12): off by default
      ...(config.vaNotificationWrapper === 'with-virtual-account-data'
        ? { virtualAccountData: { ...identity, trxId: va.trxId, paymentRequestId: p.paymentRequestId, paidAmount: p.paidAmount } }
        : {}),
    },
  };
}

/** The VA notification the verifier check sends: of the merchant's latest VA payment, else of one made up and named so. */
export function sampleVaNotification(deps: Deps, merchant: Merchant, now: number): NotificationSource {
  const latest = Object.values(deps.store.data.virtualAccounts).findLast(
    (va) => va.clientId === merchant.clientId && va.payments.length > 0,
  );
  if (latest) return vaNotification(deps.config, latest, latest.payments.at(-1)!);
  const psid = '   19008';
  const va: VirtualAccountRecord = {
    id: 'verifier-check',
    clientId: merchant.clientId,
    partnerServiceId: psid,
    customerNo: '00000000000000000001',
    virtualAccountNo: `${psid}00000000000000000001`,
    key: '1900800000000000000000001',
    numbering: 'MGPC',
    virtualAccountName: 'VERIFIER CHECK',
    trxId: 'VERIFIER-CHECK',
    totalAmount: { value: '10000.00', currency: 'IDR' },
    trxType: 'C',
    expiredDate: formatJakarta(now + 86400_000),
    expiresAt: now + 86400_000,
    channel: 'VIRTUAL_ACCOUNT_BCA',
    reusable: false,
    status: 'PAID',
    payments: [],
    createdAt: now,
  };
  return vaNotification(deps.config, va, {
    paymentRequestId: dokuRequestId(deps),
    paidAmount: va.totalAmount!,
    paidAt: now,
    channelCode: '6011',
  });
}

/** "Send now" by the payment's paymentRequestId. */
export function vaNotificationOf(deps: Deps, paymentRequestId: string): NotificationSource | undefined {
  const va = deps.store.virtualAccounts.byPayment(paymentRequestId);
  const p = va?.payments.find((x) => x.paymentRequestId === paymentRequestId);
  return va && p ? vaNotification(deps.config, va, p) : undefined;
}

/** Every payment into a VA is notified (a reusable VA's each time), once it is recorded. */
export function vaNotifications(deps: Deps, outbox: Outbox): void {
  deps.store.onVaPaid = (va, p) => {
    if (outbox.hasUrl(va.clientId, 'VIRTUAL_ACCOUNT')) outbox.notify(vaNotification(deps.config, va, p));
  };
}
