/**
 * A QRIS's life (docs/doku.md §15.4): PENDING until paid (PAID), failed at the issuer (FAILED),
 * canceled, or refunded in full (REFUNDED); past its validityPeriod an unpaid QR is EXPIRED, by the
 * clock. SNAP's latestTransactionStatus: 00 success, 03 pending, 04 refunded, 05 canceled, 06
 * failed; expiry has no SNAP value (DOKU_QRIS_EXPIRED_STATUS: 06 "Expired", or 03).
 */
import type { Config } from '../../../config/load.js';
import type { QrisRecord } from '../../../store/qris-records.js';

export type QrisState = QrisRecord['status'] | 'EXPIRED';

export const stateAt = (q: QrisRecord, now: number): QrisState => (q.status === 'PENDING' && now >= q.expiresAt ? 'EXPIRED' : q.status);

const SNAP: Record<QrisState, [code: string, desc: string]> = {
  PAID: ['00', 'Success'],
  PENDING: ['03', 'Pending'],
  REFUNDED: ['04', 'Refunded'],
  CANCELED: ['05', 'Canceled'],
  FAILED: ['06', 'Failed'],
  EXPIRED: ['06', 'Expired'],
};

export function latestStatus(
  config: Config,
  q: QrisRecord,
  now: number,
): { latestTransactionStatus: string; transactionStatusDesc: string } {
  const state = stateAt(q, now);
  const [code, desc] = state === 'EXPIRED' && config.qrisExpiredStatus === '03' ? SNAP.PENDING : SNAP[state];
  return { latestTransactionStatus: code, transactionStatusDesc: desc };
}
