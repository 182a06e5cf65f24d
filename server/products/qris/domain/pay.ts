/**
 * The customer scans a QR and pays it in their app (docs/doku.md §15.6: DOKU's dashboard simulator,
 * here the admin action), or the issuer fails it. Only a pending QR before its validityPeriod is
 * payable; DOKU documents no code for paying one that is not, so the refusal (the admin answer's
 * 409) names the QR's state.
 */
import type { Deps } from '../../../deps.js';
import type { QrisRecord } from '../../../store/qris-records.js';
import { stateAt } from './qris-state.js';

export interface QrisPayInput {
  /** success (default) or fail: the issuer declines */
  result?: 'success' | 'fail';
  /** the payer's app, as QRIS names issuers (BCAD, OVO, GOPAY, DANA, SHOPEEPAY) */
  issuerName?: string;
  customerName?: string;
}

export type QrisPayOutcome = { ok: true; q: QrisRecord } | { ok: false; why: string };

export function payQris(deps: Deps, q: QrisRecord, input: QrisPayInput, now: number): QrisPayOutcome {
  const state = stateAt(q, now);
  if (state === 'EXPIRED') return { ok: false, why: `this QR expired at ${q.validityPeriod}` };
  if (state !== 'PENDING') return { ok: false, why: `this QR is ${state}` };
  if (input.result === 'fail') {
    deps.store.qrisSettled(q, { status: 'FAILED', issuerName: input.issuerName ?? 'BCAD' });
    return { ok: true, q };
  }
  deps.store.qrisSettled(q, {
    status: 'PAID',
    paidAt: now,
    approvalCode: deps.ids.approvalCode(),
    issuerName: input.issuerName ?? 'BCAD',
    customerName: input.customerName ?? deps.ids.faker.person.fullName().toUpperCase().slice(0, 30),
  });
  return { ok: true, q };
}
