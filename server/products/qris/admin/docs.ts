/** The OpenAPI operations of the QRIS admin routes (admin/routes.ts). */
import { body, mockError, ok } from '../../../admin/openapi-admin.js';

const ref = { name: 'referenceNo', in: 'path', required: true, schema: { type: 'string' }, description: "DOKU's referenceNo of the QR" };
const clientId = { name: 'clientId', in: 'query', required: false, schema: { type: 'string' } };
const payFields = {
  result: { type: 'string', enum: ['success', 'fail'], description: 'success (default), or the issuer fails it' },
  issuerName: { type: 'string', description: 'the payer’s app: BCAD (default), OVO, GOPAY, DANA, SHOPEEPAY' },
  customerName: { type: 'string' },
  clientId: { type: 'string' },
};

export const QRIS_ADMIN_DOCS: Record<string, Record<string, unknown>> = {
  '/qris/page/{pageId}': {
    get: {
      operationId: 'qrisPage',
      summary: "the hosted QR page (the generate answer's additionalInfo.qrPage); with .png, the QR alone (its qrUrl)",
      parameters: [{ name: 'pageId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'an HTML page, or a PNG with .png' }, '404': { description: 'unknown QR' } },
    },
    post: {
      operationId: 'qrisPagePay',
      summary: "the page's Pay / Fail (a form post from the page itself): pays the QR, or the issuer declines it",
      parameters: [{ name: 'pageId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', properties: { action: { type: 'string', enum: ['pay', 'fail'] } } },
          },
        },
      },
      responses: {
        '200': { description: 'an HTML page: paid, or declined' },
        '403': { description: 'an HTML page: the post came from another origin' },
        '404': { description: 'unknown QR' },
        '409': { description: 'an HTML page: the QR cannot be paid, and why' },
      },
    },
  },
  '/__mock/qris': {
    get: {
      operationId: 'listQris',
      summary: "generated QRIS, newest first (one merchant's with ?clientId= or its credential)",
      parameters: [clientId, { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
      responses: ok('{qris: [...]}'),
    },
  },
  '/__mock/qris/pay': {
    post: {
      operationId: 'payQrisByContent',
      summary: 'the customer pays the QR they scanned: by its qrContent',
      requestBody: body({ qrContent: { type: 'string' }, ...payFields }, ['qrContent']),
      responses: { ...ok('{qris, notification}'), '400': mockError, '404': mockError, '409': mockError },
    },
  },
  '/__mock/qris/{referenceNo}': {
    get: {
      operationId: 'getQris',
      summary: 'one QR: its record and its notifications',
      parameters: [ref, clientId],
      responses: { ...ok('{qris, notifications}'), '404': mockError },
    },
  },
  '/__mock/qris/{referenceNo}/pay': {
    post: {
      operationId: 'payQris',
      summary: "the customer pays the QR in their app (DOKU's dashboard simulator), or the issuer fails it; the merchant is notified",
      parameters: [ref],
      requestBody: body(payFields, []),
      responses: { ...ok('{qris, notification}'), '400': mockError, '404': mockError, '409': mockError },
    },
  },
  '/__mock/qris/{referenceNo}/expire': {
    post: {
      operationId: 'expireQris',
      summary: 'the QR’s validityPeriod is now',
      parameters: [ref],
      responses: { ...ok('{qris}'), '404': mockError, '409': mockError },
    },
  },
};
