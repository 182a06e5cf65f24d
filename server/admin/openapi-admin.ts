/** OpenAPI operations of the hosted OTP pages and the /__mock admin routes; the helpers are for products' own (Product.adminDocs). */
import { UI_FILES } from './ui.js';

export const ok = (description: string, schema: object = { type: 'object' }) => ({
  '200': { description, content: { 'application/json': { schema } } },
});
export const mockError = {
  description: 'the sandbox refused the admin request',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/MockError' } } },
};
export const body = (properties: Record<string, object>, required: string[]) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties, required } } },
});
const ref = { name: 'referenceNo', in: 'path', required: true, schema: { type: 'string' } };
const session = { name: 'sessionId', in: 'path', required: true, schema: { type: 'string' } };
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const otpPage = {
  get: {
    operationId: 'otpPage',
    summary: 'hosted OTP page (redirectUrl of a DH binding)',
    parameters: [session],
    responses: { '200': html('the OTP form'), '404': html('unknown session'), '409': html('registration closed') },
  },
  post: {
    operationId: 'otpPageSubmit',
    summary: 'submit the OTP',
    parameters: [session],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { otp: { type: 'string' } }, required: ['otp'] } },
      },
    },
    responses: {
      '200': html('the form again with an error, or the result page'),
      '303': { description: 'to successRegistrationUrl or failedRegistrationUrl with status, referenceNo, custIdMerchant (and authCode)' },
      '404': html('unknown session'),
    },
  },
};

