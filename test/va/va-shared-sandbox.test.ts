/**
 * Virtual accounts in a shared sandbox, as the card endpoints (docs/doku.md §14, §11–§13): a
 * scenario forces any documented VA code, the coverage report counts VA codes, idempotency replays
 * a create under the same X-EXTERNAL-ID, one merchant cannot see, check or pay another's VA under
 * DOKU_MERCHANT_ISOLATION=enforced, and a reset of one merchant removes its VAs and bank journal only.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';

const CREATE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va';
const STATUS = '/orders/v1.0/transfer-va/status';
const PSID = '   19008';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const merchant = (clientId: string) => ({ clientId, clientSecret: `SK-${clientId}-secret`, publicKeyPem });
const ident = (customerNo: string) => ({ partnerServiceId: PSID, customerNo, virtualAccountNo: `${PSID}${customerNo}` });
const createBody = (customerNo: string) => ({
  ...ident(customerNo),
  virtualAccountName: 'Budi Santoso',
  trxId: `INV-${customerNo}`,
  totalAmount: { value: '20000.00', currency: 'IDR' },
  additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BNI' },
});

let sb: TestSandbox;
afterEach(() => sb.app.outbox.stop());

test('a scenario forces a documented VA code; coverage counts it; the same X-EXTERNAL-ID replays a create', async () => {
  sb = await buildSandbox();
  const client = new SnapClient(sb.app);
  const forced = await client.tx(STATUS, ident('00000000000000000081'), {
    headers: { 'X-Mock-Scenario': 'va-status-invalid-bill-virtual-account' },
  });
  expect([forced.status, forced.body.responseCode]).toEqual([404, '4042612']);
  const first = await client.tx(CREATE, createBody('00000000000000000081'), { headers: { 'X-EXTERNAL-ID': '880001' } });
  const again = await client.tx(CREATE, createBody('00000000000000000081'), { headers: { 'X-EXTERNAL-ID': '880001' } });
  expect([first.body.responseCode, again.body.responseCode, again.headers['x-mock-replay']]).toEqual(['2002700', '2002700', 'true']);
  expect(again.body).toEqual(first.body);
  const other = await client.tx(CREATE, createBody('00000000000000000082'), { headers: { 'X-EXTERNAL-ID': '880001' } });
  expect([other.status, other.body.responseCode]).toEqual([409, '4092700']); // the same key, another body
  const report = (await request(sb.app).get('/__mock/coverage')).body;
  const byName = Object.fromEntries(report.endpoints.map((e: { name: string }) => [e.name, e]));
  const hit = (name: string) =>
    byName[name].codes
      .filter((c: { byState: number; byScenario: number }) => c.byState + c.byScenario > 0)
      .map((c: { responseCode: string }) => c.responseCode);
  expect(hit('va-create')).toEqual(['2002700', '4092700']);
  expect(hit('va-status')).toEqual(['4042612']);
  expect(byName['va-status'].scenarios).toEqual(['va-status-invalid-bill-virtual-account']);
});

test('DOKU_MERCHANT_ISOLATION=enforced: B cannot see, check or pay A’s VA; a reset of A removes A’s VAs and journal only', async () => {
  sb = await buildSandbox({ DOKU_MERCHANT_ISOLATION: 'enforced', DOKU_ADMIN_TOKEN: 'the-admin-token' });
  const A = merchant('BRN-VA-A');
  const B = merchant('BRN-VA-B');
  for (const m of [A, B]) await request(sb.app).post('/__mock/merchants').send(m).expect(201);
  const as = (m: typeof A) => ({ Authorization: `Bearer ${m.clientSecret}` });
  const a = new SnapClient(sb.app, A.clientId, A.clientSecret, privateKeyPem);
  const b = new SnapClient(sb.app, B.clientId, B.clientSecret, privateKeyPem);
  expect((await a.tx(CREATE, createBody('00000000000000000091'))).body.responseCode).toBe('2002700');
  expect((await b.tx(CREATE, createBody('00000000000000000092'))).body.responseCode).toBe('2002700');

  expect((await b.tx(STATUS, ident('00000000000000000091'))).body.responseCode).toBe('4042612'); // not B's
  const bList = await request(sb.app).get('/__mock/virtual-accounts').set(as(B));
  expect(bList.body.virtualAccounts.map((v: { clientId: string }) => v.clientId)).toEqual([B.clientId]);
  const bPays = await request(sb.app).post('/__mock/virtual-accounts/1900800000000000000000091/pay').set(as(B)).send({});
  expect(bPays.status).toBe(404);
  const aPays = await request(sb.app).post('/__mock/virtual-accounts/1900800000000000000000091/pay').set(as(A)).send({ amount: '1.00' });
  expect([aPays.status, aPays.body.responseCode]).toEqual([409, '4042513']);
  const bJournal = await request(sb.app).get('/__mock/virtual-accounts/attempts').set(as(B));
  expect(bJournal.body.attempts).toEqual([]); // A's refused try is A's

  await request(sb.app).post('/__mock/reset').set(as(A)).send({}).expect(200);
  const all = await request(sb.app).get('/__mock/virtual-accounts').set({ Authorization: 'Bearer the-admin-token' });
  expect(all.body.virtualAccounts.map((v: { clientId: string }) => v.clientId)).toEqual([B.clientId]);
  expect(Object.values(sb.deps.store.data.vaAttempts)).toEqual([]);
  expect((await b.tx(STATUS, ident('00000000000000000092'))).body.responseCode).toBe('2002600');
});
