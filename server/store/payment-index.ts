/**
 * Payments by the keys a request names them by, per merchant: partnerReferenceNo, the payment's
 * X-EXTERNAL-ID and its refunds' partnerRefundNo (docs/doku.md §7.3, §8). Rebuilt at load and reset.
 */
import type { PaymentRecord } from './types.js';

class PerMerchant {
  private readonly maps = new Map<string, Map<string, PaymentRecord>>();
  set(clientId: string, id: string, p: PaymentRecord): void {
    let m = this.maps.get(clientId);
    if (!m) this.maps.set(clientId, (m = new Map()));
    m.set(id, p);
  }
  get(clientId: string, id: string): PaymentRecord | undefined {
    return this.maps.get(clientId)?.get(id);
  }
  clear(): void {
    this.maps.clear();
  }
}

export class PaymentIndex {
  private all: Record<string, PaymentRecord> = {};
  private readonly byPartnerRef = new PerMerchant();
  private readonly byExternal = new PerMerchant();
  private readonly byPartnerRefundNo = new PerMerchant();
  /** the session of a customer's page: an e-wallet's, or the issuer's OTP/PIN page */
  private readonly byPage = new Map<string, PaymentRecord>();

  /** `all` is the store's collection, which `get` reads: by referenceNo it needs no index of its own. */
  rebuild(all: Record<string, PaymentRecord>): void {
    this.all = all;
    this.byPartnerRef.clear();
    this.byExternal.clear();
    this.byPartnerRefundNo.clear();
    this.byPage.clear();
    for (const p of Object.values(all)) this.add(p);
  }

  /** A new or changed payment; the latest payment for a partnerReferenceNo wins (a retry after a failure). */
  add(p: PaymentRecord): void {
    this.byPartnerRef.set(p.clientId, p.partnerReferenceNo, p);
    this.byExternal.set(p.clientId, p.externalId, p);
    for (const r of p.refunds) this.byPartnerRefundNo.set(p.clientId, r.partnerRefundNo, p);
    if (p.wallet) this.byPage.set(p.wallet.sessionId, p);
    if (p.issuer) this.byPage.set(p.issuer.sessionId, p);
  }

  /** Own keys only: a reference such as "constructor" finds nothing (issue #19, defect 1). */
  get = (referenceNo: string) => (Object.hasOwn(this.all, referenceNo) ? this.all[referenceNo] : undefined);
  byPartnerReferenceNo = (clientId: string, ref: string) => this.byPartnerRef.get(clientId, ref);
  byExternalId = (clientId: string, id: string) => this.byExternal.get(clientId, id);
  byRefundNo = (clientId: string, partnerRefundNo: string) => this.byPartnerRefundNo.get(clientId, partnerRefundNo);
  byWalletSession = (sessionId: string) => (this.byPage.get(sessionId)?.wallet ? this.byPage.get(sessionId) : undefined);
  byIssuerSession = (sessionId: string) => (this.byPage.get(sessionId)?.issuer ? this.byPage.get(sessionId) : undefined);
}
