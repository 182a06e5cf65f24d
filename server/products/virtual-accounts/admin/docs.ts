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
    post: {
      operationId: 'vaBankTransfer',
      summary: "the bank-transfer page's Pay (a form post from the page itself): pays this VA, as the admin pay action does",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: {
        content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { amount: { type: 'string' } } } } },
      },
      responses: {
        '200': { description: 'an HTML page: the transfer is done' },
        '400': { description: 'an HTML page: the amount is not one' },
        '403': { description: 'an HTML page: the post came from another origin' },
        '404': { description: 'unknown VA' },
        '409': { description: 'an HTML page: the bank refuses, and why' },
      },
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
  '/__mock/virtual-accounts/attempts': {
    get: {
      operationId: 'listVirtualAccountAttempts',
      summary:
        "the bank's journal: every try at paying a VA, paid or refused, why, and DOKU's inquiry to the merchant (DIPC) when there was one",
      parameters: [clientId, { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
      responses: ok('{attempts: [...]}'),
    },
  },
  '/__mock/virtual-accounts/{virtualAccountNo}': {
    get: {
      operationId: 'getVirtualAccount',
      summary: 'one VA: its record, its payments, their notifications, and the tries at paying it',
      parameters: [no, clientId],
      responses: { ...ok('{virtualAccount, notifications, attempts}'), '404': mockError, '409': mockError },
    },
  },
  '/__mock/virtual-accounts/{virtualAccountNo}/pay': {
    post: {
      operationId: 'payVirtualAccount',
      summary:
        "the customer pays the VA at the bank (DOKU's dashboard simulator); the merchant is notified. A number no VA has is a DIPC one when the merchant has an Inquiry URL: DOKU asks it for the bill first (docs/doku.md §14.11)",
      parameters: [no],
      requestBody: body(
        {
          amount: { type: 'string', description: "a closed VA's totalAmount unless given" },
          channelCode: { type: 'string', description: 'ISO 18245, default 6011 (ATM)' },
          senderName: { type: 'string' },
          channel: { type: 'string', description: 'DIPC: the VA channel paid through, default VIRTUAL_ACCOUNT_BRI' },
          partnerServiceId: {
            type: 'string',
            description: 'DIPC: where the number splits into psid + customerNo, default its first 5 digits',
          },
          clientId: { type: 'string' },
        },
        [],
      ),
      responses: {
        ...ok('{virtualAccount, payment, attempt, notification}'),
        '400': mockError,
        '404': mockError,
        '409': { description: 'the bank refuses: mockError with responseCode, responseMessage and the attempt' },
      },
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
