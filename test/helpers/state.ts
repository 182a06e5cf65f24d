/** A store's whole state as JSON, payments still held as their snapshot line parsed (store/snapshot-read.ts). */
import type { Store } from '../../server/store/store.js';

export const stateOf = (store: Store): string =>
  JSON.stringify({ ...store.data, payments: Object.fromEntries(Object.keys(store.data.payments).map((ref) => [ref, store.findPayment(ref)])) });
