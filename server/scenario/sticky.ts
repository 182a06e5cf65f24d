/**
 * Sticky scenarios (peers.md §4.5): a payment remembers the scenario it was created under; its
 * later status checks and refunds follow that scenario where it names those endpoints.
 */
import type { Store } from '../store/store.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function stickyScenarioName(endpoint: string, json: Record<string, unknown>, clientId: string, store: Store): string | undefined {
  if (endpoint !== 'refund' && endpoint !== 'check-status') return undefined;
  const byRef = str(json.originalReferenceNo) ? store.findPayment(str(json.originalReferenceNo)!) : undefined;
  const byPartner = str(json.originalPartnerReferenceNo) ? store.payments.byPartnerReferenceNo(clientId, str(json.originalPartnerReferenceNo)!) : undefined;
  const byExternal = str(json.originalExternalId) ? store.payments.byExternalId(clientId, str(json.originalExternalId)!) : undefined;
  const payment = [byRef, byPartner, byExternal].find((p) => p && p.clientId === clientId);
  return payment?.scenario;
}
