/**
 * Sticky scenarios (README, "Scenarios"): a payment remembers the scenario it was created under; its
 * later status checks and refunds follow that scenario where it names those endpoints. Read from
 * the body before it is validated (a forced answer may come before validation), so only string
 * values name a payment.
 */
import { findNamedPayment } from './domain/find-payment.js';
import type { Store } from '../../store/store.js';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The refund's and the status check's `sticky` (endpoint.ts): the scenario of the payment the body names. */
export function stickyScenarioName(json: Record<string, unknown>, clientId: string, store: Store): string | undefined {
  const names = {
    originalReferenceNo: str(json.originalReferenceNo),
    originalPartnerReferenceNo: str(json.originalPartnerReferenceNo),
    originalExternalId: str(json.originalExternalId),
  };
  return findNamedPayment(store, clientId, names)?.scenario;
}
