/**
 * Bad input never crashes the process or answers 5xx: each malformed request gets a SNAP 4xx whose
 * HTTP status equals the first three digits of its responseCode, and the store is unchanged.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';
import { rawPost } from '../helpers/raw-post.js';

const BIND = '/direct-debit/core/v1/registration-card-bind';
const OTP = '/direct-debit/core/v1/otp-verification';
const UNBIND = '/direct-debit/core/v1/registration-card-unbind';
const B2B = '/authorization/v1/access-token/b2b';
const PAY = '/direct-debit/core/v1/debit/payment-host-to-host';
const REFUND = '/direct-debit/core/v1/debit/refund';
const STATUS = '/orders/v1.0/debit/status';
const ACC_BIND = '/direct-debit/core/v1/registration-account-binding';
const ACC_UNBIND = '/direct-debit/core/v1/registration-account-unbinding';
const B2B2C = '/authorization/v1/access-token/b2b2c';

type Case = [name: string, path: string, raw: string, expected: string];

const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;

const SIGNED_CASES: Case[] = [
  ['truncated JSON', BIND, '{"cardData":"abc', '4000100'],
  ['a JSON array', BIND, '[1,2,3]', '4000100'],
  ['JSON null', BIND, 'null', '4000100'],
  ['a bare number', OTP, '42', '4000400'],
  ['a bare string', UNBIND, '"tokenId"', '4000500'],
  ['an empty body', UNBIND, '', '4000500'],
  ['deeply nested JSON', BIND, deep(5000), '4000100'],
  ['trailing garbage', BIND, '{"a":1} xyz', '4000100'],
  ['a BOM before JSON', UNBIND, '\ufeff{"tokenId":"x"}', '4000500'],
  ['cardData as a number', BIND, '{"cardData":12345,"custIdMerchant":"C1"}', '4000101'],
  ['custIdMerchant as an object', BIND, '{"cardData":"x|y","custIdMerchant":{"$gt":""}}', '4000101'],
  ['custIdMerchant of 65 characters', BIND, `{"cardData":"x|y","custIdMerchant":"${'A'.repeat(65)}"}`, '4000101'],
  ['custIdMerchant with unicode look-alikes', BIND, '{"cardData":"x|y","custIdMerchant":"CUST\u0301\u200b"}', '4000101'],
  ['additionalInfo as a string', BIND, '{"cardData":"x|y","custIdMerchant":"C1","additionalInfo":"x"}', '4000101'],
  ['cardData of 10 000 characters', BIND, `{"cardData":"${'A'.repeat(10000)}","custIdMerchant":"C1"}`, '4000101'],
  ['cardData with bad base64', BIND, '{"cardData":"!!!!|????","custIdMerchant":"C1"}', '4010100'],
  ['cardData with a NUL byte', BIND, '{"cardData":"\\u0000|\\u0000","custIdMerchant":"C1"}', '4010100'],
  ['otp as an array', OTP, '{"originalReferenceNo":"1","otp":["12345678"]}', '4000401'],
  ['otp of 50 digits', OTP, `{"originalReferenceNo":"1","otp":"${'1'.repeat(50)}"}`, '4000401'],
  ['tokenId as true', UNBIND, '{"tokenId":true}', '4000501'],
  ['tokenId of 5 000 characters', UNBIND, `{"tokenId":"${'x'.repeat(5000)}"}`, '4000501'],
  ['__proto__ pollution attempt', UNBIND, '{"__proto__":{"polluted":1},"tokenId":"x"}', '4040511'],
  ['payment: truncated JSON', PAY, '{"partnerReferenceNo":"A","amount":{', '4005400'],
  [
    'payment: amount as an array',
    PAY,
    '{"partnerReferenceNo":"A","amount":[],"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}',
    '4005401',
  ],
  [
    'payment: a 40-digit amount',
    PAY,
    `{"partnerReferenceNo":"A","amount":{"value":"${'9'.repeat(40)}.00","currency":"IDR"},"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}`,
    '4005401',
  ],
  [
    'payment: a negative amount',
    PAY,
    '{"partnerReferenceNo":"A","amount":{"value":"-1.00","currency":"IDR"},"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}',
    '4005401',
  ],
  [
    'payment: an exponent amount',
    PAY,
    '{"partnerReferenceNo":"A","amount":{"value":"1e5","currency":"IDR"},"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}',
    '4005401',
  ],
  [
    'payment: partnerReferenceNo of 65 characters',
    PAY,
    `{"partnerReferenceNo":"${'R'.repeat(65)}","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}`,
    '4005401',
  ],
  [
    'payment: a channel with a newline',
    PAY,
    '{"partnerReferenceNo":"A","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"channel":"BRI\\nX"}}',
    '4005401',
  ],
  [
    'payment: CPAN with Arabic-Indic digits',
    PAY,
    '{"partnerReferenceNo":"A","amount":{"value":"1.00","currency":"IDR"},"bankCardNo":"\u0665\u0662\u0662\u0661\u0668\u0664\u0661\u0662\u0663\u0664\u0665\u0666","additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}',
    '4005401',
  ],
  ['status: serviceCode as a number', STATUS, '{"serviceCode":55,"originalPartnerReferenceNo":"A"}', '4005501'],
  ['status: originalReferenceNo as an object', STATUS, '{"serviceCode":"55","originalReferenceNo":{"a":1}}', '4005501'],
];

/** Endpoints with extra mandatory headers: sent, so only the body is judged. */
const IP_CASES: Case[] = [
  ['refund: refundAmount null', REFUND, '{"originalPartnerReferenceNo":"A","partnerRefundNo":"R","refundAmount":null}', '4000702'],
  [
    'refund: reason of 300 characters',
    REFUND,
    `{"originalPartnerReferenceNo":"A","partnerRefundNo":"R","refundAmount":{"value":"1.00","currency":"IDR"},"reason":"${'r'.repeat(300)}"}`,
    '4000701',
  ],
  ['account binding: phoneNo with letters', ACC_BIND, '{"phoneNo":"62abc","additionalInfo":{}}', '4000701'],
  ['account binding: additionalInfo missing', ACC_BIND, '{"phoneNo":"62813941306101"}', '4000702'],
  ['account unbinding: tokenId as an array', ACC_UNBIND, '{"tokenId":["a"]}', '4000901'],
];