export const ADMIN_DOCS: Record<string, Record<string, object>> = {
  '/direct-debit/kki/binding/{sessionId}': otpPage,
  '/direct-debit/account/binding/{sessionId}': {
    get: { ...otpPage.get, operationId: 'accountOtpPage' },
    post: { ...otpPage.post, operationId: 'accountOtpPageSubmit' },
  },
  '/direct-debit/wallet/pay/{sessionId}': {
    get: {
      operationId: 'walletPage',
      summary: 'hosted e-wallet approval page (webRedirectUrl of a DANA, ShopeePay or OVO SALE payment)',
      parameters: [session],
      responses: { '200': html('approve or decline'), '404': html('unknown session'), '409': html('paid, declined or expired') },
    },
    post: {
      operationId: 'walletPageSubmit',
      summary: 'approve or decline the payment',
      parameters: [session],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', properties: { action: { enum: ['approve', 'decline'] } }, required: ['action'] },
          },
        },
      },
      responses: {
        '200': html('the outcome, when the payment named no PAY_RETURN URL'),
        '303': { description: 'to the urlParam PAY_RETURN URL with status, referenceNo, partnerReferenceNo' },
        '400': html('no choice made'),
        '404': html('unknown session'),
        '409': html('closed'),
      },
    },
  },
  '/direct-debit/issuer/pay/{sessionId}': {
    get: {
      operationId: 'issuerPage',
      summary: 'hosted issuer OTP/PIN page (webRedirectUrl of a tokenized bank payment: BRI or Mandiri paymentType SALE, CIMB)',
      parameters: [session],
      responses: {
        '200': html('the OTP (and PIN) form'),
        '404': html('unknown session'),
        '409': html('paid, cancelled, failed or expired'),
      },
    },
    post: {
      operationId: 'issuerPageSubmit',
      summary: 'pay with the OTP (and PIN), or cancel',
      parameters: [session],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              properties: { action: { enum: ['pay', 'cancel'] }, otp: { type: 'string' }, pin: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        '200': html('the form again after a wrong code, or the outcome when the payment named no successPaymentUrl/failedPaymentUrl'),
        '303': { description: 'to successPaymentUrl or failedPaymentUrl with status, referenceNo, partnerReferenceNo' },
        '403': html('posted from another page'),
        '404': html('unknown session'),
        '409': html('closed'),
      },
    },
  },
  '/favicon.ico': {
    get: {
      operationId: 'favicon',
      summary: "the pages' icon (SVG), so a browser's request for it is not a 404 in the journal",
      responses: { '200': { description: 'image/svg+xml', content: { 'image/svg+xml': { schema: { type: 'string' } } } } },
    },
  },
  '/__mock/health': { get: { operationId: 'health', summary: 'readiness', responses: ok('the store and scenarios are loaded') } },
  '/__mock/openapi.json': { get: { operationId: 'openapi', summary: 'this document', responses: ok('OpenAPI 3.1') } },
  '/__mock/scenarios': {
    get: {
      operationId: 'listScenarios',
      summary: 'every scenario with description and endpoints, and the global one',
      responses: ok('scenarios'),
    },
  },
  '/__mock/scenario': {
    get: { operationId: 'getGlobalScenario', summary: 'the global scenario', responses: ok('{scenario: name|null}') },
    put: {
      operationId: 'setGlobalScenario',
      summary: 'set the global scenario until reset',
      requestBody: body({ name: { type: 'string' } }, ['name']),
      responses: { ...ok('set'), '400': mockError },
    },
    delete: { operationId: 'clearGlobalScenario', summary: 'clear the global scenario', responses: ok('cleared') },
  },
  '/__mock/reset': { post: { operationId: 'reset', summary: 'empty state, no global scenario, empty journal', responses: ok('reset') } },
  '/__mock/requests': {
    get: {
      operationId: 'journal',
      summary:
        'recent requests and answers, credentials redacted; `clientId`: those authenticated as that merchant, `partnerId`: those that claimed its X-PARTNER-ID',
      parameters: ['path', 'externalId', 'clientId', 'partnerId', 'limit'].map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
      })),
      responses: ok('{requests: [...]}'),
    },
  },
  '/__mock/explain': {
    post: {
      operationId: 'explain',
      summary: 'signature breakdown of a pasted request; nothing is executed',
      requestBody: body({ method: { type: 'string' }, path: { type: 'string' }, headers: { type: 'object' }, body: {} }, [
        'path',
        'headers',
      ]),
      responses: { ...ok('{valid, expected, diagnosis}'), '400': mockError },
    },
  },
  '/__mock/bindings/{referenceNo}/otp': {
    post: {
      operationId: 'completeOtp',
      summary: 'finish or fail a pending binding OTP',
      parameters: [ref],
      requestBody: body({ result: { enum: ['success', 'fail'] } }, ['result']),
      responses: { ...ok('the binding'), '404': mockError, '409': mockError },
    },
  },
  '/__mock/payments/{referenceNo}/settle': {
    post: {
      operationId: 'settlePayment',
      summary: 'settle a PENDING (202) payment now',
      parameters: [ref],
      requestBody: body({ status: { enum: ['SUCCESS', 'FAILED'] } }, ['status']),
      responses: { ...ok('the payment'), '404': mockError, '409': mockError },
    },
  },
  '/__mock/notifications': {
    get: {
      operationId: 'listNotifications',
      summary: 'the delivery log: every notification to the merchant, newest first, with its attempts (headers, answer, latency, error)',
      parameters: [{ name: 'referenceNo', in: 'query', required: false, schema: { type: 'string' } }],
      responses: ok('{notifications: [...]}'),
    },
  },
  '/__mock/notifications/send': {
    post: {
      operationId: 'sendNotification',
      summary: "send a notification of a payment's current state now",
      requestBody: body({ referenceNo: { type: 'string' } }, ['referenceNo']),
      responses: { '202': { description: 'queued: {notification}' }, '404': mockError },
    },
  },
  '/__mock/notifications/verifier-check': {
    post: {
      operationId: 'verifierCheck',
      summary:
        "send the merchant's notification handler one valid notification and forged ones (wrong signature, another secret, stale timestamp, replay, tampered amount, no signature, unknown token): which did it accept?",
      requestBody: body(
        {
          url: { type: 'string' },
          clientId: { type: 'string' },
          product: {
            type: 'string',
            description: "whose notification: direct-debit (default) or virtual-accounts (to the merchant's VA notification URL)",
          },
        },
        [],
      ),
      responses: {
        ...ok('{url, verdict, acceptedForgeries, variants: [{name, forged, accepted, status, responseBody, error}]}'),
        '404': mockError,
      },
    },
  },
  '/__mock/notifications/{id}/resend': {
    post: {
      operationId: 'resendNotification',
      summary: 'send a notification again now',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '202': { description: 'queued: {notification}' }, '404': mockError },
    },
  },
  '/__mock/ui': {
    get: {
      operationId: 'dashboard',
      summary: 'the dashboard (HTML; its data calls are the routes below)',
      responses: { '200': html('the dashboard') },
    },
  },
  '/__mock/ui/{file}': {
    get: {
      operationId: 'dashboardFile',
      summary: "one of the dashboard's files (server/admin/ui/), as it is",
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', enum: [...UI_FILES] } }],
      responses: { '200': { description: 'the CSS or JavaScript module' }, '404': mockError },
    },
  },
  '/__mock/payments': {
    get: {
      operationId: 'listPayments',
      summary: 'payments, newest first',
      parameters: [
        { name: 'clientId', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
      ],
      responses: ok('{payments: [{referenceNo, partnerReferenceNo, clientId, amount, status, latestTransactionStatus, refunded, …}]}'),
    },
  },
  '/__mock/payments/{referenceNo}': {
    get: {
      operationId: 'paymentStory',
      summary: "one payment's story: the record, the requests that name it, its notifications",
      parameters: [ref],
      responses: { ...ok('{payment, requests, notifications}'), '404': mockError },
    },
  },
  '/__mock/bindings': {
    get: {
      operationId: 'listBindings',
      summary: 'card and account bindings with their state, newest first',
      parameters: [
        { name: 'clientId', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
      ],
      responses: ok('{bindings: [...]}'),
    },
  },
  '/__mock/events': {
    get: {
      operationId: 'events',
      summary: 'server-sent events: `change` after every DOKU exchange and notification attempt (at most DOKU_EVENTS_MAX clients)',
      responses: {
        '200': { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        '503': mockError,
      },
    },
  },
  '/__mock/merchants': {
    get: {
      operationId: 'listMerchants',
      summary: 'every merchant (settings, demo, registered at run time), secrets masked',
      responses: ok('{merchants: [...]}'),
    },
    post: {
      operationId: 'registerMerchant',
      summary: 'register a merchant at run time (kept in the state, across restarts and resets)',
      requestBody: body(
        {
          clientId: { type: 'string' },
          clientSecret: { type: 'string' },
          publicKeyPem: { type: 'string' },
          sharedKey: { type: 'string' },
          notificationUrl: { type: 'string' },
          tokenUrl: { type: 'string' },
        },
        ['clientId', 'clientSecret', 'publicKeyPem'],
      ),
      responses: { '201': { description: '{merchant}' }, '400': mockError, '409': mockError },
    },
  },
  '/__mock/merchants/{clientId}': {
    delete: {
      operationId: 'removeMerchant',
      summary: 'remove a merchant registered at run time, and every record of its own',
      parameters: [{ name: 'clientId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { ...ok('{removed, records}'), '404': mockError, '409': mockError },
    },
  },
  '/__mock/clock': {
    get: {
      operationId: 'getClock',
      summary: "the sandbox's time (a merchant's own with ?clientId=)",
      parameters: [{ name: 'clientId', in: 'query', required: false, schema: { type: 'string' } }],
      responses: ok('{now, offsetSeconds, real, clientId?, own?}'),
    },
    post: {
      operationId: 'moveClock',
      summary: 'move the time forward (advanceSeconds) or to an instant (set); what becomes due happens at once',
      requestBody: body(
        { advanceSeconds: { type: 'number' }, set: { type: 'string', format: 'date-time' }, clientId: { type: 'string' } },
        [],
      ),
      responses: { ...ok('{now, offsetSeconds, real, clientId?, own?}'), '400': mockError },
    },
    delete: {
      operationId: 'resetClock',
      summary: 'back to real time (one merchant with ?clientId=, else every clock)',
      parameters: [{ name: 'clientId', in: 'query', required: false, schema: { type: 'string' } }],
      responses: ok('{now, offsetSeconds, real}'),
    },
  },
  '/__mock/coverage': {
    get: {
      operationId: 'coverage',
      summary:
        "which of each endpoint's documented response codes were answered since the start or the last reset (by state / by scenario), and the scenarios used",
      parameters: [
        { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'md'] } },
        { name: 'clientId', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': {
          description:
            '{endpoints: [{name, codes: [{responseCode, byState, byScenario}], others, scenarios, covered, documented}], covered, documented, percent}, or a Markdown table',
          content: { 'application/json': { schema: { type: 'object' } }, 'text/markdown': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/__mock/doku-public-key': {
    get: {
      operationId: 'dokuPublicKey',
      summary: "the public key of the sandbox's signing key: what the merchant verifies the notification token request with",
      responses: { '200': { description: 'PEM (SPKI)', content: { 'application/x-pem-file': { schema: { type: 'string' } } } } },
    },
  },
};
