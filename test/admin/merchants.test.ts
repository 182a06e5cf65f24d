/** Merchants at run time (issue #17): registered, listed with secrets masked, isolated from each other, removed with their records, kept across restarts. */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../server/config/load.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';
import { eachTempState } from '../helpers/temp-state.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const B = {
  clientId: 'BRN-TEAM-B',
  clientSecret: 'SK-team-b-secret-0001',
  publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
};
const register = (sb: TestSandbox, body: Record<string, unknown>) => request(sb.app).post('/__mock/merchants').send(body);
const asB = (sb: TestSandbox) => new SnapClient(sb.app, B.clientId, B.clientSecret, B.privateKeyPem);

let sb: TestSandbox;
beforeEach(async () => {
  sb = await buildSandbox();
});
afterEach(() => sb.app.outbox.stop());

test('registered at run time (201), listed with the demo, secrets masked', async () => {
  const { privateKeyPem: _p, ...body } = B;
  const res = await register(sb, { ...body, notificationUrl: 'http://127.0.0.1:8080/v1.0/debit/notify' });
  expect(res.status).toBe(201);
  expect(res.body.merchant).toMatchObject({ clientId: B.clientId, source: 'runtime', clientSecret: 'SK-t****' });
  const list = (await request(sb.app).get('/__mock/merchants')).body.merchants;
  expect(list.map((m: { clientId: string; source: string }) => [m.clientId, m.source])).toEqual([
    [DEMO.clientId, 'demo'],
    [B.clientId, 'runtime'],
  ]);
  expect(JSON.stringify(list)).not.toContain(B.clientSecret);
  expect((await request(sb.app).get('/__mock/health')).body.merchants).toEqual([DEMO.clientId, B.clientId]);
});

test('two merchants run full flows at once, each seeing only its own records', async () => {
  const { privateKeyPem: _p, ...body } = B;
  await register(sb, body).expect(201);
  const a = new SnapClient(sb.app);
  const b = asB(sb);
  const flow = async (client: SnapClient, ref: string) => {
    const session = await customerSession(client);
    const paid = await client.tx(PAY, paymentBody(ref), { customerToken: session.customerToken, headers: IP });
    return { session, paid };
  };
  const [fa, fb] = await Promise.all([flow(a, 'INV-A'), flow(b, 'INV-B')]);
  expect([fa.paid.body.responseCode, fb.paid.body.responseCode]).toEqual(['2005400', '2005400']);
  // the same card number and custIdMerchant bound by both: each merchant has its own binding
  expect(sb.deps.store.bindings.byReferenceNo(fb.session.referenceNo)?.clientId).toBe(B.clientId);
  const status = (client: SnapClient, ref: string) => client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref });
  expect((await status(a, 'INV-A')).body.responseCode).toBe('2005500');
  expect((await status(a, 'INV-B')).body.responseCode).toBe('4045501'); // B's payment is invisible to A
  expect((await status(b, 'INV-A')).body.responseCode).toBe('4045501');
  // a B2B token of B sent with A's X-PARTNER-ID
  const crossed = await a.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'INV-A' }, { token: await b.b2bToken() });
  expect(crossed.body.responseCode).toBe('4015500');
  // A's customer token with B's B2B token
  const foreign = await b.tx(PAY, paymentBody('INV-X'), { customerToken: fa.session.customerToken, headers: IP });
  expect(foreign.body.responseCode).toBe('4015402');
});

test('removing a merchant removes its records and its access; the other merchant keeps everything', async () => {
  const { privateKeyPem: _p, ...body } = B;
  await register(sb, body).expect(201);
  const a = new SnapClient(sb.app);
  const b = asB(sb);
  const sa = await customerSession(a);
  const sb2 = await customerSession(b);
  await a.tx(PAY, paymentBody('KEEP-A'), { customerToken: sa.customerToken, headers: IP });
  await b.tx(PAY, paymentBody('GONE-B'), { customerToken: sb2.customerToken, headers: IP });
  const removed = await request(sb.app).delete(`/__mock/merchants/${B.clientId}`).expect(200);
  expect(removed.body.removed).toBe(B.clientId);
  expect(removed.body.records).toBeGreaterThanOrEqual(3); // its binding, payment, authCode, stored answers…
  expect(sb.deps.store.payments.byPartnerReferenceNo(B.clientId, 'GONE-B')).toBeUndefined();
  expect(sb.deps.store.payments.byPartnerReferenceNo(DEMO.clientId, 'KEEP-A')?.status).toBe('SUCCESS');
  expect((await b.tokenRequest('/authorization/v1/access-token/b2b', { grantType: 'client_credentials' })).body.responseCode).toBe(
    '4017300',
  );
});

test('mistakes are named: a missing field, a bad PEM, a bad URL (400); a duplicate (409); the settings merchant and an unknown one', async () => {
  const { privateKeyPem: _p, ...body } = B;
  const err = async (b: Record<string, unknown>) => {
    const r = await register(sb, b);
    return [r.status, r.body.field, r.body.mockError];
  };
  expect(await err({ ...body, clientSecret: undefined })).toEqual([400, 'clientSecret', 'clientSecret is missing (a non-empty string)']);
  expect(await err({ ...body, publicKeyPem: 'not a key' })).toEqual([
    400,
    'publicKeyPem',
    'publicKeyPem is not an RSA public key in PEM format',
  ]);
  expect(await err({ ...body, tokenUrl: 'ftp://x' })).toEqual([
    400,
    'tokenUrl',
    'tokenUrl must be an http:// or https:// URL of at most 2048 characters',
  ]);
  expect((await err({ ...body, clientId: DEMO.clientId }))[0]).toBe(409);
  expect((await request(sb.app).delete(`/__mock/merchants/${DEMO.clientId}`)).status).toBe(409);
  expect((await request(sb.app).delete('/__mock/merchants/nobody')).status).toBe(404);
});

