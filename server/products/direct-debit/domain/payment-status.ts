/**
 * SNAP latestTransactionStatus of a payment (docs/doku.md §9): 00 success, 01 initiated (waiting on
 * the customer's page), 03 pending, 04 refunded, 05 canceled (that page closed: cancelled or
 * expired), 06 failed. DOKU_WAITING_STATUS=legacy answers 03 and 06 for those two instead, as the
 * sandbox did before (docs/settings.md).
 */
import { CASES, SERVICE_CODES, responseCode, type CaseKey } from '../../../snap/response-codes.js';
import type { PaymentRecord } from '../../../store/types.js';
import { toCents } from '../../../snap/money.js';

/** The `{responseCode, responseMessage}` a payment records as its outcome (service 54). */
export const paymentOutcome = (k: CaseKey) => ({
  responseCode: responseCode(k, SERVICE_CODES.payment),
  responseMessage: CASES[k] as string,
});

export function latestStatus(p: PaymentRecord, waiting: 'snap' | 'legacy' = 'snap'): { code: string; desc: string } {
  const snap = waiting === 'snap';
  if (p.status === 'PENDING')
    return snap && (p.wallet !== undefined || p.issuer !== undefined) ? { code: '01', desc: 'Initiated' } : { code: '03', desc: 'Pending' };
  if (p.status === 'FAILED') return snap && p.closed ? { code: '05', desc: 'Canceled' } : { code: '06', desc: 'Failed' };
  const refunded = p.refunds.reduce((sum, r) => sum + toCents(r.refundAmount.value), 0n);
  return refunded > 0n && refunded === toCents(p.amount.value) ? { code: '04', desc: 'Refunded' } : { code: '00', desc: 'Success' };
}
