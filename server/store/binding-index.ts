/** Secondary indexes over card bindings (primary key: referenceNo), rebuilt at load and reset. */
import type { CardBinding } from './types.js';

export class BindingIndex {
  private byRef = new Map<string, CardBinding>();
  private bySession = new Map<string, CardBinding>();
  private byChargeToken = new Map<string, CardBinding>();
  private byCardToken = new Map<string, CardBinding>();
  private byFingerprint = new Map<string, Set<CardBinding>>();

  rebuild(all: Record<string, CardBinding>): void {
    this.byRef.clear();
    this.bySession.clear();
    this.byChargeToken.clear();
    this.byCardToken.clear();
    this.byFingerprint.clear();
    for (const b of Object.values(all)) this.add(b);
  }

  add(b: CardBinding): void {
    this.byRef.set(b.referenceNo, b);
    this.bySession.set(b.sessionId, b);
    this.byChargeToken.set(b.chargeToken, b);
    if (b.bankCardToken) this.byCardToken.set(b.bankCardToken, b);
    const set = this.byFingerprint.get(b.cardFingerprint) ?? new Set();
    set.add(b);
    this.byFingerprint.set(b.cardFingerprint, set);
  }

  byReferenceNo = (ref: string) => this.byRef.get(ref);
  bySessionId = (id: string) => this.bySession.get(id);
  byCharge = (token: string) => this.byChargeToken.get(token);
  byBankCardToken = (token: string) => this.byCardToken.get(token);
  withCard = (fingerprint: string): CardBinding[] => [...(this.byFingerprint.get(fingerprint) ?? [])];
}
