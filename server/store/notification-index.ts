/**
 * Each merchant's notification records, oldest first, so the cap is per merchant: one merchant
 * whose receiver is down cannot push out another's deliveries (docs/shared-sandbox.md). Past
 * DOKU_NOTIFICATIONS_PER_MERCHANT (default NOTIFICATIONS_PER_MERCHANT) a merchant's oldest finished records go; one still to be delivered
 * (of a payment the merchant was told was accepted) is never dropped. A merchant with more than
 * that many still pending is "overflowing": the delivery log and /health say so.
 */
import type { NotificationRecord } from './types.js';

export const NOTIFICATIONS_PER_MERCHANT = 1000;

export class NotificationIndex {
  private readonly byMerchant = new Map<string, Set<string>>();

  constructor(private readonly cap = NOTIFICATIONS_PER_MERCHANT) {}

  rebuild(all: Record<string, NotificationRecord>): void {
    this.byMerchant.clear();
    for (const n of Object.values(all)) this.ids(n.clientId).add(n.id);
  }

  /** Adds `n`; the ids of the merchant's records to drop to stay within the cap (finished ones only, oldest first). */
  add(n: NotificationRecord, all: Record<string, NotificationRecord>): string[] {
    const ids = this.ids(n.clientId);
    ids.add(n.id);
    const drop: string[] = [];
    let excess = ids.size - this.cap;
    if (excess <= 0) return drop;
    for (const id of ids) {
      if (excess <= 0) break;
      if (id === n.id || all[id]?.state === 'PENDING') continue;
      drop.push(id);
      excess--;
    }
    for (const id of drop) ids.delete(id);
    return drop;
  }

  remove(n: NotificationRecord): void {
    this.byMerchant.get(n.clientId)?.delete(n.id);
  }

  /** Merchants over the cap, with how many records they keep (all of them still pending past the cap). */
  overflowing(): [clientId: string, kept: number][] {
    return [...this.byMerchant].filter(([, ids]) => ids.size > this.cap).map(([id, ids]) => [id, ids.size]);
  }

  private ids(clientId: string): Set<string> {
    let ids = this.byMerchant.get(clientId);
    if (!ids) this.byMerchant.set(clientId, (ids = new Set()));
    return ids;
  }
}
