/**
 * The payment a request names, the one lookup check status, refund and sticky scenarios share:
 * by `originalReferenceNo` (DOKU's reference), then `originalPartnerReferenceNo` (the merchant's),
 * then `originalExternalId` (the X-EXTERNAL-ID it was made with); the first that belongs to the
 * calling merchant. Another merchant's payment is never found.
 */
import type { Store } from '../../../store/store.js';
import type { PaymentRecord } from '../../../store/types.js';

export interface PaymentNames {
  originalReferenceNo?: string;
  originalPartnerReferenceNo?: string;
  originalExternalId?: string;
}

export function findNamedPayment(store: Store, clientId: string, names: PaymentNames): PaymentRecord | undefined {
  const { originalReferenceNo: ref, originalPartnerReferenceNo: partnerRef, originalExternalId: externalId } = names;
  const candidates = [
    () => (ref ? store.findPayment(ref) : undefined),
    () => (partnerRef ? store.payments.byPartnerReferenceNo(clientId, partnerRef) : undefined),
    () => (externalId ? store.payments.byExternalId(clientId, externalId) : undefined),
  ];
  for (const candidate of candidates) {
    const payment = candidate();
    if (payment && payment.clientId === clientId) return payment;
  }
  return undefined;
}
