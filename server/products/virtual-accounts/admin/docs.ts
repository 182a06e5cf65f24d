/** The OpenAPI operations of the virtual accounts' admin routes (admin/routes.ts). */
import { body, mockError, ok } from '../../../admin/openapi-admin.js';

const no = {
  name: 'virtualAccountNo',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'any padding: spaces (URL-encoded), zeros or none',
};
const clientId = { name: 'clientId', in: 'query', required: false, schema: { type: 'string' } };

export const VA_ADMIN_DOCS: Record<string, Record<string, unknown>> = {
  '/virtual-accounts/how-to-pay/{id}': {
    get: {
      operationId: 'vaHowToPay',
      summary: "how to pay a VA (the create answer's howToPayPage; with .json, its howToPayApi)",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'an HTML page, or JSON with .json' }, '404': { description: 'unknown VA' } },
    },
  },
  '/__mock/virtual-accounts': {
    get: {
      operationId: 'listVirtualAccounts',
      summary: "virtual accounts, newest first (one merchant's with ?clientId= or its credential)",
      parameters: [clientId, { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
      responses: ok('{virtualAccounts: [...]}'),
    },
  },
  '/__mock/virtual-accounts/{virtualAccountNo}': {
    get: {
      operationId: 'getVirtualAccount',
      summary: 'one VA: its record, its payments and their notifications',
      parameters: [no, clientId],
      responses: { ...ok('{virtualAccount, notifications}'), '404': mockError, '409': mockError },
    },
  },
  '/__mock/virtual-accounts/{virtualAccountNo}/pay': {
    post: {
      operationId: 'payVirtualAccount',
      summary: "the customer pays the VA at the bank (DOKU's dashboard simulator); the merchant is notified",
      parameters: [no],
      requestBody: body(
        {
          amount: { type: 'string', description: "a closed VA's totalAmount unless given" },
          channelCode: { type: 'string', description: 'ISO 18245, default 6011 (ATM)' },
          senderName: { type: 'string' },
          clientId: { type: 'string' },
        },
        [],
      ),
      responses: { ...ok('{virtualAccount, payment, notification}'), '400': mockError, '404': mockError, '409': mockError },
    },
  },
  '/__mock/virtual-accounts/{virtualAccountNo}/expire': {
    post: {
      operationId: 'expireVirtualAccount',
      summary: 'the VA expires now',
      parameters: [no],
      responses: { ...ok('{virtualAccount}'), '404': mockError, '409': mockError },
    },
  },
};
