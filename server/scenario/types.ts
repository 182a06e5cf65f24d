/**
 * A scenario file (scenarios/*.json): what happens on which endpoint. Validated at start-up; a bad
 * file stops the server naming the file and the problem.
 */
import { z } from 'zod';

/** `4035414`, or `500xx00` where `xx` stands for the endpoint's own service code (DOKU's notation). */
const RESPONSE_CODE = /^\d{3}(\d{2}|xx)\d{2}$/;

export const ruleSchema = z
  .object({
    /** Force this answer; omitted = the normal behaviour (with the timing effects below). */
    responseCode: z.string().regex(RESPONSE_CODE, 'must be 7 digits, or like 500xx00').optional(),
    responseMessage: z.string().max(150).optional(),
    /** Extra SNAP body fields sent with the forced code. */
    body: z.record(z.string(), z.unknown()).optional(),
    /** `auth`: answer before any header or signature check; default `business`: after them. */
    stage: z.enum(['auth', 'business']).default('business'),
    /** Wait this long before answering (both forced and normal answers). */
    delayMs: z.number().int().min(0).max(120_000).default(0),
    /** Never answer: hold the connection this long, then close it without a response. */
    hangMs: z.number().int().min(1).max(600_000).optional(),
    /** Close the connection without a response. */
    drop: z.boolean().default(false),
    /** Run the normal handler first (state changes), then apply delay / hang / drop: "timed out but it worked". */
    execute: z.boolean().default(false),
    /** The normal answer, with these keys added (or replaced): DOKU "may add new fields" (docs/doku.md §10.4). */
    addKeys: z.record(z.string(), z.unknown()).optional(),
    /** The normal answer, without these top-level keys: a parser that needs an optional key meets its absence here. */
    omitKeys: z.array(z.string().max(64)).max(20).optional(),
    /** Payment only: answer `2025400` and leave the payment PENDING until it settles. */
    pending: z
      .object({
        settleAfterMs: z.number().int().min(0).max(86_400_000).optional(),
        settleTo: z.enum(['SUCCESS', 'FAILED']).default('SUCCESS'),
      })
      .optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'must be lower-case words joined by "-"'),
    description: z.string().min(1).max(400),
    /** Where the behaviour comes from (spec section), for readers. */
    source: z.string().max(200).optional(),
    /** endpoint name (as in GET /__mock/scenarios) → what happens there */
    apply: z.record(z.string(), ruleSchema).refine((a) => Object.keys(a).length > 0, 'must name at least one endpoint'),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** The scenario in force for one request, the rule it has for the endpoint, and how it was chosen. */
export interface Chosen {
  scenario: Scenario;
  rule: Rule;
  via: 'header' | 'sticky' | 'global';
}
