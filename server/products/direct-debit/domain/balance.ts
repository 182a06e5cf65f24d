/**
 * A binding's balance (docs/doku.md §10.1): generated when it became active, debited by payments and
 * credited by refunds. Bindings without a balance (a CPAN nobody bound here) are not checked.
 */
import type { Store } from '../../../store/store.js';
import type { Binding } from '../../../store/types.js';
import { fromCents, toCents } from '../../../snap/money.js';

/** Debits `cents` if the balance covers it; false (nothing changed) when it does not. */
export function debit(store: Store, binding: Binding | undefined, cents: bigint): boolean {
  if (binding?.balance === undefined) return true;
  const balance = toCents(binding.balance);
  if (balance < cents) return false;
  store.updateBinding(binding, { balance: fromCents(balance - cents) });
  return true;
}

export function credit(store: Store, binding: Binding | undefined, cents: bigint): void {
  if (binding?.balance !== undefined) store.updateBinding(binding, { balance: fromCents(toCents(binding.balance) + cents) });
}
