/**
 * Direct debit's part of DOKU → merchant notifications (docs/doku.md §10.4), on the shared outbox: a
 * payment accepted as SUCCESS, or a PENDING one once it settles (by its time, the customer's page or
 * the admin settle helper), is notified; PENDING payments whose time has come are settled on the
 * outbox's tick, so their notification goes out without a request reading them first.
 */
import type { Merchant } from '../../config/keys.js';
import type { Deps } from '../../deps.js';
import type { NotificationSource, Outbox } from '../../notify/outbox.js';
import type { PaymentRecord } from '../../store/types.js';
import { notificationBody } from './domain/notification-body.js';
import { settleIfDue } from './domain/settle.js';

export function paymentNotifications(deps: Deps, outbox: Outbox): void {
  const { store, clock } = deps;
  const settling = new Set<string>();
  for (const p of Object.values(store.data.payments)) if (p.status === 'PENDING' && p.settleAt !== undefined) settling.add(p.referenceNo);
  store.onPayment = (p) => {
    if (p.status !== 'PENDING') {
      settling.delete(p.referenceNo);
      if (outbox.hasUrl(p.clientId)) outbox.notify(notificationOf(deps, p));
    } else if (p.settleAt !== undefined) {
      settling.add(p.referenceNo);
      outbox.kick();
    }
  };
  outbox.whileWaiting(() => {
    for (const ref of settling) {
      const p = store.findPayment(ref);
      if (p?.status === 'PENDING') settleIfDue(p, deps, clock.now(p.clientId));
      else settling.delete(ref);
    }
    return settling.size > 0;
  });
}

/** The notification of `p` as it is now. */
export function notificationOf(deps: Deps, p: PaymentRecord): NotificationSource {
  const binding = p.bindingRef ? deps.store.bindings.byReferenceNo(p.bindingRef) : undefined;
  return {
    referenceNo: p.referenceNo,
    clientId: p.clientId,
    body: notificationBody(p, binding, deps.config.waitingStatus),
    ...(p.device ? { device: p.device } : {}),
  };
}

/** The payment notification the verifier check sends: of the merchant's latest payment, else of one made up and named so. */
export function sampleNotification(deps: Deps, merchant: Merchant, now: number): NotificationSource {
  const latest = Object.values(deps.store.data.payments).findLast((p) => p.clientId === merchant.clientId);
  if (latest) return { ...notificationOf(deps, latest), body: notificationBody(latest, undefined, deps.config.waitingStatus) };
  const sample: PaymentRecord = {
    referenceNo: deps.ids.referenceNo(now),
    clientId: merchant.clientId,
    partnerReferenceNo: 'VERIFIER-CHECK',
    externalId: deps.ids.externalId(),
    amount: { value: '10000.00', currency: 'IDR' },
    channel: 'DIRECT_DEBIT_BRI_SNAP',
    requestKey: '',
    status: 'SUCCESS',
    responseCode: '2005400',
    responseMessage: 'Successful',
    createdAt: now,
    refunds: [],
  };
  return notificationOf(deps, sample);
}
