/**
 * GET /__mock/openapi.json: an OpenAPI 3.1 document of every emulated DOKU endpoint (headers, body
 * schema from the same zod schema that validates requests, documented response codes) and every
 * admin route. Built once per app from the live definitions, so it cannot drift from the code.
 */
import { z } from 'zod';
import type { Config } from '../config/load.js';
import type { Catalogue } from '../catalogue.js';
import type { EndpointDefinition } from '../endpoint.js';
import { H } from '../snap/headers.js';
import { CASES, responseCode, type CaseKey } from '../snap/response-codes.js';
import { ADMIN_DOCS } from './openapi-admin.js';

const SNAP_BODY = { $ref: '#/components/schemas/SnapBody' };
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const header = (name: string, required: boolean, description: string) => ({
  name,
  in: 'header',
  required,
  schema: { type: 'string' },
  description,
});

export function buildOpenApi(config: Config, catalogue: Catalogue): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of catalogue.endpoints)
    paths[def.path] = { [(def.method ?? 'POST').toLowerCase()]: operation(def, config, catalogue.entry(def.name)?.cases ?? []) };
  for (const docs of [ADMIN_DOCS, ...catalogue.products.map((p) => p.adminDocs ?? {})])
    for (const [path, ops] of Object.entries(docs)) paths[path] = { ...paths[path], ...ops };
  return {
    openapi: '3.1.0',
    info: {
      title: 'doku-sandbox',
      version: '0.1.0',
      description:
        "A local emulator of DOKU's SNAP API (KKI card / direct debit). Every SNAP answer's HTTP status is the first three digits of its responseCode, except idempotent replays (HTTP 409, DOKU's documented behaviour). By default (DOKU_EMPTY_FIELDS_MODE=lenient) null, \"\" and, where an object belongs, {} in an optional body field mean 'not given', as DOKU's PHP, Python and Go SDKs send unset fields.",
    },
    servers: [{ url: `http://localhost:${config.port}` }],
    paths,
    components: {
      schemas: {
        SnapBody: {
          type: 'object',
          required: ['responseCode', 'responseMessage'],
          properties: { responseCode: { type: 'string', pattern: '^\\d{7}$' }, responseMessage: { type: 'string', maxLength: 150 } },
          additionalProperties: true,
        },
        MockError: { type: 'object', required: ['mockError'], properties: { mockError: { type: 'string' } }, additionalProperties: true },
      },
    },
  };
}

function operation(def: EndpointDefinition<unknown>, config: Config, documented: readonly CaseKey[]) {
  const service = def.serviceCode(config);
  const asymmetric = def.auth === 'asymmetric';
  const parameters = [
    ...(asymmetric
      ? [header(H.clientKey, true, 'merchant client id'), header(H.signature, true, 'base64 SHA256withRSA of "X-CLIENT-KEY|X-TIMESTAMP"')]
      : [
          header(H.authorization, true, 'Bearer <B2B access token>'),
          header(H.partnerId, true, 'merchant client id'),
          header(H.externalId, true, 'idempotency key, unique per merchant per Asia/Jakarta day'),
          header(H.signature, true, 'base64 HMAC-SHA512 of "POST:path:token:lowerhex(sha256(minified body)):X-TIMESTAMP"'),
        ]),
    header(H.timestamp, true, 'yyyy-MM-ddTHH:mm:ss[.SSS](Z|±HH:MM), used verbatim when signing'),
    ...(def.extraHeaders ?? [])
      .filter((h) => h !== H.authorizationCustomer)
      .map((h) => header(h, true, h === H.ipAddress ? 'customer IP, 10-15 characters' : h)),
    ...(def.customerToken
      ? [
          header(
            H.authorizationCustomer,
            def.customerToken === 'required',
            `customer (B2B2C) access token, with or without "Bearer "${def.docs?.customerToken ? `; ${def.docs.customerToken}` : ''}`,
          ),
        ]
      : []),
    ...(def.docs?.headers ?? []).map((h) => header(h.name, h.required, h.description)),
    header(H.mockScenario, false, 'sandbox only: force a scenario (GET /__mock/scenarios)'),
    header(H.mockDebug, false, 'sandbox only: "1" adds X-Mock-Explain to a signature failure'),
  ];
  const cases: CaseKey[] = ['200_00', ...documented];
  const byStatus = new Map<string, string[]>();
  for (const k of cases) byStatus.set(k.slice(0, 3), [...(byStatus.get(k.slice(0, 3)) ?? []), `${responseCode(k, service)} ${CASES[k]}`]);
  const responses = Object.fromEntries([...byStatus].map(([status, lines]) => [status, json(SNAP_BODY, lines.join('; '))]));
  responses['409'] ??= json(SNAP_BODY, 'idempotent replay');
  (responses['409'] as { description: string }).description +=
    '; also: an idempotent replay (same X-EXTERNAL-ID, same request) returns the stored body with HTTP 409';
  return {
    operationId: def.name,
    summary: `${def.name} (service ${service})`,
    parameters,
    requestBody: {
      required: true,
      content: { 'application/json': { schema: z.toJSONSchema(def.schema(config), { io: 'input', unrepresentable: 'any' }) } },
    },
    responses,
  };
}
