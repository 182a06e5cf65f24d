/**
 * QRIS in a shared sandbox, as the card and VA endpoints (docs/doku.md §15.7): a scenario forces a
 * documented code and coverage counts it; one merchant cannot see, query or pay another's QR under
 * DOKU_MERCHANT_ISOLATION=enforced; one merchant's reset removes its QRs only; the verifier check
 * sends a QRIS notification to the QRIS notification URL.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { merchantReceiver } from '../helpers/merchant-receiver.js';
import { SnapClient } from '../helpers/snap-client.js';

const GENERATE = '/snap-adapter/b2b/v1.0/qr/qr-mpm-generate';
const QUERY = '/snap-adapter/b2b/v1.0/qr/qr-mpm-query';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const merchant = (clientId: string) => ({ clientId, clientSecret: `SK-${clientId}-secret`, publicKeyPem });
const body = (partnerReferenceNo: string) => ({
  partnerReferenceNo,
  amount: { value: '15000.00', currency: 'IDR' },
  merchantId: '47435',
  terminalId: 'A01',
});

let sb: TestSandbox;
afterEach(() => sb.app.outbox.stop());

test('a scenario forces a documented QRIS code and coverage counts it', async () => {
  sb = await buildSandbox();
  const client = new SnapClient(sb.app);
  const forced = await client.tx(GENERATE, body('SCN-1'), { headers: { 'X-Mock-Scenario': 'qris-generate-invalid-terminal' } });
  expect([forced.status, forced.body.responseCode]).toEqual([404, '4044717']);
  expect((await client.tx(GENERATE, body('SCN-2'))).body.responseCode).toBe('2004700');
  const report = (await request(sb.app).get('/__mock/coverage')).body;
  const generate = report.endpoints.find((e: { name: string }) => e.name === 'qris-generate');
  const hit = generate.codes.filter((c: { byState: number; byScenario: number }) => c.byState + c.byScenario > 0);
  expect(hit.map((c: { responseCode: string }) => c.responseCode)).toEqual(['2004700', '4044717']);
});

test('DOKU_MERCHANT_ISOLATION=enforced: B cannot see, query or pay A’s QR; A’s reset removes A’s only', async () => {
  sb = await buildSandbox({ DOKU_MERCHANT_ISOLATION: 'enforced', DOKU_ADMIN_TOKEN: 'the-admin-token' });
  const A = merchant('BRN-QR-A');
  const B = merchant('BRN-QR-B');
  for (const m of [A, B]) await request(sb.app).post('/__mock/merchants').send(m).expect(201);
  const as = (m: typeof A) => ({ Authorization: `Bearer ${m.clientSecret}` });
  const a = new SnapClient(sb.app, A.clientId, A.clientSecret, privateKeyPem);
  const b = new SnapClient(sb.app, B.clientId, B.clientSecret, privateKeyPem);
  const mine = await a.tx(GENERATE, body('ORDER-A'));
  await b.tx(GENERATE, body('ORDER-B'));
  expect((await b.tx(QUERY, { originalReferenceNo: mine.body.referenceNo, serviceCode: '47' })).body.responseCode).toBe('4045101');
  expect((await request(sb.app).post(`/__mock/qris/${mine.body.referenceNo}/pay`).set(as(B)).send({})).status).toBe(404);
  expect((await request(sb.app).post('/__mock/qris/pay').set(as(B)).send({ qrContent: mine.body.qrContent })).status).toBe(404);
  const list = await request(sb.app).get('/__mock/qris').set(as(B));
  expect(list.body.qris.map((q: { clientId: string }) => q.clientId)).toEqual([B.clientId]);
  await request(sb.app).post('/__mock/reset').set(as(A)).send({}).expect(200);
  const all = await request(sb.app).get('/__mock/qris').set({ Authorization: 'Bearer the-admin-token' });
  expect(all.body.qris.map((q: { partnerReferenceNo: string }) => q.partnerReferenceNo)).toEqual(['ORDER-B']);
});

test('the verifier check with a QRIS notification goes to the QRIS notification URL and is verified', async () => {
  const made: { sb?: TestSandbox } = {};
  const receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret, () => made.sb!.clock.real());
  receiver.answer = (r, res) =>
    void res.writeHead(r.verified ? 200 : 401, { 'Content-Type': 'application/json' }).end('{"responseCode":"2005200"}');
  sb = made.sb = await buildSandbox({
    DOKU_QRIS_NOTIFICATION_URL: `${receiver.url}/v1.0/qr/qr-mpm-notify`,
    DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl,
  });
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
  try {
    const check = await request(sb.app).post('/__mock/notifications/verifier-check').send({ product: 'qris' });
    expect(check.body).toMatchObject({ url: `${receiver.url}/v1.0/qr/qr-mpm-notify`, verdict: 'verifies notifications' });
    const valid = JSON.parse(receiver.received.find((r) => r.path === '/v1.0/qr/qr-mpm-notify')!.body);
    expect(valid).toMatchObject({ originalPartnerReferenceNo: 'VERIFIER-CHECK', latestTransactionStatus: '00' });
  } finally {
    await receiver.close();
  }
});
