/**
 * What the benchmarks send, shared by scripts/bench.mjs (autocannon, req/s) and
 * scripts/bench-instructions.mjs (callgrind, instructions per request): DOKU-signed payment and
 * status requests from the demo merchant, the virtual-account create and status check (issue #26:
 * a VA must cost no more than a card payment), and the session (B2B token, card binding, B2B2C
 * token, one payment, one VA) they need.
 */
import { createCipheriv, createHash, createHmac, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const demo = JSON.parse(readFileSync(join(ROOT, 'fixtures/demo-merchant.json'), 'utf8'));
const PRIVATE_KEY = readFileSync(join(ROOT, 'fixtures', demo.privateKeyPem), 'utf8');

export const TS = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 19) + '+07:00';
export const PAY_PATH = '/direct-debit/core/v1/debit/payment-host-to-host';
export const STATUS_PATH = '/orders/v1.0/debit/status';
let seq = 0;
/** A partnerReferenceNo no other request of this process uses. */
export const uniqueRef = (prefix) => `${prefix}-${process.pid}-${++seq}`;

export function paymentBody(ref) {
  return JSON.stringify({
    partnerReferenceNo: ref,
    amount: { value: '1000.00', currency: 'IDR' },
    payOptionDetails: [],
    additionalInfo: {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      remarks: 'benchmark order',
      successPaymentUrl: 'https://merchant.example/payment/success?source=bench',
      failedPaymentUrl: 'https://merchant.example/payment/failed?source=bench',
      lineItems: [{ name: 'Kopi Susu Gula Aren', price: '500.00', quantity: 2 }],
      origin: { product: 'SDK', source: 'NODE JS', sourceVersion: '1.0.52', system: 'doku-nodejs-library', apiFormat: 'SNAP' },
    },
  });
}

