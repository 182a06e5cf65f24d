/**
 * Every product the sandbox emulates, for the composition roots (main.ts, the tests' app builder,
 * the scripts): the core never imports this, it is handed the list (catalogue.ts).
 */
import { Catalogue } from '../catalogue.js';
import type { Product } from '../product.js';
import { directDebit } from './direct-debit/index.js';
import { qris } from './qris/index.js';
import { virtualAccounts } from './virtual-accounts/index.js';

export const PRODUCTS: readonly Product[] = [directDebit, virtualAccounts, qris];

/** The catalogue of every product (a fresh one per sandbox: nothing in it is shared state, but nothing need be). */
export const productCatalogue = (): Catalogue => new Catalogue(PRODUCTS);
