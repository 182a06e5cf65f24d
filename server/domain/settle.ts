/**
 * A PENDING payment (answered `2025400`, docs/doku.md §7.3, §1.8 "Mock-only") settles to SUCCESS or FAILED
 * after its scenario's delay, or when the admin API says so. Settling on success debits the card
 * then (a short balance fails it with `4035414`). Due settlements are applied when the payment is
 * next read, so no timer is needed and a restart changes nothing.
 */
import type { Deps } from '../deps.js';
import type { PaymentRecord } from '../store/types.js';
import { debit } from './balance.js';
import { toCents } from './money.js';
import { paymentOutcome } from './payment-status.js';

export function settleIfDue(p: PaymentRecord | undefined, deps: Deps, now: number): PaymentRecord | undefined {
  if (p?.status === 'PENDING' && p.settleAt !== undefined && now >= p.settleAt) settle(p, p.settleTo ?? 'SUCCESS', deps, p.settleAt);
  return p;
}

export function settle(p: PaymentRecord, to: 'SUCCESS' | 'FAILED', deps: Deps, at: number): void {
  const binding = p.bindingRef ? deps.store.bindings.byReferenceNo(p.bindingRef) : undefined;
  if (to === 'FAILED') deps.store.settlePayment(p, { status: 'FAILED', ...paymentOutcome('403_05') });
  else if (!debit(deps.store, binding, toCents(p.amount.value)))
    deps.store.settlePayment(p, { status: 'FAILED', ...paymentOutcome('403_14') });
  else deps.store.settlePayment(p, { status: 'SUCCESS', ...paymentOutcome('200_00'), paidTime: at, approvalCode: deps.ids.approvalCode() });
}