export function signed(path, body, token, extra = {}) {
  const ts = TS();
  const hash = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha512', demo.clientSecret).update(`POST:${path}:${token}:${hash}:${ts}`).digest('base64');
  return {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${token}`,
    'X-PARTNER-ID': demo.clientId,
    'X-EXTERNAL-ID': `${Date.now()}${++seq}`,
    'X-TIMESTAMP': ts,
    'X-SIGNATURE': signature,
    ...extra,
  };
}

export async function post(base, path, body, headers) {
  const res = await fetch(base + path, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json().catch(() => null), headers: res.headers };
}

export const VA_CREATE_PATH = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va';
export const VA_STATUS_PATH = '/orders/v1.0/transfer-va/status';
const PSID = '   19008';
let vaSeq = 0;

/** A create-VA body of about the card payment's size, with a number and trxId no other request of this process uses. */
export function vaCreateBody(trxId = uniqueRef('VA')) {
  const customerNo = `${process.pid % 100000}`.padStart(5, '0') + String(++vaSeq).padStart(15, '0');
  return JSON.stringify({
    partnerServiceId: PSID,
    customerNo,
    virtualAccountNo: `${PSID}${customerNo}`,
    virtualAccountName: 'Budi Santoso',
    virtualAccountEmail: 'budi@example.com',
    trxId,
    totalAmount: { value: '1000.00', currency: 'IDR' },
    virtualAccountTrxType: 'C',
    expiredDate: '2030-01-01T10:00:00+07:00',
    freeText: [{ english: 'Benchmark order', indonesia: 'Pesanan benchmark' }],
    additionalInfo: {
      channel: 'VIRTUAL_ACCOUNT_BCA',
      virtualAccountConfig: { reusableStatus: false },
      origin: { product: 'SDK', source: 'NODE JS', sourceVersion: '1.0.52', system: 'doku-nodejs-library', apiFormat: 'SNAP' },
    },
  });
}

export const QRIS_GENERATE_PATH = '/snap-adapter/b2b/v1.0/qr/qr-mpm-generate';
export const QRIS_QUERY_PATH = '/snap-adapter/b2b/v1.0/qr/qr-mpm-query';

/** A QRIS generate body as DOKU's clients send it, for an order no other request of this process uses. */
export function qrisGenerateBody(partnerReferenceNo = uniqueRef('QR')) {
  return JSON.stringify({
    partnerReferenceNo,
    amount: { value: '1000.00', currency: 'IDR' },
    merchantId: '47435',
    terminalId: 'A01',
    validityPeriod: '2030-01-01T10:00:00+07:00',
    additionalInfo: { postalCode: '12190', feeType: '1' },
  });
}

export const statusBody = JSON.stringify({ originalPartnerReferenceNo: 'BENCH-STATUS-1', serviceCode: '55' });

export async function sandboxSession(base) {
  const ts = TS();
  const tokenHeaders = {
    'Content-Type': 'application/json',
    'X-CLIENT-KEY': demo.clientId,
    'X-TIMESTAMP': ts,
    'X-SIGNATURE': sign('sha256', Buffer.from(`${demo.clientId}|${ts}`), PRIVATE_KEY).toString('base64'),
  };
  const b2b = (await post(base, '/authorization/v1/access-token/b2b', '{"grantType":"client_credentials"}', tokenHeaders)).json.accessToken;
  const iv = randomBytes(16);
  const c = createCipheriv('aes-128-cbc', Buffer.from(demo.clientSecret.slice(0, 16)), iv);
  const cardData = `${Buffer.concat([c.update('{"bankCardNo":"5221841234567890","bankCardType":"C","expiryDate":"1230"}'), c.final()]).toString('base64')}|${iv.toString('base64')}`;
  const bindBody = JSON.stringify({
    cardData,
    custIdMerchant: 'BENCH1',
    phoneNo: '6281234567890',
    additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' },
  });
  const bind = await post(
    base,
    '/direct-debit/core/v1/registration-card-bind',
    bindBody,
    signed('/direct-debit/core/v1/registration-card-bind', bindBody, b2b, { 'CHANNEL-ID': 'H2H' }),
  );
  const otpBody = JSON.stringify({ originalReferenceNo: bind.json.referenceNo, otp: '12345678' });
  const otp = await post(
    base,
    '/direct-debit/core/v1/otp-verification',
    otpBody,
    signed('/direct-debit/core/v1/otp-verification', otpBody, b2b),
  );
  const ts2 = TS();
  const b2b2cHeaders = {
    ...tokenHeaders,
    'X-TIMESTAMP': ts2,
    'X-SIGNATURE': sign('sha256', Buffer.from(`${demo.clientId}|${ts2}`), PRIVATE_KEY).toString('base64'),
  };
  const customer = (
    await post(
      base,
      '/authorization/v1/access-token/b2b2c',
      JSON.stringify({ grantType: 'authorization_code', authCode: otp.json.additionalInfo.authCode }),
      b2b2cHeaders,
    )
  ).json.accessToken;
  const first = paymentBody('BENCH-STATUS-1');
  const paid = await post(
    base,
    PAY_PATH,
    first,
    signed(PAY_PATH, first, b2b, { 'Authorization-Customer': customer, 'X-IP-ADDRESS': '103.31.4.100' }),
  );
  if (paid.json?.responseCode !== '2005400') throw new Error(`setup payment failed: ${JSON.stringify(paid.json)}`);
  const va = vaCreateBody('BENCH-VA-STATUS');
  const created = await post(base, VA_CREATE_PATH, va, signed(VA_CREATE_PATH, va, b2b, { 'CHANNEL-ID': 'SDK' }));
  if (created.json?.responseCode !== '2002700') throw new Error(`setup VA failed: ${JSON.stringify(created.json)}`);
  const { partnerServiceId, customerNo, virtualAccountNo } = created.json.virtualAccountData;
  // the status check of this sandbox's own VA (BENCH-VA-STATUS): each sandbox has its own
  const vaStatusBody = JSON.stringify({ partnerServiceId, customerNo, virtualAccountNo });
  const qr = qrisGenerateBody('BENCH-QR-STATUS');
  const generated = await post(base, QRIS_GENERATE_PATH, qr, signed(QRIS_GENERATE_PATH, qr, b2b, { 'CHANNEL-ID': 'H2H' }));
  if (generated.json?.responseCode !== '2004700') throw new Error(`setup QR failed: ${JSON.stringify(generated.json)}`);
  const qrisQueryBody = JSON.stringify({
    originalReferenceNo: generated.json.referenceNo,
    originalPartnerReferenceNo: 'BENCH-QR-STATUS',
    serviceCode: '47',
    merchantId: '47435',
  });
  return { b2b, customer, vaStatusBody, qrisQueryBody };
}
