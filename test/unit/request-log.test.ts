import { pino } from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

test('one JSON log line per request with method, path, responseCode, scenario, duration, X-EXTERNAL-ID and no secrets', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(...chunk.toString().trim().split('\n')), cb()) });
  const sb = await buildSandbox({}, { log: pino({ level: 'info' }, sink) });
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  lines.length = 0;
  await client.tx(PAY, paymentBody('LOG-1'), {
    customerToken: session.customerToken,
    headers: { ...IP, 'X-EXTERNAL-ID': 'log-ext-1', 'X-Mock-Scenario': 'payment-insufficient-funds' },
  });
  await new Promise((r) => setImmediate(r));
  const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
  expect(entries).toHaveLength(2); // the B2B token call of tx(), then the payment
  expect(entries[1]).toMatchObject({
    method: 'POST',
    path: PAY,
    status: 403,
    responseCode: '4035414',
    scenario: 'payment-insufficient-funds',
    externalId: 'log-ext-1',
    durationMs: expect.any(Number),
  });
  const text = lines.join('\n');
  for (const secret of [client.secret, session.customerToken, 'cardData', 'Bearer ']) expect(text).not.toContain(secret);
});

test('a request to an unknown path gets its log line too, with its 4040002 answer', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(...chunk.toString().trim().split('\n')), cb()) });
  const sb = await buildSandbox({}, { log: pino({ level: 'info' }, sink) });
  await request(sb.app).post('/direct-debit/core/v1/payment').set('X-EXTERNAL-ID', 'lost-1').send('{}');
  await new Promise((r) => setImmediate(r));
  const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
  expect(entries).toEqual([
    expect.objectContaining({
      method: 'POST',
      path: '/direct-debit/core/v1/payment',
      status: 404,
      responseCode: '4040002',
      externalId: 'lost-1',
    }),
  ]);
});
