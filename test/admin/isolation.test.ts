/**
 * One merchant cannot touch another (issue #24, items 7, 9, 10): idempotency keys that cannot
 * collide and a reset of exactly one merchant; registrations that would break the state or keep a
 * private key are refused; DOKU_MERCHANT_ISOLATION=enforced scopes every admin call to the merchant
 * whose client secret it sends; the journal and coverage count only authenticated requests.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const merchant = (clientId: string, clientSecret = `SK-${clientId}-secret`) => ({ clientId, clientSecret, publicKeyPem });
const clientOf = (sb: TestSandbox, m: { clientId: string; clientSecret: string }) =>
  new SnapClient(sb.app, m.clientId, m.clientSecret, privateKeyPem);

let sb: TestSandbox;
afterEach(() => sb.app.outbox.stop());

test('idempotency keys cannot collide across merchants, and a reset removes exactly one merchant’s', async () => {
  sb = await buildSandbox();
  const P = merchant('P');
  const P2 = merchant('P|2');
  for (const m of [P, P2]) await request(sb.app).post('/__mock/merchants').send(m).expect(201);
  const status = (m: typeof P, externalId: string, ref: string) =>
    clientOf(sb, m).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref }, { headers: { 'X-EXTERNAL-ID': externalId } });
  // P's key "2|X" and P|2's key "X" were both "P|2|X"
  const first = await status(P, '2|X', 'P-REF');
  const second = await status(P2, 'X', 'P2-REF');
  expect([first.body.responseCode, second.body.responseCode]).toEqual(['4045501', '4045501']);
  expect(second.headers['x-mock-replay']).toBeUndefined(); // it ran: not P's answer replayed
  await request(sb.app).post('/__mock/reset').send({ clientId: 'P' }).expect(200);
  expect((await status(P2, 'X', 'P2-REF')).headers['x-mock-replay']).toBe('true'); // P|2's stored answer survived P's reset
  expect((await status(P, '2|X', 'P-REF')).headers['x-mock-replay']).toBeUndefined(); // P's went
});

test('"__proto__" as a clientId and a private key as publicKeyPem are refused, naming the field; nothing is kept', async () => {
  sb = await buildSandbox();
  const proto = await request(sb.app)
    .post('/__mock/merchants')
    .set('Content-Type', 'application/json')
    .send(`{"clientId":"__proto__","clientSecret":"x","publicKeyPem":${JSON.stringify(publicKeyPem)}}`);
  expect([proto.status, proto.body.field]).toEqual([400, 'clientId']);
  const priv = await request(sb.app)
    .post('/__mock/merchants')
    .send({ ...merchant('BRN-PRIV'), publicKeyPem: privateKeyPem });
  expect([priv.status, priv.body.field, priv.body.mockError]).toEqual([400, 'publicKeyPem', expect.stringMatching(/is a private key/)]);
  expect(JSON.stringify(priv.body)).not.toContain('PRIVATE KEY');
  expect(JSON.stringify(sb.deps.store.data)).not.toContain('PRIVATE KEY');
  expect(Object.keys(sb.deps.store.data.merchants)).toEqual([]);
  expect((await request(sb.app).get('/__mock/merchants')).status).toBe(200); // the registry still works
});

describe('DOKU_MERCHANT_ISOLATION=enforced', () => {
  const A = merchant('BRN-ISO-A');
  const B = merchant('BRN-ISO-B');
  const ADMIN = { Authorization: 'Bearer the-admin-token' };
  const as = (m: { clientSecret: string }) => ({ Authorization: `Bearer ${m.clientSecret}` });
  let paidB: string;

  beforeEach(async () => {
    sb = await buildSandbox({ DOKU_MERCHANT_ISOLATION: 'enforced', DOKU_ADMIN_TOKEN: 'the-admin-token' });
    for (const m of [A, B]) await request(sb.app).post('/__mock/merchants').send(m).expect(201); // registration needs no credential
    const client = clientOf(sb, B);
    const session = await customerSession(client);
    paidB = (await client.tx(PAY, paymentBody('INV-B'), { customerToken: session.customerToken, headers: IP })).body.referenceNo;
  });

  test('without a credential nothing but registering answers; a wrong secret is no credential', async () => {
    for (const [method, path] of [
      ['get', '/__mock/payments'],
      ['post', '/__mock/reset'],
      ['get', '/__mock/requests'],
      ['post', '/__mock/clock'],
    ] as const) {
      expect((await request(sb.app)[method](path)).status).toBe(401);
      expect((await request(sb.app)[method](path).set('Authorization', 'Bearer SK-wrong')).status).toBe(401);
    }
    expect((await request(sb.app).get('/__mock/health')).status).toBe(200);
  });

  test("a merchant sees and changes only its own: another's records are not found, acting on another is refused", async () => {
    const mine = await request(sb.app).get('/__mock/payments').set(as(A));
    expect(mine.body.payments).toEqual([]); // B's payment is not listed to A
    expect((await request(sb.app).get(`/__mock/payments/${paidB}`).set(as(A))).status).toBe(404);
    expect((await request(sb.app).get(`/__mock/payments/${paidB}`).set(as(B))).status).toBe(200);
    expect((await request(sb.app).post(`/__mock/notifications/send`).set(as(A)).send({ referenceNo: paidB })).status).toBe(404);
    for (const [method, path, body] of [
      ['post', '/__mock/reset', { clientId: B.clientId }],
      ['put', '/__mock/scenario', { name: 'all-general-error', clientId: B.clientId }],
      ['post', '/__mock/clock', { advanceSeconds: 60, clientId: B.clientId }],
      ['get', `/__mock/coverage?clientId=${B.clientId}`, undefined],
    ] as const)
      expect([path, (await request(sb.app)[method](path).set(as(A)).send(body)).status]).toEqual([path, 403]);
    expect((await request(sb.app).delete(`/__mock/merchants/${B.clientId}`).set(as(A))).status).toBe(403);
    const explain = (partner: string) =>
      request(sb.app)
        .post('/__mock/explain')
        .set(as(A))
        .send({ path: STATUS, headers: { 'X-PARTNER-ID': partner, 'X-TIMESTAMP': 'x', 'X-SIGNATURE': 'x' }, body: '{}' });
    expect([(await explain(B.clientId)).status, (await explain(A.clientId)).status]).toEqual([403, 200]);
    expect((await request(sb.app).get('/__mock/merchants').set(as(A))).body.merchants.map((m: { clientId: string }) => m.clientId)).toEqual(
      [A.clientId],
    );
    // a call naming no merchant acts on the caller's own: A's reset leaves B's payment alone
    expect((await request(sb.app).post('/__mock/reset').set(as(A))).body).toMatchObject({ clientId: A.clientId });
    expect(sb.deps.store.findPayment(paidB)).toBeDefined();
    await request(sb.app).post('/__mock/clock').set(as(A)).send({ advanceSeconds: 3600 }).expect(200);
    expect([sb.deps.clock.isOwn(A.clientId), sb.deps.clock.offsetOf(B.clientId)]).toEqual([true, 0]);
  });

  test('the admin token acts on every merchant', async () => {
    expect((await request(sb.app).get(`/__mock/payments/${paidB}`).set(ADMIN)).status).toBe(200);
    expect((await request(sb.app).get('/__mock/merchants').set(ADMIN)).body.merchants).toHaveLength(3);
    await request(sb.app).post('/__mock/reset').set(ADMIN).expect(200);
    expect(sb.deps.store.findPayment(paidB)).toBeUndefined();
  });
});

test('the journal and coverage count only requests authenticated as the merchant, never a mere X-PARTNER-ID', async () => {
  sb = await buildSandbox();
  const forged = () =>
    request(sb.app)
      .post(STATUS)
      .set({
        'Content-Type': 'application/json',
        'X-PARTNER-ID': DEMO.clientId,
        'X-EXTERNAL-ID': '1',
        'X-TIMESTAMP': '2026-05-26T10:00:00+07:00',
      })
      .set({ 'X-SIGNATURE': 'AAAA', Authorization: 'Bearer not-a-token', 'CHANNEL-ID': 'H2H' })
      .send({ serviceCode: '55', originalPartnerReferenceNo: 'X' });
  for (let i = 0; i < 5; i++) expect((await forged()).status).toBe(401);
  const coverage = async () => (await request(sb.app).get(`/__mock/coverage?clientId=${DEMO.clientId}`)).body.covered;
  expect(await coverage()).toBe(0);
  expect((await request(sb.app).get(`/__mock/requests?clientId=${DEMO.clientId}`)).body.requests).toEqual([]);
  const claimed = (await request(sb.app).get(`/__mock/requests?partnerId=${DEMO.clientId}`)).body.requests;
  expect(claimed).toHaveLength(5); // still there to debug, by the claim, without a clientId
  expect(claimed[0].clientId).toBeUndefined();
  await new SnapClient(sb.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'X' });
  expect(await coverage()).toBe(2); // its token request and the status check
  const signed = (await request(sb.app).get(`/__mock/requests?clientId=${DEMO.clientId}`)).body.requests;
  expect(signed.map((e: { clientId: string }) => e.clientId)).toEqual([DEMO.clientId, DEMO.clientId]); // its token request and the status
});
