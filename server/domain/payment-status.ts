/** SNAP latestTransactionStatus of a payment (docs/doku.md §9): 00 success, 03 pending, 04 refunded, 06 failed. */
import { CASES, SERVICE_CODES, responseCode, type CaseKey } from '../snap/response-codes.js';
import type { PaymentRecord } from '../store/types.js';
import { toCents } from './money.js';

/** The `{responseCode, responseMessage}` a payment records as its outcome (service 54). */
export const paymentOutcome = (k: CaseKey) => ({
  responseCode: responseCode(k, SERVICE_CODES.payment),
  responseMessage: CASES[k] as string,
});

export function latestStatus(p: PaymentRecord): { code: string; desc: string } {
  if (p.status === 'PENDING') return { code: '03', desc: 'Pending' };
  if (p.status === 'FAILED') return { code: '06', desc: 'Failed' };
  const refunded = p.refunds.reduce((sum, r) => sum + toCents(r.refundAmount.value), 0n);
  return refunded > 0n && refunded === toCents(p.amount.value) ? { code: '04', desc: 'Refunded' } : { code: '00', desc: 'Success' };
}
