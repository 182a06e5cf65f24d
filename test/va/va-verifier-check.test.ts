/**
 * The verifier check with a VA notification (POST /__mock/notifications/verifier-check
 * {"product":"virtual-accounts"}): the flat VA body goes to the merchant's VA notification URL, once
 * valid and then forged; a handler that verifies (the tests' own receiver) accepts only the valid one.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { merchantReceiver } from '../helpers/merchant-receiver.js';

test('a VA notification handler that verifies is told so; without a VA payment yet the sample is one made up and named so', async () => {
  const made: { sb?: TestSandbox } = {};
  const receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret, () => made.sb!.clock.real()); // freshness and replays checked too
  const seen: string[] = [];
  receiver.answer = (r, res) => {
    if (r.path === '/v1.1/transfer-va/payment') seen.push(r.body);
    res
      .writeHead(r.verified ? 200 : 401, { 'Content-Type': 'application/json' })
      .end(`{"responseCode":"${r.verified ? '2002500' : '4012500'}"}`);
  };
  const sb = (made.sb = await buildSandbox({
    DOKU_NOTIFICATION_URL: `${receiver.url}/v1.0/debit/notify`,
    DOKU_VA_NOTIFICATION_URL: `${receiver.url}/v1.1/transfer-va/payment`,
    DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl,
  }));
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
  try {
    const check = await request(sb.app).post('/__mock/notifications/verifier-check').send({ product: 'virtual-accounts' });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      url: `${receiver.url}/v1.1/transfer-va/payment`,
      verdict: 'verifies notifications',
      acceptedForgeries: [],
    });
    const valid = JSON.parse(seen[0]!);
    expect(valid).toMatchObject({
      trxId: 'VERIFIER-CHECK',
      paidAmount: { value: '10000.00', currency: 'IDR' },
      partnerServiceId: '   19008',
    });
    const bad = await request(sb.app).post('/__mock/notifications/verifier-check').send({ product: 'e-wallet' });
    expect([bad.status, bad.body.mockError]).toEqual([400, '"product" is one of direct-debit, virtual-accounts, qris']);
  } finally {
    sb.app.outbox.stop();
    await receiver.close();
  }
});
