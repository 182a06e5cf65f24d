/**
 * The stored answers of the idempotency ledger (docs/doku.md §12), kept per Asia/Jakarta day: days before
 * yesterday are dropped, and a day keeps at most `cap` answers, the oldest going first, so steady
 * traffic cannot grow memory without bound (a sandbox never sees DOKU's volumes).
 */
import type { IdempotencyRecord } from './types.js';

type Days = Record<string, Record<string, IdempotencyRecord>>;

/**
 * A merchant's X-EXTERNAL-ID as a key of the day's records: a JSON pair, so no clientId and
 * X-EXTERNAL-ID can spell another pair's key (`P|2` + `X` was `P` + `2|X` when joined by `|`).
 */
export const idempotencyKey = (clientId: string, externalId: string): string => JSON.stringify([clientId, externalId]);

/** Whether `key` is one of `clientId`'s (keys of the `|` form, of state written before, expire with their day). */
export const isKeyOf = (key: string, clientId: string): boolean => key.startsWith(`${JSON.stringify([clientId]).slice(0, -1)},`);

export class IdempotencyRecords {
  /** each day's keys, oldest first (rebuilt from the data on first use) */
  private readonly order = new Map<string, { keys: string[]; head: number }>();

  save(
    days: Days,
    day: string,
    key: string,
    rec: IdempotencyRecord,
    yesterday: string,
    cap: number,
    touch: (...path: [string] | [string, string]) => void,
  ): void {
    for (const d of Object.keys(days)) {
      if (d >= yesterday) continue;
      delete days[d];
      this.order.delete(d);
      touch(d);
    }
    const records = (days[day] ??= {});
    let order = this.order.get(day);
    if (!order) this.order.set(day, (order = { keys: Object.keys(records), head: 0 }));
    if (!(key in records)) order.keys.push(key);
    records[key] = rec;
    touch(day, key);
    while (order.keys.length - order.head > cap) {
      const oldest = order.keys[order.head++]!;
      delete records[oldest];
      touch(day, oldest);
    }
    if (order.head > 4096 && order.head * 2 > order.keys.length) {
      order.keys = order.keys.slice(order.head);
      order.head = 0;
    }
  }

  clear(): void {
    this.order.clear();
  }
}
