/** Secondary indexes over payments (primary key: referenceNo), rebuilt at load and reset. */
import type { PaymentRecord } from './types.js';

const key = (clientId: string, id: string) => `${clientId}|${id}`;

export class PaymentIndex {
  private byPartnerRef = new Map<string, PaymentRecord>();
  private byExternal = new Map<string, PaymentRecord>();
  private byPartnerRefundNo = new Map<string, PaymentRecord>();

  rebuild(all: Record<string, PaymentRecord>): void {
    this.byPartnerRef.clear();
    this.byExternal.clear();
    this.byPartnerRefundNo.clear();
    for (const p of Object.values(all)) this.add(p);
  }

  /** The latest payment for a partnerReferenceNo wins the index (a retry after a failure). */
  add(p: PaymentRecord): void {
    this.byPartnerRef.set(key(p.clientId, p.partnerReferenceNo), p);
    this.byExternal.set(key(p.clientId, p.externalId), p);
    for (const r of p.refunds) this.byPartnerRefundNo.set(key(p.clientId, r.partnerRefundNo), p);
  }

  byPartnerReferenceNo = (clientId: string, ref: string) => this.byPartnerRef.get(key(clientId, ref));
  byExternalId = (clientId: string, id: string) => this.byExternal.get(key(clientId, id));
  byRefundNo = (clientId: string, partnerRefundNo: string) => this.byPartnerRefundNo.get(key(clientId, partnerRefundNo));
}
