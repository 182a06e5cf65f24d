/**
 * A VA's state (docs/doku.md §14.5): ACTIVE → PAID (single-use, once paid) | ACTIVE with payments
 * appended (reusable) → EXPIRED at expiredDate, by the clock | INACTIVE by update | DELETED. Only an
 * ACTIVE VA before its expiry takes a payment. The request names it by virtualAccountNo (any
 * padding), else by partnerServiceId + customerNo.
 */
import type { Store } from '../../../store/store.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';

export type VaState = VirtualAccountRecord['status'] | 'EXPIRED';

export const stateAt = (va: VirtualAccountRecord, now: number): VaState =>
  va.status === 'ACTIVE' && now >= va.expiresAt ? 'EXPIRED' : va.status;

export function findVa(
  store: Store,
  clientId: string,
  named: { partnerServiceId?: string; customerNo?: string; virtualAccountNo?: string },
): VirtualAccountRecord | undefined {
  const no = named.virtualAccountNo || `${named.partnerServiceId ?? ''}${named.customerNo ?? ''}`;
  return no ? store.virtualAccounts.byVaNo(clientId, no) : undefined;
}
