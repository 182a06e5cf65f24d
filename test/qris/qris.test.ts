/**
 * QRIS through HTTP (docs/doku.md §15): generate → query pending → the customer pays (admin, by
 * referenceNo or by the scanned string) → query paid → refunds, partial and cumulative, never over;
 * the notification verified by the tests' own receiver (RSA token request, HMAC); expiry by the clock.
 */
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { SnapClient } from '../helpers/snap-client.js';

// jsQR is CommonJS typed as an ES default export: under nodenext the imported value is the function itself
const jsQR = jsqr as unknown as typeof jsqr.default;
const GENERATE = '/snap-adapter/b2b/v1.0/qr/qr-mpm-generate';
const QUERY = '/snap-adapter/b2b/v1.0/qr/qr-mpm-query';
const REFUND = '/snap-adapter/b2b/v1.0/qr/qr-mpm-refund';
const generateBody = (partnerReferenceNo: string, extra: Record<string, unknown> = {}) => ({
  partnerReferenceNo,
  amount: { value: '25000.00', currency: 'IDR' },
  merchantId: '47435',
  terminalId: 'A01',
  additionalInfo: { postalCode: '10110', feeType: '1' },
  ...extra,
});

let sb: TestSandbox;
let client: SnapClient;
let receiver: Receiver | undefined;
const admin = () => request(sb.app);
afterEach(async () => {
  sb.app.outbox.stop();
  await receiver?.close();
  receiver = undefined;
});

test('generate → query 03 → pay by the scanned string → query 00 with paidTime; the notification is signed and verified', async () => {
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
  sb = await buildSandbox({
    DOKU_NOTIFICATION_URL: `${receiver.url}/debit/notify`,
    DOKU_QRIS_NOTIFICATION_URL: `${receiver.url}/v1.0/qr/qr-mpm-notify`,
    DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl,
  });
  receiver.trustDokuKey((await admin().get('/__mock/doku-public-key')).text);
  client = new SnapClient(sb.app);
  const made = await client.tx(GENERATE, generateBody('ORDER-QR-1'), { headers: { 'CHANNEL-ID': '95221' } });
  expect([made.status, made.body.responseCode, made.body.responseMessage]).toEqual([200, '2004700', 'Successful']);
  expect(Object.keys(made.body).sort()).toEqual([
    'additionalInfo',
    'partnerReferenceNo',
    'qrContent',
    'qrUrl',
    'referenceNo',
    'responseCode',
    'responseMessage',
    'terminalId',
  ]);
  expect(made.body.qrContent).toMatch(/^00020101021226540012COM\.DOKU\.WWW.*540525000.*61051011062.*6304[0-9A-F]{4}$/);
  expect(made.body.additionalInfo.validityPeriod).toMatch(/\+07:00$/);
  const ref = made.body.referenceNo as string;

  const pending = await client.tx(QUERY, {
    originalReferenceNo: ref,
    originalPartnerReferenceNo: 'ORDER-QR-1',
    serviceCode: '47',
    merchantId: '47435',
  });
  expect([pending.body.responseCode, pending.body.latestTransactionStatus, pending.body.paidTime]).toEqual(['2005100', '03', undefined]);

  const paid = await admin().post('/__mock/qris/pay').send({ qrContent: made.body.qrContent, issuerName: 'OVO', customerName: 'SITI' });
  expect([paid.status, paid.body.qris.latestTransactionStatus]).toEqual([200, '00']);
  // client QS puts its own order id in both references
  const after = await client.tx(QUERY, { originalReferenceNo: 'ORDER-QR-1', originalPartnerReferenceNo: 'ORDER-QR-1', serviceCode: '47' });
  expect(after.body).toMatchObject({
    latestTransactionStatus: '00',
    transactionStatusDesc: 'Success',
    amount: { value: '25000.00', currency: 'IDR' },
    additionalInfo: { issuerName: 'OVO', customerName: 'SITI', issuerId: '93600912' },
  });
  expect(after.body.paidTime).toMatch(/\+07:00$/);

  const note = await eventually(() => receiver!.received.find((r) => r.path === '/v1.0/qr/qr-mpm-notify'));
  expect(note.verified).toBe(true);
  expect(JSON.parse(note.body)).toMatchObject({
    originalReferenceNo: ref,
    originalPartnerReferenceNo: 'ORDER-QR-1',
    latestTransactionStatus: '00',
  });
  expect((await admin().post(`/__mock/qris/${ref}/pay`).send({})).status).toBe(409); // paid already
});

