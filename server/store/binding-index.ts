/** Secondary indexes over card bindings (primary key: referenceNo), rebuilt at load and reset. */
import type { Binding } from './types.js';

export class BindingIndex {
  private byRef = new Map<string, Binding>();
  private bySession = new Map<string, Binding>();
  private byChargeToken = new Map<string, Binding>();
  private byCardToken = new Map<string, Binding>();
  private byFingerprint = new Map<string, Set<Binding>>();
  /** merchant → partnerReferenceNo → its latest binding (a retried binding reuses the reference) */
  private byPartnerRef = new Map<string, Map<string, Binding>>();

  rebuild(all: Record<string, Binding>): void {
    this.byRef.clear();
    this.bySession.clear();
    this.byChargeToken.clear();
    this.byCardToken.clear();
    this.byFingerprint.clear();
    this.byPartnerRef.clear();
    for (const b of Object.values(all)) this.add(b);
  }

  add(b: Binding): void {
    this.byRef.set(b.referenceNo, b);
    this.bySession.set(b.sessionId, b);
    this.byChargeToken.set(b.chargeToken, b);
    if (b.bankCardToken) this.byCardToken.set(b.bankCardToken, b);
    const set = this.byFingerprint.get(b.fingerprint) ?? new Set();
    set.add(b);
    this.byFingerprint.set(b.fingerprint, set);
    if (b.partnerReferenceNo !== undefined) {
      const refs = this.byPartnerRef.get(b.clientId) ?? new Map<string, Binding>();
      const known = refs.get(b.partnerReferenceNo);
      if (!known || known.createdAt <= b.createdAt) refs.set(b.partnerReferenceNo, b);
      this.byPartnerRef.set(b.clientId, refs);
    }
  }

  byReferenceNo = (ref: string) => this.byRef.get(ref);
  bySessionId = (id: string) => this.bySession.get(id);
  byCharge = (token: string) => this.byChargeToken.get(token);
  byBankCardToken = (token: string) => this.byCardToken.get(token);
  byPartnerReferenceNo = (clientId: string, ref: string) => this.byPartnerRef.get(clientId)?.get(ref);
  withInstrument = (fingerprint: string): Binding[] => [...(this.byFingerprint.get(fingerprint) ?? [])];
}