describe('malformed requests on the signed endpoints', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let before: string;
  beforeAll(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    await client.activeBinding();
    before = JSON.stringify(sb.deps.store.data.bindings);
  });

  test.each(SIGNED_CASES)('%s → %s', async (_name, path, raw, expected) => {
    // Signed over exactly what is sent, so only the malformation can be the reason for refusal.
    const res = await client.tx(path, {}, { rawBody: raw, signBody: raw });
    expect(res.status).toBeLessThan(500);
    expect(res.body.responseCode).toBe(expected);
    expect(String(res.status)).toBe(res.body.responseCode.slice(0, 3));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each(IP_CASES)('%s → %s', async (_name, path, raw, expected) => {
    const res = await client.tx(path, {}, { rawBody: raw, signBody: raw, headers: { 'X-IP-ADDRESS': '103.31.4.100' } });
    expect(res.body.responseCode).toBe(expected);
    expect(String(res.status)).toBe(expected.slice(0, 3));
  });

  test('invalid UTF-8 → 4000100', async () => {
    const res = await rawPost(
      sb.app,
      BIND,
      { 'Content-Type': 'application/json' },
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    );
    expect(res).toEqual({ status: 400, body: { responseCode: '4000100', responseMessage: 'Bad Request' } });
  });

  test('an oversized body (10 MB) is 4000100 before anything else runs', async () => {
    const big = `{"cardData":"${'A'.repeat(10 * 1024 * 1024)}"}`;
    const res = await client.tx(BIND, {}, { rawBody: big, signBody: '' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: '4000100', responseMessage: 'Bad Request' });
  });

  test('the store is unchanged by every rejected request', () => {
    expect(JSON.stringify(sb.deps.store.data.bindings)).toBe(before);
  });
});

describe('malformed requests on the token endpoints and the router', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeAll(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test.each([
    ['truncated JSON', B2B, '{"grantType":', '4007300'],
    ['an array', B2B2C, '[]', '4007400'],
    ['grantType as a number', B2B, '{"grantType":1}', '4007301'],
    ['authCode of 300 characters', B2B2C, `{"grantType":"authorization_code","authCode":"${'a'.repeat(300)}"}`, '4007401'],
  ])('%s → %s', async (_n, path, raw, expected) => {
    const res = await client.tokenRequest(path, {}, { rawBody: raw });
    expect(res.body.responseCode).toBe(expected);
    expect(String(res.status)).toBe(expected.slice(0, 3));
  });

  test('duplicate X-SIGNATURE headers are joined by Node and fail as a signature', async () => {
    const res = await request(sb.app)
      .post(B2B)
      .set('Content-Type', 'application/json')
      .set('X-CLIENT-KEY', client.clientId)
      .set('X-TIMESTAMP', '2026-05-26T10:00:00+07:00')
      .set('X-SIGNATURE', ['abcd', 'efgh'] as unknown as string) // superagent sends an array as repeated headers
      .send('{"grantType":"client_credentials"}');
    expect(res.body.responseCode).toBe('4017300');
  });

  test('an unknown path is a SNAP 404, never an HTML page', async () => {
    const res = await request(sb.app).post('/direct-debit/core/v1/nope').send('{}');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ responseCode: '4040002', responseMessage: 'Invalid Routing' });
  });

  test("GET on a DOKU path is 405 with the endpoint's service code", async () => {
    const res = await request(sb.app).get(BIND);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toEqual({ responseCode: '4050100', responseMessage: 'Requested Function Is Not Supported' });
  });
});
