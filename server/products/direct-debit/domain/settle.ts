/**
 * A PENDING payment (answered `2025400`, docs/doku.md §7.3, §1.8 "Mock-only"; or waiting on a
 * customer's page, §7.4, §7.5) settles to SUCCESS or FAILED after its time, or when the customer,
 * the admin API or a scenario says so. Settling on success debits the card then (a short balance
 * fails it with `4035414`). A payment waiting on a page that reaches its time expires (`4035400`,
 * SNAP status 05); one the customer cancels there is `4045404` (status 05). Due settlements are
 * applied when the payment is next read (and by the outbox's tick), so a restart changes nothing.
 */
import type { Deps } from '../../../deps.js';
import type { PaymentRecord } from '../../../store/types.js';
import { debit } from './balance.js';
import { toCents } from '../../../snap/money.js';
import { paymentOutcome } from './payment-status.js';

export function settleIfDue(p: PaymentRecord | undefined, deps: Deps, now: number): PaymentRecord | undefined {
  if (p?.status === 'PENDING' && p.settleAt !== undefined && now >= p.settleAt) {
    const onPage = p.wallet !== undefined || p.issuer !== undefined;
    settle(p, p.settleTo ?? 'SUCCESS', deps, p.settleAt, onPage ? 'EXPIRED' : undefined);
  }
  return p;
}

/** `closed`: a FAILED that is the customer's cancellation, or the page's expiry, rather than a refusal. */
export function settle(p: PaymentRecord, to: 'SUCCESS' | 'FAILED', deps: Deps, at: number, closed?: 'CANCELED' | 'EXPIRED'): void {
  const binding = p.bindingRef ? deps.store.bindings.byReferenceNo(p.bindingRef) : undefined;
  if (to === 'FAILED' && closed)
    deps.store.settlePayment(p, { status: 'FAILED', ...paymentOutcome(closed === 'EXPIRED' ? '403_00' : '404_04'), closed });
  else if (to === 'FAILED') deps.store.settlePayment(p, { status: 'FAILED', ...paymentOutcome('403_05') });
  else if (!debit(deps.store, binding, toCents(p.amount.value)))
    deps.store.settlePayment(p, { status: 'FAILED', ...paymentOutcome('403_14') });
  else deps.store.settlePayment(p, { status: 'SUCCESS', ...paymentOutcome('200_00'), paidTime: at, approvalCode: deps.ids.approvalCode() });
}
