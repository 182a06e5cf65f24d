/** What an emulated DOKU endpoint is: its wire identity, its checks, and its handler. */
import type { ZodType } from 'zod';
import type { Config, Merchant } from './config/load.js';
import type { Deps } from './deps.js';
import type { TokenClaims } from './auth/jwt.js';
import type { Store } from './store/store.js';
import type { Binding } from './store/types.js';
import type { Chosen } from './scenario/types.js';

export type { Deps };

export interface EndpointDefinition<B = unknown> {
  name: string;
  path: string;
  /** The HTTP verb DOKU documents (and signs with, docs/doku.md §2.2): POST unless said; VA update is PUT, VA delete DELETE. */
  method?: 'POST' | 'PUT' | 'DELETE';
  /** Other paths DOKU's pages or clients use for the same endpoint (docs/doku.md): served alike, signed over the path called. */
  aliases?: readonly string[];
  /** The endpoint's own SNAP service code (docs/doku.md §11.1); some are settings. */
  serviceCode(config: Config): string;
  /** asymmetric: token endpoints (docs/doku.md §2.1); symmetric: every transactional endpoint (docs/doku.md §2.2). */
  auth: 'asymmetric' | 'symmetric';
  /** Mandatory headers beyond the common ones (wire spelling). */
  extraHeaders?: readonly string[];
  /** Its answer can be held PENDING by a scenario's `pending` rule (`2025400`, then it settles: docs/doku.md §7.3). */
  pendable?: true;
  /** Service codes a scenario's responseCode may carry besides its own (refund's answers use 07 or 58: a setting). */
  otherServiceCodes?: readonly string[];
  /** What the OpenAPI document says beyond the common headers: optional headers, and when the customer token is needed. */
  docs?: { headers?: readonly { name: string; required: boolean; description: string }[]; customerToken?: string };
  /** Reads only: the answer need not wait for the write-ahead log append of its idempotency record. */
  readOnly?: true;
  /** Customer token (Authorization-Customer): required, or checked only when sent. */
  customerToken?: 'required' | 'optional';
  /**
   * Sticky scenarios (README, "Scenarios"): the scenario a record the body names was created under,
   * which this endpoint then follows (a payment's refunds and status checks). Read before validation.
   */
  sticky?(json: Record<string, unknown>, clientId: string, store: Store): string | undefined;
  schema(config: Config): ZodType<B>;
  handle(ctx: Ctx<B>): Promise<Reply>;
}

export interface Ctx<B> {
  deps: Deps;
  body: B;
  header(name: string): string | undefined;
  merchant: Merchant;
  b2b?: TokenClaims;
  customer?: { claims: TokenClaims; binding: Binding };
  /** Where a browser reaches this sandbox (hosted pages). */
  baseUrl: string;
  now: number;
  /** The scenario in force, when it lets the handler run (pending payments, execute rules). */
  scenario?: Chosen;
}

/** A successful answer: the success case and the body fields after responseCode/responseMessage. */
export interface Reply {
  caseKey?: '200_00' | '202_00';
  /** another service code in the answer than the endpoint's (a documented DOKU quirk, settings) */
  serviceCode?: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}
