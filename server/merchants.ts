/**
 * Every merchant the sandbox knows: those of the settings (DOKU_CLIENT_ID…, DOKU_MERCHANTS_FILE,
 * or the demo), then those registered at run time (POST /__mock/merchants), which live in the
 * state and so survive a restart. A team shares one sandbox this way, each job with its own
 * merchant; the records of one merchant are invisible to another (its tokens name it, and every
 * lookup is by its clientId).
 */
import type { Merchant } from './config/keys.js';
import { merchantOf } from './config/merchant-input.js';
import type { Store } from './store/store.js';
import type { MerchantRecord } from './store/types.js';

export class MerchantRegistry {
  /** the key objects of registered merchants, made once per record */
  private readonly made = new WeakMap<MerchantRecord, Merchant>();

  constructor(
    readonly configured: readonly Merchant[],
    private readonly store: Store,
  ) {}

  find(clientId: string): Merchant | undefined {
    const fixed = this.configured.find((m) => m.clientId === clientId);
    if (fixed) return fixed;
    const all = this.store.data.merchants;
    return Object.hasOwn(all, clientId) ? this.merchant(all[clientId]!) : undefined;
  }

  list(): Merchant[] {
    return [...this.configured, ...Object.values(this.store.data.merchants).map((r) => this.merchant(r))];
  }

  isConfigured(clientId: string): boolean {
    return this.configured.some((m) => m.clientId === clientId);
  }

  private merchant(r: MerchantRecord): Merchant {
    let m = this.made.get(r);
    if (!m) this.made.set(r, (m = merchantOf(r)));
    return m;
  }
}
