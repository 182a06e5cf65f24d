/**
 * Payments by referenceNo, with secondary indexes rebuilt at load and reset (the externalId index
 * on first use). The indexes map to referenceNos. A payment at rest is where its last written line
 * is (a number, store/line-files.ts) or that line (a string): `get` reads and parses it and keeps
 * the object beside the collection while the payment stays there, so all callers see one object.
 * The collection itself holds only payments at rest and changed ones not yet written, so a
 * compaction never meets an object it cannot tell from a change.
 * Nested per merchant so no key string is built per record.
 */
import type { LineFiles } from './line-files.js';
import type { PaymentRecord } from './types.js';

type AtRest = PaymentRecord | string | number;
/** ~1 KB each: a status check of a recent payment then costs no read (docs/performance.md) */
const PARSED_MAX = 1024;

class PerMerchant {
  private readonly maps = new Map<string, Map<string, string>>();
  set(clientId: string, id: string, referenceNo: string): void {
    let m = this.maps.get(clientId);
    if (!m) this.maps.set(own(clientId), (m = new Map()));
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
   * for it, SDK flows name the partnerReferenceNo. Saves its build at start and its memory
   * (~4 MB per 100 000 payments) until then (docs/performance.md).
   */
  private byExternal: PerMerchant | undefined;
  private all: Record<string, AtRest> = {};
  private lines: LineFiles | undefined;
  /** payments read lately: referenceNo → where they were at rest, and the object (see `get`) */
  private readonly parsed = new Map<string, { from: string | number; obj: PaymentRecord }>();
  private releasesSeen = 0;

  /**
   * `all` is the store's live collection: `get` and a later first use of a lazy index read it.
   * `indexedAtRest`: the payments at rest in it were indexed already, as the start read the
   * snapshot (`indexLine`); only the objects (replayed from the journal) are left to index.
   */
  rebuild(all: Record<string, AtRest>, lines?: LineFiles, indexedAtRest = false): void {
    this.all = all;
    this.lines = lines;
    this.parsed.clear();
    this.byExternal = undefined;
    if (!indexedAtRest) {
      this.byPartnerRef.clear();
      this.byPartnerRefundNo.clear();
    }
    for (const ref in all) {
      const p = all[ref]!;
      if (typeof p === 'object') this.add(p);
      else if (!indexedAtRest) this.indexLine(ref, this.text(p));
    }
  }

  /**
   * Indexes a payment at rest from its line, keeping copies of its keys only (the line may be a
   * view of a larger text). `referenceNo` is already a key of the collection: V8 then makes it a
   * view of its internalized copy, which keeps nothing else alive (measured).
   */
  indexLine(referenceNo: string, line: string): void {
    const keys = lineKeys(line);
    if (keys) this.byPartnerRef.set(keys.clientId, own(keys.partnerReferenceNo), referenceNo);
    else this.add(JSON.parse(line) as PaymentRecord); // a line this cannot read without parsing it (refunds, escapes)
  }

  /**
   * The latest payment for a partnerReferenceNo wins the index (a retry after a failure). Called
   * with a new or changed payment, now in the collection itself: no longer one to keep parsed.
   */
  add(p: PaymentRecord): void {
    this.parsed.delete(p.referenceNo);
    this.byPartnerRef.set(p.clientId, p.partnerReferenceNo, p.referenceNo);
    this.byExternal?.set(p.clientId, p.externalId, p.referenceNo);
    for (const r of p.refunds) this.byPartnerRefundNo.set(p.clientId, r.partnerRefundNo, p.referenceNo);
  }

  /**
   * A payment at rest is parsed once and kept, in `parsed`, while it stays where it was read from
   * (a change gives it a new place: Store.paymentChanged puts the object into the collection, and
   * its journal append moves it to rest elsewhere). `parsed` keeps the last PARSED_MAX payments
   * read, and is emptied when a compaction closes files (their slots are then reused).
   */
  get(referenceNo: string): PaymentRecord | undefined {
    // own keys only: a reference such as "constructor" must not find Object.prototype's member
    if (!Object.hasOwn(this.all, referenceNo)) return undefined;
    const p = this.all[referenceNo];
    if (p === undefined || typeof p === 'object') return p;
    if (this.lines && this.lines.releases !== this.releasesSeen) {
      this.parsed.clear();
      this.releasesSeen = this.lines.releases;
    }
    const seen = this.parsed.get(referenceNo);
    if (seen?.from === p) return seen.obj;
    const obj = JSON.parse(this.text(p)) as PaymentRecord;
    this.parsed.delete(referenceNo);
    this.parsed.set(referenceNo, { from: p, obj });
    if (this.parsed.size > PARSED_MAX) this.parsed.delete(this.parsed.keys().next().value!);
    return obj;
  }

  byPartnerReferenceNo = (clientId: string, ref: string) => this.found(this.byPartnerRef.get(clientId, ref));
  byExternalId = (clientId: string, id: string) => this.found(this.externalIndex().get(clientId, id));
  byRefundNo = (clientId: string, partnerRefundNo: string) => this.found(this.byPartnerRefundNo.get(clientId, partnerRefundNo));

  private found(referenceNo: string | undefined): PaymentRecord | undefined {
    return referenceNo === undefined ? undefined : this.get(referenceNo);
  }

  private text(p: string | number): string {
    if (typeof p === 'string') return p;
    if (!this.lines) throw new Error('payment-index: a payment on disk, and no file to read it from');
    return this.lines.read(p);
  }

  /** Built by reading every payment once, from disk for those at rest (~0.35 s per 100 000 here, once; docs/performance.md). */
  private externalIndex(): PerMerchant {
    if (this.byExternal) return this.byExternal;
    const index = new PerMerchant();
    for (const ref in this.all) {
      const p = this.all[ref]!;
      const { clientId, externalId } = typeof p === 'object' ? p : keysOfLine(this.text(p));
      index.set(clientId, own(externalId), ref);
    }
    return (this.byExternal = index);
  }
}

/** A line's keys, read from its beginning when lineKeys can, else parsed. */
const keysOfLine = (line: string) => lineKeys(line) ?? (JSON.parse(line) as PaymentRecord);

/**
 * A copy of `s` that does not keep alive the text it was cut from (the indexes keep their keys).
 * V8 cuts a substring of 13 or more characters as a view of its parent (a 46 MB snapshot, a
 * payment's line); concatenating then cutting makes it flatten a new string first, so the view is
 * of that small copy (measured: 50 keys cut from 1 MB texts kept 50 MB without it, nothing with it).
 */
export const own = (s: string): string => (s.length < 13 ? s : `${s} `.slice(0, -1));

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
