/**
 * Payments by referenceNo, with secondary indexes rebuilt at load and reset (the externalId index
 * on first use). The indexes map to referenceNos. A payment at rest is its last written line, a
 * string (journal-format.ts, snapshot-read.ts): `get` parses it and keeps the object until the
 * payment's next commit, so all callers meanwhile see one object. Nested per merchant so no key
 * string is built per record.
 */
import type { PaymentRecord } from './types.js';

class PerMerchant {
  private readonly maps = new Map<string, Map<string, string>>();
  set(clientId: string, id: string, referenceNo: string): void {
    let m = this.maps.get(clientId);
    if (!m) this.maps.set(clientId, (m = new Map()));
    m.set(id, referenceNo);
  }
  get(clientId: string, id: string): string | undefined {
    return this.maps.get(clientId)?.get(id);
  }
  clear(): void {
    this.maps.clear();
  }
}

export class PaymentIndex {
  private readonly byPartnerRef = new PerMerchant();
  private readonly byPartnerRefundNo = new PerMerchant();
  /**
   * Built on first use: only a check status (or sticky scenario) naming `originalExternalId` asks
   * for it, SDK flows name the partnerReferenceNo. Saves its build at start (~40 ms) and its
   * memory (~4 MB) per 100 000 payments until then (docs/performance.md).
   */
  private byExternal: PerMerchant | undefined;
  private all: Record<string, PaymentRecord | string> = {};

  /** `all` is the store's live collection: `get` and a later first use of a lazy index read it. */
  rebuild(all: Record<string, PaymentRecord | string>): void {
    this.all = all;
    this.byPartnerRef.clear();
    this.byPartnerRefundNo.clear();
    this.byExternal = undefined;
    for (const ref in all) {
      const p = all[ref]!;
      const keys = typeof p === 'string' ? lineKeys(p) : undefined;
      if (keys) this.byPartnerRef.set(keys.clientId, keys.partnerReferenceNo, ref);
      else this.add(this.get(ref)!); // an object, or a line this cannot read without parsing it
    }
  }

  /** The latest payment for a partnerReferenceNo wins the index (a retry after a failure). */
  add(p: PaymentRecord): void {
    this.byPartnerRef.set(p.clientId, p.partnerReferenceNo, p.referenceNo);
    this.byExternal?.set(p.clientId, p.externalId, p.referenceNo);
    for (const r of p.refunds) this.byPartnerRefundNo.set(p.clientId, r.partnerRefundNo, p.referenceNo);
  }

  get(referenceNo: string): PaymentRecord | undefined {
    const p = this.all[referenceNo];
    if (typeof p !== 'string') return p;
    const parsed = JSON.parse(p) as PaymentRecord;
    this.all[referenceNo] = parsed;
    return parsed;
  }

  byPartnerReferenceNo = (clientId: string, ref: string) => this.found(this.byPartnerRef.get(clientId, ref));
  byExternalId = (clientId: string, id: string) => this.found(this.externalIndex().get(clientId, id));
  byRefundNo = (clientId: string, partnerRefundNo: string) => this.found(this.byPartnerRefundNo.get(clientId, partnerRefundNo));

  private found(referenceNo: string | undefined): PaymentRecord | undefined {
    return referenceNo === undefined ? undefined : this.get(referenceNo);
  }

  private externalIndex(): PerMerchant {
    if (this.byExternal) return this.byExternal;
    const index = new PerMerchant();
    for (const ref in this.all) {
      const p = this.all[ref]!;
      const keys = typeof p === 'string' ? lineKeys(p) : undefined;
      const { clientId, externalId } = keys ?? this.get(ref)!;
      index.set(clientId, externalId, ref);
    }
    return (this.byExternal = index);
  }
}

/**
 * A payment line's index keys, read without parsing it when that is unambiguous: the line begins
 * with the keys in the order endpoints/payment.ts creates them, and has no refunds (those need the
 * index by partnerRefundNo). The line is `JSON.stringify` output, where a `"` inside a string is
 * always `\"`: `"refunds":[` can only be a key, and a value ends at the first `"` unless it holds
 * an escape. Anything else: undefined, and the caller parses the line.
 */
export function lineKeys(line: string): { clientId: string; partnerReferenceNo: string; externalId: string } | undefined {
  const refunds = line.lastIndexOf('"refunds":['); // near the end: lastIndexOf finds it after a few characters
  if (refunds < 0 || line.charCodeAt(refunds + 11) !== 0x5d /* ] */) return undefined;
  let at = 0;
  const next = (key: string): string | undefined => {
    if (!line.startsWith(key, at)) return undefined;
    const start = at + key.length;
    at = line.indexOf('"', start);
    const value = line.slice(start, at);
    return value.includes('\\') ? undefined : value;
  };
  if (next('{"referenceNo":"') === undefined) return undefined;
  const clientId = next('","clientId":"');
  const partnerReferenceNo = clientId === undefined ? undefined : next('","partnerReferenceNo":"');
  const externalId = partnerReferenceNo === undefined ? undefined : next('","externalId":"');
  return externalId === undefined ? undefined : { clientId: clientId!, partnerReferenceNo: partnerReferenceNo!, externalId };
}