test('refunds: only of a paid QR, partial and cumulative, never over; the last makes it 04; the same partnerRefundNo is 4097801', async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  const ref = (await client.tx(GENERATE, generateBody('ORDER-QR-2'))).body.referenceNo as string;
  const refund = (partnerRefundNo: string, value: string) =>
    client.tx(REFUND, {
      originalPartnerReferenceNo: 'ORDER-QR-2',
      originalReferenceNo: ref,
      partnerRefundNo,
      refundAmount: { value, currency: 'IDR' },
      reason: 'customer request',
    });
  expect((await refund('RF-0', '1000.00')).body.responseCode).toBe('4047800'); // not paid
  await admin().post(`/__mock/qris/${ref}/pay`).send({}).expect(200);
  const one = await refund('RF-1', '10000.00');
  expect([one.body.responseCode, one.body.refundNo]).toEqual(['2007800', expect.stringMatching(/^R_/)]);
  expect((await refund('RF-1', '10000.00')).body.responseCode).toBe('4097801');
  expect((await refund('RF-2', '15000.01')).body.responseCode).toBe('4037802');
  expect((await refund('RF-3', '15000.00')).body.responseCode).toBe('2007800');
  const q = await client.tx(QUERY, { originalReferenceNo: ref, serviceCode: '47' });
  expect(q.body.latestTransactionStatus).toBe('04');
});

test('validityPeriod: in the past 4004701; lenient clamps beyond 30 days, strict refuses; an expired QR is 06 Expired and cannot be paid', async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  const past = await client.tx(GENERATE, generateBody('ORDER-QR-3', { validityPeriod: '2020-01-01T00:00:00Z' }));
  expect([past.status, past.body.responseCode]).toEqual([400, '4004701']);
  const far = await client.tx(GENERATE, generateBody('ORDER-QR-4', { validityPeriod: '2099-01-01T00:00:00.000Z' }));
  expect(far.body.responseCode).toBe('2004700');
  const validity = Date.parse(far.body.additionalInfo.validityPeriod);
  expect(validity - sb.clock.now()).toBeLessThanOrEqual(30 * 86400_000);
  sb.clock.advance(31 * 86400_000);
  const expired = await client.tx(QUERY, { originalPartnerReferenceNo: 'ORDER-QR-4', serviceCode: '47' });
  expect([expired.body.latestTransactionStatus, expired.body.transactionStatusDesc]).toEqual(['06', 'Expired']);
  const pay = await admin().post(`/__mock/qris/${far.body.referenceNo}/pay`).send({});
  expect([pay.status, pay.body.mockError]).toEqual([409, expect.stringMatching(/expired/)]);
  const strict = await buildSandbox({ DOKU_QRIS_MODE: 'strict' });
  const refused = await new SnapClient(strict.app).tx(
    GENERATE,
    generateBody('ORDER-QR-5', { validityPeriod: '2099-01-01T00:00:00+07:00' }),
  );
  expect(refused.body.responseCode).toBe('4004701');
  strict.app.outbox.stop();
});

test('unknown references are 4045101; an unpaid duplicate partnerReferenceNo is 4094701; a failed payment is 06; bad admin input is a mockError', async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  expect((await client.tx(QUERY, { originalReferenceNo: 'NOPE', serviceCode: '47' })).body.responseCode).toBe('4045101');
  const ref = (await client.tx(GENERATE, generateBody('ORDER-QR-6'))).body.referenceNo as string;
  expect((await client.tx(GENERATE, generateBody('ORDER-QR-6'))).body.responseCode).toBe('4094701');
  expect((await admin().post(`/__mock/qris/${ref}/pay`).send({ result: 'maybe' })).status).toBe(400);
  expect((await admin().post('/__mock/qris/pay').send({ qrContent: '000201' })).status).toBe(404);
  await admin().post(`/__mock/qris/${ref}/pay`).send({ result: 'fail' }).expect(200);
  expect((await client.tx(QUERY, { originalPartnerReferenceNo: 'ORDER-QR-6', serviceCode: '47' })).body.latestTransactionStatus).toBe('06');
  expect((await client.tx(GENERATE, generateBody('ORDER-QR-6'))).body.responseCode).toBe('2004700'); // a new QR for the failed order
});

test('the hosted QR page: the QR drawn by the sandbox, qrUrl a PNG a decoder reads; Pay from the page only', async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  const made = await client.tx(GENERATE, generateBody('ORDER-QR-7'));
  const pagePath = new URL(made.body.additionalInfo.qrPage).pathname;
  const view = await admin().get(pagePath);
  expect([view.status, view.text.includes('<svg'), view.text.includes('IDR 25000.00'), view.text.includes('ORDER-QR-7')]).toEqual([
    200,
    true,
    true,
    true,
  ]);
  expect(view.text).not.toMatch(/(src|href)="https?:/); // nothing from another origin
  const png = await admin()
    .get(new URL(made.body.qrUrl).pathname)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(png.headers['content-type']).toBe('image/png');
  const image = PNG.sync.read(png.body as Buffer);
  expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(made.body.qrContent);
  const foreign = await admin().post(pagePath).set('Origin', 'https://evil.example').type('form').send({ action: 'pay' });
  expect(foreign.status).toBe(403);
  const paid = await admin().post(pagePath).type('form').send({ action: 'pay' });
  expect([paid.status, paid.text.includes('Payment done')]).toEqual([200, true]);
  expect((await client.tx(QUERY, { originalPartnerReferenceNo: 'ORDER-QR-7', serviceCode: '47' })).body.latestTransactionStatus).toBe('00');
  expect((await admin().get('/qris/page/nope')).status).toBe(404);
});
