/**
 * Answers that break parsers, as scenarios (issue #25 item 8): per endpoint, the normal answer with
 * a key no SDK's DTO knows, and without an optional key it usually has. The call still does its
 * work; a replay repeats the shaped answer.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

let sb: TestSandbox;
let client: SnapClient;
let customerToken: string;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  customerToken = (await customerSession(client)).customerToken;
});
afterEach(() => sb.app.outbox.stop());

const pay = (ref: string, scenario?: string, externalId?: string) =>
  client.tx(PAY, paymentBody(ref), {
    customerToken,
    headers: { ...IP, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}), ...(externalId ? { 'X-EXTERNAL-ID': externalId } : {}) },
  });

test('payment-missing-answer-key: the payment is made, its answer has no webRedirectUrl (PHP reads it unguarded); a replay repeats that', async () => {
  expect(Object.keys((await pay('PS-NORMAL')).body)).toContain('webRedirectUrl');
  const res = await pay('PS-MISSING', 'payment-missing-answer-key', '900001');
  expect([res.body.responseCode, 'webRedirectUrl' in res.body, res.headers['x-mock-scenario']]).toEqual([
    '2005400',
    false,
    'payment-missing-answer-key',
  ]);
  expect(sb.deps.store.payments.byPartnerReferenceNo(DEMO.clientId, 'PS-MISSING')?.status).toBe('SUCCESS');
  const replay = await pay('PS-MISSING', 'payment-missing-answer-key', '900001');
  expect([replay.status, replay.body]).toEqual([409, res.body]);
});

test("refund-extra-answer-key: DOKU's ShopeePay refund answer carries additionalInfo, on which Python's RefundResponse raises", async () => {
  await pay('PS-RF');
  const res = await client.tx(REFUND, refundBody('PS-RF', 'RF-PS', '1000.00'), {
    customerToken,
    headers: { ...IP, 'X-Mock-Scenario': 'refund-extra-answer-key' },
  });
  expect([res.body.responseCode, res.body.additionalInfo, typeof res.body.refundNo]).toEqual([
    '2000700',
    { channel: 'EMONEY_SHOPEE_PAY_SNAP' },
    'string',
  ]);
});

test('every endpoint has an extra-key scenario, and the missing-key ones name a key the normal answer has', async () => {
  const listed = (await request(sb.app).get('/__mock/scenarios')).body.scenarios.map((s: { name: string }) => s.name);
  for (const prefix of [
    'token',
    'customer-token',
    'card-bind',
    'otp',
    'payment',
    'status',
    'refund',
    'balance',
    'card-unbind',
    'account-bind',
    'account-unbind',
  ])
    expect(listed).toContain(`${prefix}-extra-answer-key`);
  await pay('PS-ST');
  const normal = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'PS-ST' });
  const shaped = await client.tx(
    STATUS,
    { serviceCode: '55', originalPartnerReferenceNo: 'PS-ST' },
    { headers: { 'X-Mock-Scenario': 'status-missing-answer-key' } },
  );
  expect(['additionalInfo' in normal.body, 'additionalInfo' in shaped.body]).toEqual([true, false]);
  const extra = await client.tx(
    STATUS,
    { serviceCode: '55', originalPartnerReferenceNo: 'PS-ST' },
    { headers: { 'X-Mock-Scenario': 'status-extra-answer-key' } },
  );
  expect(extra.body).toEqual({ ...normal.body, newFieldFromDoku: expect.any(String) });
  const bind = await client.bind({}, { channelId: 'H2H', headers: { 'X-Mock-Scenario': 'card-bind-missing-answer-key' } });
  expect([bind.body.responseCode, 'additionalInfo' in bind.body]).toEqual(['2000100', false]);
});
