/**
 * A product family (direct debit, virtual accounts, …) as the core sees it: one folder under
 * server/products/ that hands the core this object, and nothing else. The core (pipeline,
 * signatures, tokens, errors, store, outbox, admin, clock) never imports a product: the
 * composition roots (main.ts, and the tests' app builder) give it the list (products/index.ts),
 * and the Catalogue answers what the core asks of all of them (docs/architecture.md).
 */
import type { Router } from 'express';
import type { Journal } from './admin/journal.js';
import type { Deps } from './deps.js';
import type { EndpointDefinition } from './endpoint.js';
import type { Merchant } from './config/keys.js';
import type { NotificationSource, Outbox } from './notify/outbox.js';
import type { Scenario } from './scenario/types.js';
import type { CaseKey } from './snap/response-codes.js';

/** What the catalogue says of one endpoint: the scenario library and the coverage report are built from it. */
export interface EndpointCatalogue {
  /** the response codes DOKU documents for it, success implied (docs/doku.md §11.2) */
  cases: readonly CaseKey[];
  /** the scenario names' prefix: `payment-…` */
  prefix: string;
  /** where docs/doku.md describes it */
  docs: string;
  /** answers that break parsers (issue #25 item 8): a key to add, a key to leave out */
  parser?: { extra?: Record<string, unknown>; extraWhy?: string; omit?: string; omitWhy?: string };
  /** a forced case whose scenario has a name of its own (refund 404_13 is `refund-exceeds-amount`) */
  slugs?: Partial<Record<CaseKey, string>>;
}

/** What a product's own /__mock routes get beyond Deps: the delivery log, and the request journal (a record's story). */
export interface AdminKit {
  outbox: Outbox;
  journal: Journal;
}

export interface Product {
  name: string;
  // Each endpoint has its own body type; the list holds them all, so it is typed by the widest.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  endpoints: readonly EndpointDefinition<any>[];
  catalogue: Record<string, EndpointCatalogue>;
  /** hand-designed scenarios beyond one per documented code */
  scenarios?: readonly Scenario[];
  /** hosted pages (a customer's browser), outside /__mock */
  pages?(deps: Deps): Router[];
  /** the OpenAPI operations of its admin routes and pages (admin/openapi-admin.ts has the helpers), by path */
  adminDocs?: Record<string, Record<string, unknown>>;
  /** the product's own admin routes, under /__mock, after the guard and the scope */
  admin?(deps: Deps, kit: AdminKit): Router;
  /** wires the product's events to the shared outbox (DOKU → merchant notifications), once at start */
  notifications?(deps: Deps, outbox: Outbox): void;
  /** the notification a record of this product (by its reference) would send now: the admin's "send now" */
  notificationOf?(deps: Deps, referenceNo: string): NotificationSource | undefined;
  /** the valid notification the verifier check sends for a merchant: its latest record's, else one made up */
  sampleNotification?(deps: Deps, merchant: Merchant, now: number): NotificationSource;
}