describe('kept in the state', () => {
  let dir: string;
  let file: string;
  eachTempState('merchants-', (d, f) => ((dir = d), (file = f)));

  test('a registered merchant survives a restart and a reset', async () => {
    const first = await buildSandbox({ DOKU_DB_FILE: file });
    const { privateKeyPem: _p, ...body } = B;
    await register(first, body).expect(201);
    first.app.outbox.stop();
    const second = await buildSandbox({ DOKU_DB_FILE: file }); // no clean stop: from the log
    await request(second.app).post('/__mock/reset').expect(200);
    expect(await asB(second).b2bToken()).toMatch(/^ey/);
    second.app.outbox.stop();
  });

  test('DOKU_MERCHANTS_FILE adds merchants at start; a bad entry stops the start naming it', async () => {
    const path = join(dir, 'merchants.json');
    const { privateKeyPem: _p, ...body } = B;
    writeFileSync(path, JSON.stringify([body]));
    const withFile = await buildSandbox({ DOKU_MERCHANTS_FILE: path });
    expect(await asB(withFile).b2bToken()).toMatch(/^ey/);
    expect((await request(withFile.app).get('/__mock/merchants')).body.merchants[1]).toMatchObject({
      clientId: B.clientId,
      source: 'settings',
    });
    withFile.app.outbox.stop();
    writeFileSync(path, JSON.stringify([body, { ...body, clientId: 'BRN-2', publicKeyPem: 'nope' }]));
    expect(() => loadConfig({ DOKU_MERCHANTS_FILE: path })).toThrow(
      /DOKU_MERCHANTS_FILE: merchant 2: publicKeyPem is not an RSA public key/,
    );
    writeFileSync(path, JSON.stringify([body, body]));
    expect(() => loadConfig({ DOKU_MERCHANTS_FILE: path })).toThrow(/clientId "BRN-TEAM-B" is configured twice/);
  });
});

describe('one merchant at a time', () => {
  beforeEach(async () => {
    const { privateKeyPem: _p, ...body } = B;
    await register(sb, body).expect(201);
  });

  test('POST /__mock/reset {clientId} resets only that merchant: its records go and its tokens become unknown', async () => {
    const a = new SnapClient(sb.app);
    const b = asB(sb);
    const [sa, sbb] = await Promise.all([customerSession(a), customerSession(b)]);
    await a.tx(PAY, paymentBody('R-A'), { customerToken: sa.customerToken, headers: IP });
    await b.tx(PAY, paymentBody('R-B'), { customerToken: sbb.customerToken, headers: IP });
    const bToken = await b.b2bToken();
    const reset = await request(sb.app).post('/__mock/reset').send({ clientId: B.clientId }).expect(200);
    expect(reset.body).toMatchObject({ status: 'reset', clientId: B.clientId });
    expect((await b.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'R-B' }, { token: bToken })).body.responseCode).toBe(
      '4015503',
    );
    expect((await b.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'R-B' })).body.responseCode).toBe('4045501'); // a new token: its payment is gone
    expect((await a.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'R-A' })).body.responseCode).toBe('2005500');
    expect((await a.tx(PAY, paymentBody('R-A2'), { customerToken: sa.customerToken, headers: IP })).body.responseCode).toBe('2005400');
    expect((await request(sb.app).post('/__mock/reset').send({ clientId: 'nobody' })).status).toBe(404);
  });

  test("a merchant's own global scenario applies to it alone", async () => {
    await request(sb.app).put('/__mock/scenario').send({ name: 'status-general-error', clientId: B.clientId }).expect(200);
    expect((await request(sb.app).get(`/__mock/scenario?clientId=${B.clientId}`)).body.scenario).toBe('status-general-error');
    expect((await request(sb.app).get('/__mock/scenario')).body.scenario).toBeNull();
    const status = (client: SnapClient) => client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
    expect((await status(asB(sb))).body.responseCode).toBe('5005500');
    expect((await status(new SnapClient(sb.app))).body.responseCode).toBe('4045501');
    await request(sb.app).delete(`/__mock/scenario?clientId=${B.clientId}`).expect(200);
    expect((await status(asB(sb))).body.responseCode).toBe('4045501');
  });

  test('the request journal and the coverage report by merchant', async () => {
    await asB(sb).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
    await new SnapClient(sb.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
    const mine = (await request(sb.app).get(`/__mock/requests?clientId=${B.clientId}`)).body.requests;
    expect(mine.map((r: { path: string }) => r.path)).toEqual(['/authorization/v1/access-token/b2b', '/orders/v1.0/debit/status']);
    await request(sb.app).post('/__mock/reset').send({ clientId: B.clientId }).expect(200);
    expect((await request(sb.app).get(`/__mock/requests?clientId=${B.clientId}`)).body.requests).toEqual([]);
    expect((await request(sb.app).get(`/__mock/requests?clientId=${DEMO.clientId}`)).body.requests).toHaveLength(2);
    expect((await request(sb.app).get(`/__mock/coverage?clientId=${B.clientId}`)).body.covered).toBe(0);
  });
});
