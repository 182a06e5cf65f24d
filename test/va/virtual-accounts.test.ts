/** Virtual accounts through HTTP (docs/doku.md §14): create, status, pay, notify, update, delete, and their refusals. */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';

const CREATE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va';
const UPDATE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/update-va';
const DELETE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/delete-va';
const STATUS = '/orders/v1.0/transfer-va/status';
const PSID = '   19008';

const createBody = (customerNo: string, extra: Record<string, unknown> = {}) => ({
  partnerServiceId: PSID,
  customerNo,
  virtualAccountNo: `${PSID}${customerNo}`,
  virtualAccountName: 'Budi Santoso',
  virtualAccountEmail: 'budi@example.com',
  trxId: `INV-${customerNo}`,
  totalAmount: { value: '11500.00', currency: 'IDR' },
  virtualAccountTrxType: 'C',
  expiredDate: '2026-05-27T10:00:00+07:00',
  additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' },
  ...extra,
});
const ident = (customerNo: string) => ({ partnerServiceId: PSID, customerNo, virtualAccountNo: `${PSID}${customerNo}` });

let sb: TestSandbox;
let client: SnapClient;
const admin = () => request(sb.app);

beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
});

describe('create', () => {
  test('answers 2002700 with the shape the SDKs parse, echoing the padding sent', async () => {
    const res = await client.tx(CREATE, createBody('00000000000000000001', { freeTexts: [{ english: 'Pay', indonesia: 'Bayar' }] }));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['responseCode', 'responseMessage', 'virtualAccountData']); // Python's whitelist
    expect(res.body.responseCode).toBe('2002700');
    const data = res.body.virtualAccountData;
    expect(data.virtualAccountNo).toBe('   1900800000000000000000001');
    expect(data.partnerServiceId).toBe(PSID);
    expect(data.virtualAccountPhone).toBeNull(); // PHP reads it unguarded: present, null
    expect(data.additionalInfo).toMatchObject({ channel: 'VIRTUAL_ACCOUNT_BCA', virtualAccountConfig: { reusableStatus: false } });
    expect(data.additionalInfo.howToPayPage).toMatch(/\/virtual-accounts\/how-to-pay\//);
    expect(data.freeTexts).toEqual([{ english: 'Pay', indonesia: 'Bayar' }]);
    expect(data.totalAmount).toEqual({ value: '11500.00', currency: 'IDR' });
    const page = await request(sb.app).get(new URL(data.additionalInfo.howToPayPage).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('1900800000000000000000001');
    const api = await request(sb.app).get(new URL(data.additionalInfo.howToPayApi).pathname);
    expect(api.body).toMatchObject({ virtualAccountNo: '1900800000000000000000001', amount: '11500.00', state: 'ACTIVE' });
  });

  test("Go's misspelled virtualAccounTrxType is read; without any type the VA is closed", async () => {
    const { virtualAccountTrxType: _t, ...body } = createBody('00000000000000000002');
    const res = await client.tx(CREATE, { ...body, virtualAccounTrxType: 'O', totalAmount: undefined });
    expect(res.status).toBe(200);
    expect(res.body.virtualAccountData.virtualAccountTrxType).toBe('O');
    const closed = await client.tx(CREATE, {
      ...body,
      trxId: 'INV-X',
      customerNo: '00000000000000000003',
      virtualAccountNo: `${PSID}00000000000000000003`,
    });
    expect(closed.body.virtualAccountData.virtualAccountTrxType).toBe('C');
  });

  test('DGPC: a one-digit customerNo is the prefix DOKU completes to 20 digits', async () => {
    const res = await client.tx(CREATE, { ...createBody('6'), virtualAccountNo: '' });
    expect(res.status).toBe(200);
    expect(res.body.virtualAccountData.customerNo).toBe('60000000000000000001');
    const next = await client.tx(CREATE, { ...createBody('6'), trxId: 'INV-6b', virtualAccountNo: '' });
    expect(next.body.virtualAccountData.customerNo).toBe('60000000000000000002');
  });

  test('refusals: a VA number that is not psid + customerNo, a closed VA without amount, a duplicate trxId, a wrong channel', async () => {
    const wrong = await client.tx(CREATE, { ...createBody('00000000000000000004'), virtualAccountNo: `${PSID}99` });
    expect([wrong.status, wrong.body.responseCode]).toEqual([400, '4002701']);
    const noAmount = await client.tx(CREATE, { ...createBody('00000000000000000005'), totalAmount: undefined });
    expect([noAmount.status, noAmount.body.responseCode]).toEqual([400, '4002702']);
    await client.tx(CREATE, createBody('00000000000000000006'));
    const dup = await client.tx(CREATE, { ...createBody('00000000000000000007'), trxId: 'INV-00000000000000000006' });
    expect([dup.status, dup.body.responseCode]).toEqual([409, '4092701']);
    const channel = await client.tx(CREATE, { ...createBody('00000000000000000008'), additionalInfo: { channel: 'BCA' } });
    expect([channel.status, channel.body.responseCode]).toEqual([400, '4002701']);
  });
});

describe('pay, status, notification, update, delete', () => {
  test('a closed VA: status pending → pay → status paid with paidAmount; paying again is refused', async () => {
    await client.tx(CREATE, createBody('00000000000000000011'));
    const before = await client.tx(STATUS, ident('00000000000000000011'));
    expect(before.body.responseCode).toBe('2002600');
    expect(before.body.virtualAccountData.paymentFlagReason).toEqual({ english: 'Pending', indonesia: 'Menunggu pembayaran' });
    expect(before.body.virtualAccountData.paidAmount).toBeUndefined();
    expect(before.body.additionalInfo).toEqual({ acquirer: { id: 'BCA' } });

    const wrongAmount = await admin().post('/__mock/virtual-accounts/1900800000000000000000011/pay').send({ amount: '100.00' });
    expect(wrongAmount.status).toBe(409);
    expect(wrongAmount.body.responseCode).toBe('4042513');
    const paid = await admin().post('/__mock/virtual-accounts/001900800000000000000000011/pay').send({ senderName: 'Budi' });
    expect(paid.status).toBe(200);
    expect(paid.body.virtualAccount.state).toBe('PAID');

    const after = await client.tx(STATUS, { ...ident('00000000000000000011'), virtualAccountNo: '1900800000000000000000011' });
    const data = after.body.virtualAccountData;
    expect(data.paymentFlagStatus).toBe('00');
    expect(data.paidAmount).toEqual({ value: '11500.00', currency: 'IDR' });
    expect(data.paymentRequestId).toBe(paid.body.payment.paymentRequestId);
    const again = await admin()
      .post(`/__mock/virtual-accounts/${encodeURIComponent(PSID)}00000000000000000011/pay`)
      .send({});
    expect(again.body.responseCode).toBe('4042514');
    const view = await admin().get('/__mock/virtual-accounts/1900800000000000000000011');
    expect(view.body.attempts.map((a: { outcome: string; responseCode?: string }) => [a.outcome, a.responseCode])).toEqual([
      ['REFUSED', '4042513'],
      ['PAID', undefined],
      ['REFUSED', '4042514'],
    ]);
    expect(view.body.attempts[0].why).toMatch(/closed VA is paid exactly 11500.00/);
    const update = await client.tx(UPDATE, { ...createBody('00000000000000000011') }, { method: 'PUT' });
    expect(update.body.responseCode).toBe('4042814');
    const del = await client.tx(DELETE, { ...ident('00000000000000000011'), trxId: 'INV-00000000000000000011' }, { method: 'DELETE' });
    expect(del.body.responseCode).toBe('4043114');
  });

  test('the payment is notified on the shared outbox, to the VA notification URL, flat and space-padded', async () => {
    const seen: { url: string; body: string }[] = [];
    const http = await import('node:http');
    const receiver = http.createServer((req, res) => {
      let b = '';
      req
        .on('data', (c) => (b += c))
        .on('end', () => {
          seen.push({ url: req.url!, body: b });
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"responseCode":"2002500"}');
        });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    sb = await buildSandbox({
      DOKU_NOTIFICATION_URL: `http://127.0.0.1:${port}/debit/notify`,
      DOKU_VA_NOTIFICATION_URL: `http://127.0.0.1:${port}/v1.1/transfer-va/payment`,
    });
    client = new SnapClient(sb.app);
    await client.tx(
      CREATE,
      createBody('00000000000000000021', { partnerServiceId: '19008', virtualAccountNo: '1900800000000000000000021' }),
    );
    const paid = await admin().post('/__mock/virtual-accounts/1900800000000000000000021/pay').send({});
    expect(paid.status).toBe(200);
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    sb.app.outbox.stop();
    receiver.close();
    expect(seen[0]!.url).toBe('/v1.1/transfer-va/payment');
    const body = JSON.parse(seen[0]!.body);
    expect(body).toMatchObject({
      partnerServiceId: '   19008', // space-padded as the SDK DTOs expect, whatever the merchant sent
      virtualAccountNo: '   1900800000000000000000021',
      trxId: 'INV-00000000000000000021',
      paymentRequestId: paid.body.payment.paymentRequestId,
      paidAmount: { value: '11500.00', currency: 'IDR' },
      additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' },
    });
    expect(body.trxDateTime).toMatch(/\+07:00$/);
    const log = await admin().get(`/__mock/notifications?referenceNo=${paid.body.payment.paymentRequestId}`);
    expect(log.body.notifications[0].state).toBe('DELIVERED');
  });

  test('update INACTIVE stops payments; another trxId is 4042812; delete (a signed DELETE body) ends it', async () => {
    await client.tx(CREATE, createBody('00000000000000000031'));
    const inactive = await client.tx(
      UPDATE,
      {
        ...createBody('00000000000000000031'),
        additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA', virtualAccountConfig: { status: 'INACTIVE' } },
      },
      { method: 'PUT' },
    );
    expect(inactive.body.responseCode).toBe('2002800');
    expect(inactive.body.virtualAccountData.additionalInfo.virtualAccountConfig).toEqual({ reusableStatus: false, status: 'INACTIVE' });
    expect((await admin().post('/__mock/virtual-accounts/1900800000000000000000031/pay').send({})).body.responseCode).toBe('4042512');
    const wrongTrx = await client.tx(UPDATE, { ...createBody('00000000000000000031'), trxId: 'OTHER' }, { method: 'PUT' });
    expect(wrongTrx.body.responseCode).toBe('4042812');
    const del = await client.tx(
      DELETE,
      { ...ident('00000000000000000031'), trxId: 'INV-00000000000000000031', additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' } },
      { method: 'DELETE' },
    );
    expect(del.body.responseCode).toBe('2003100');
    expect(del.body.virtualAccountData.additionalInfo).toEqual({ channel: 'VIRTUAL_ACCOUNT_BCA' }); // no virtualAccountConfig: Go types it a string
    const twice = await client.tx(DELETE, ident('00000000000000000031'), { method: 'DELETE' });
    expect(twice.body.responseCode).toBe('4043112');
    const post = await client.tx(UPDATE, createBody('00000000000000000031'));
    expect([post.status, post.body.responseCode]).toEqual([405, '4052800']);
  });

  test('an open reusable VA takes two payments within min/max; expiry by the clock refuses the next', async () => {
    await client.tx(
      CREATE,
      createBody('00000000000000000041', {
        virtualAccountTrxType: 'O',
        totalAmount: undefined,
        additionalInfo: {
          channel: 'VIRTUAL_ACCOUNT_BCA',
          virtualAccountConfig: { reusableStatus: true, minAmount: 10000, maxAmount: '50000.00' },
        },
      }),
    );
    const pay = (amount: string) => admin().post('/__mock/virtual-accounts/1900800000000000000000041/pay').send({ amount });
    expect((await pay('9999.00')).body.responseCode).toBe('4042513');
    const one = await pay('10000.00');
    const two = await pay('20000.00');
    expect(one.body.payment.paymentRequestId).not.toBe(two.body.payment.paymentRequestId);
    expect(two.body.virtualAccount.state).toBe('ACTIVE');
    const status = await client.tx(STATUS, ident('00000000000000000041'));
    expect(status.body.virtualAccountData.paidAmount).toEqual({ value: '20000.00', currency: 'IDR' });
    sb.clock.advance(2 * 86400_000);
    expect((await pay('20000.00')).body.responseCode).toBe('4042519');
  });

  test('unknown VA: status 4042612, admin pay 404; a number that is not digits 400', async () => {
    expect((await client.tx(STATUS, ident('00000000000000000099'))).body.responseCode).toBe('4042612');
    expect((await admin().post('/__mock/virtual-accounts/123/pay').send({})).status).toBe(404);
    expect((await admin().post('/__mock/virtual-accounts/12a/pay').send({})).status).toBe(400);
  });
});

describe('the bank-transfer page', () => {
  test('pays its VA from its own form; a post from another origin changes nothing; a bad amount is said', async () => {
    const res = await client.tx(CREATE, createBody('00000000000000000051'));
    const path = new URL(res.body.virtualAccountData.additionalInfo.howToPayPage).pathname;
    const foreign = await admin().post(path).set('Origin', 'https://evil.example').type('form').send({ amount: '11500.00' });
    expect(foreign.status).toBe(403);
    const bad = await admin().post(path).type('form').send({ amount: '11.500,00' });
    expect([bad.status, bad.text.includes('Type the amount in rupiah')]).toEqual([400, true]);
    expect((await admin().get('/__mock/virtual-accounts/1900800000000000000000051')).body.virtualAccount.state).toBe('ACTIVE');
    const paid = await admin().post(path).type('form').send({ amount: '11,500' });
    expect([paid.status, paid.text.includes('Transfer done')]).toEqual([200, true]);
    expect((await admin().get('/__mock/virtual-accounts/1900800000000000000000051')).body.virtualAccount.state).toBe('PAID');
  });
});

test('a VA whose trxId begins 111–119 works, and its view warns that four SDKs answer such calls themselves', async () => {
  await client.tx(CREATE, { ...createBody('00000000000000000052'), trxId: '1115-ORDER' });
  const view = await admin().get('/__mock/virtual-accounts/1900800000000000000000052');
  expect(view.body.virtualAccount.warning).toMatch(/PHP, Python, Go and Java SDKs answer such calls themselves/);
  await client.tx(CREATE, createBody('00000000000000000053'));
  expect((await admin().get('/__mock/virtual-accounts/1900800000000000000000053')).body.virtualAccount.warning).toBeUndefined();
});

test("a bank-transfer page pays its own VA only: a deleted VA's page does not pay a new VA given its number", async () => {
  const old = await client.tx(CREATE, createBody('00000000000000000054'));
  const oldPage = new URL(old.body.virtualAccountData.additionalInfo.howToPayPage).pathname;
  const del = await client.tx(DELETE, { ...ident('00000000000000000054'), trxId: 'INV-00000000000000000054' }, { method: 'DELETE' });
  expect(del.body.responseCode).toBe('2003100');
  expect((await client.tx(CREATE, { ...createBody('00000000000000000054'), trxId: 'INV-54-AGAIN' })).body.responseCode).toBe('2002700');
  const paid = await admin().post(oldPage).type('form').send({ amount: '11500' });
  expect([paid.status, paid.text.includes('this VA is DELETED')]).toEqual([409, true]);
  expect((await admin().get('/__mock/virtual-accounts/1900800000000000000000054')).body.virtualAccount).toMatchObject({
    trxId: 'INV-54-AGAIN',
    state: 'ACTIVE',
  });
});
