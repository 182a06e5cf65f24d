/**
 * QRIS through HTTP (docs/doku.md §15): generate → query pending → the customer pays (admin, by
 * referenceNo or by the scanned string) → query paid → refunds, partial and cumulative, never over;
 * the notification verified by the tests' own receiver (RSA token request, HMAC); expiry by the clock.
 */
import type { IncomingHttpHeaders } from 'node:http';
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

test('cancel (thin, SNAP 77): an unpaid QR becomes 05 and cannot be paid; a paid one is 4047700; decode (48) reads any valid QR', async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  const CANCEL = '/snap-adapter/b2b/v1.0/qr/qr-mpm-cancel';
  const DECODE = '/snap-adapter/b2b/v1.0/qr/qr-mpm-decode';
  const made = await client.tx(GENERATE, generateBody('ORDER-QR-8'));
  const decoded = await client.tx(DECODE, { qrContent: made.body.qrContent, scanTime: '2026-05-26T10:00:00+07:00' });
  expect(decoded.body).toMatchObject({
    responseCode: '2004800',
    referenceNo: made.body.referenceNo,
    merchantName: 'DOKU SANDBOX',
    merchantLocation: 'JAKARTA',
    transactionAmount: { value: '25000.00', currency: 'IDR' },
    additionalInfo: { pointOfInitiation: 'dynamic', billNumber: 'ORDER-QR-8', terminalId: 'A01' },
  });
  const broken = made.body.qrContent.slice(0, -1) + (made.body.qrContent.endsWith('0') ? '1' : '0');
  expect((await client.tx(DECODE, { qrContent: broken })).body.responseCode).toBe('4004801');
  // another scheme's EMVCo sample: valid, not the sandbox's
  const other = await client.tx(DECODE, {
    qrContent:
      '00020101021252044131153137210116372101160123456789ABCDE6010Phnom Penh5913Merchant Shop5802KH540510.005303840622501081234567802090124444446304A0BA',
  });
  expect([other.body.referenceNo, other.body.merchantName, other.body.transactionAmount.value]).toEqual([
    undefined,
    'Merchant Shop',
    '10.00',
  ]);

  const cancel = (ref: string) => client.tx(CANCEL, { originalPartnerReferenceNo: ref, merchantId: '47435', reason: 'customer left' });
  const canceled = await cancel('ORDER-QR-8');
  expect([canceled.body.responseCode, canceled.body.cancelTime]).toEqual(['2007700', expect.stringMatching(/\+07:00$/)]);
  expect((await client.tx(QUERY, { originalPartnerReferenceNo: 'ORDER-QR-8', serviceCode: '47' })).body.latestTransactionStatus).toBe('05');
  expect((await admin().post(`/__mock/qris/${made.body.referenceNo}/pay`).send({})).status).toBe(409);
  const paid = (await client.tx(GENERATE, generateBody('ORDER-QR-9'))).body.referenceNo as string;
  await admin().post(`/__mock/qris/${paid}/pay`).send({}).expect(200);
  expect((await cancel('ORDER-QR-9')).body.responseCode).toBe('4047700');
  expect((await cancel('ORDER-NONE')).body.responseCode).toBe('4047701');
});

test('DOKU_QRIS_NOTIFICATION_FORMAT=checkout: no token request, a Checkout-style body signed the non-SNAP way, verified here', async () => {
  const { createHash, createHmac } = await import('node:crypto');
  const http = await import('node:http');
  const seen: { headers: IncomingHttpHeaders; path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req
      .on('data', (c) => (body += c))
      .on('end', () => {
        seen.push({ headers: req.headers, path: req.url!, body });
        res.writeHead(200).end('OK');
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/doku/qris-notify`;
  sb = await buildSandbox({ DOKU_QRIS_NOTIFICATION_URL: url, DOKU_QRIS_NOTIFICATION_FORMAT: 'checkout' });
  client = new SnapClient(sb.app);
  try {
    const ref = (await client.tx(GENERATE, generateBody('ORDER-QR-10'))).body.referenceNo as string;
    await admin().post(`/__mock/qris/${ref}/pay`).send({ issuerName: 'DANA' }).expect(200);
    const got = await eventually(() => seen[0]);
    const h = (k: string) => String(got.headers[k]);
    const components = [
      `Client-Id:${h('client-id')}`,
      `Request-Id:${h('request-id')}`,
      `Request-Timestamp:${h('request-timestamp')}`,
      `Request-Target:/doku/qris-notify`,
      `Digest:${createHash('sha256').update(got.body).digest('base64')}`,
    ].join('\n');
    expect(h('signature')).toBe(`HMACSHA256=${createHmac('sha256', DEMO.clientSecret).update(components).digest('base64')}`);
    expect([h('client-id'), h('request-timestamp')]).toEqual([DEMO.clientId, expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)]);
    expect(got.headers.authorization).toBeUndefined();
    expect(JSON.parse(got.body)).toMatchObject({
      service: { id: 'QRIS' },
      acquirer: { id: 'DANA' },
      order: { invoice_number: 'ORDER-QR-10', amount: 25000 },
      transaction: { status: 'SUCCESS' },
    });
    const check = await admin().post('/__mock/notifications/verifier-check').send({ product: 'qris' });
    expect([check.status, check.body.mockError]).toEqual([400, expect.stringMatching(/non-SNAP/)]);
  } finally {
    server.close();
  }
});
