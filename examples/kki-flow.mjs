#!/usr/bin/env node
/**
 * The KKI card flow against a running doku-sandbox, as a merchant backend would sign it.
 * Plain Node 20 (fetch + node:crypto), no dependencies: copy what you need.
 *
 *   npm start                  # terminal 1: the sandbox on http://127.0.0.1:3000
 *   npm run example            # terminal 2: this script
 *
 * Settings: DOKU_BASE_URL (default http://127.0.0.1:3000). Credentials default to the TEST-ONLY
 * demo merchant in fixtures/; set DOKU_CLIENT_ID, DOKU_CLIENT_SECRET and DOKU_PRIVATE_KEY_PEM
 * (path) to use your own.
 */
import { createCipheriv, createHash, createHmac, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const root = new URL('../fixtures/', import.meta.url);
const demo = JSON.parse(readFileSync(new URL('demo-merchant.json', root), 'utf8'));
const BASE = (process.env.DOKU_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const CLIENT_ID = process.env.DOKU_CLIENT_ID ?? demo.clientId;
const SECRET = process.env.DOKU_CLIENT_SECRET ?? demo.clientSecret;
const PRIVATE_KEY = readFileSync(process.env.DOKU_PRIVATE_KEY_PEM ?? new URL(demo.privateKeyPem, root), 'utf8');

/** X-TIMESTAMP: local time with offset, e.g. 2026-05-26T10:00:00+07:00 (used verbatim when signing). */
function timestamp() {
  const d = new Date(Date.now() + 7 * 3600e3);
  return d.toISOString().slice(0, 19) + '+07:00';
}

/** Token endpoints: SHA256withRSA over "clientId|timestamp", base64 (SNAP asymmetric signature). */
async function token(path, body) {
  const ts = timestamp();
  const signature = sign('sha256', Buffer.from(`${CLIENT_ID}|${ts}`), PRIVATE_KEY).toString('base64');
  return call(path, body, { 'X-CLIENT-KEY': CLIENT_ID, 'X-TIMESTAMP': ts, 'X-SIGNATURE': signature });
}

/** Transactions: base64(HMAC-SHA512(secret, "POST:path:token:sha256hex(minified body):timestamp")). */
async function transaction(path, body, b2bToken, extraHeaders = {}) {
  const ts = timestamp();
  const minified = JSON.stringify(body);
  const bodyHash = createHash('sha256').update(minified).digest('hex');
  const signature = createHmac('sha512', SECRET).update(`POST:${path}:${b2bToken}:${bodyHash}:${ts}`).digest('base64');
  return call(path, body, {
    Authorization: `Bearer ${b2bToken}`,
    'X-PARTNER-ID': CLIENT_ID,
    'X-EXTERNAL-ID': `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    'X-TIMESTAMP': ts,
    'X-SIGNATURE': signature,
    ...extraHeaders,
  });
}

/** cardData: AES-128-CBC, key = secret cut/padded ('-') to 16 chars, "base64(ct)|base64(iv)". */
function encryptCard(card) {
  const key = Buffer.from(SECRET.length >= 16 ? SECRET.slice(0, 16) : SECRET.padEnd(16, '-'));
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(card), 'utf8'), cipher.final()]);
  return `${ct.toString('base64')}|${iv.toString('base64')}`;
}

async function call(path, body, headers) {
  const res = await fetch(BASE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }).catch((e) => {
    console.error(
      `no sandbox answers at ${BASE} (${e.cause?.code ?? e.message}): start it with \`npm start\`, or set DOKU_BASE_URL to where it runs`,
    );
    process.exit(1);
  });
  const json = await res.json();
  console.log(`${res.status} ${path} → ${json.responseCode} ${json.responseMessage}`);
  if (!res.ok) throw new Error(`${path} failed: ${JSON.stringify(json)} (${res.headers.get('x-mock-reason')})`);
  return json;
}

const { accessToken } = await token('/authorization/v1/access-token/b2b', { grantType: 'client_credentials' });

const bind = await transaction(
  '/direct-debit/core/v1/registration-card-bind',
  {
    cardData: encryptCard({ bankCardNo: '5221841234567890', bankCardType: 'C', expiryDate: '1230' }),
    custIdMerchant: `CUST${Date.now()}`,
    phoneNo: '6281234567890',
    additionalInfo: {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      successRegistrationUrl: 'https://merchant.example/ok',
      failedRegistrationUrl: 'https://merchant.example/failed',
    },
  },
  accessToken,
  { 'CHANNEL-ID': 'DH' },
);
console.log(`   the customer opens ${bind.redirectUrl}`);

// The customer types the OTP on the hosted page; the browser is sent to successRegistrationUrl.
const page = await fetch(bind.redirectUrl, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: 'otp=12345678',
});
const landing = new URL(page.headers.get('location'));
console.log(`   OTP accepted; browser lands on ${landing.origin}${landing.pathname}?status=${landing.searchParams.get('status')}`);

const customer = await token('/authorization/v1/access-token/b2b2c', {
  grantType: 'authorization_code',
  authCode: landing.searchParams.get('authCode'),
});

// Pay with the bound card: the customer token names it (Authorization-Customer, no "Bearer " needed).
const order = `INV-${Date.now()}`;
const customerHeaders = { 'Authorization-Customer': customer.accessToken, 'X-IP-ADDRESS': '103.31.4.100' };
const paid = await transaction(
  '/direct-debit/core/v1/debit/payment-host-to-host',
  {
    partnerReferenceNo: order,
    amount: { value: '150000.00', currency: 'IDR' },
    additionalInfo: {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      successPaymentUrl: 'https://merchant.example/paid',
      failedPaymentUrl: 'https://merchant.example/failed',
    },
  },
  accessToken,
  customerHeaders,
);

await transaction(
  '/direct-debit/core/v1/debit/refund',
  {
    originalPartnerReferenceNo: order,
    originalReferenceNo: paid.referenceNo,
    partnerRefundNo: `RF-${Date.now()}`,
    refundAmount: { value: '50000.00', currency: 'IDR' },
    reason: 'one item returned',
  },
  accessToken,
  customerHeaders,
);

const status = await transaction('/orders/v1.0/debit/status', { originalPartnerReferenceNo: order, serviceCode: '55' }, accessToken);
console.log(`   status ${status.latestTransactionStatus} (${status.transactionStatusDesc}), ${status.refundHistory.length} refund(s)`);

await transaction(
  '/direct-debit/core/v1/registration-card-unbind',
  { tokenId: customer.accessToken, additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } },
  accessToken,
);
console.log('done: bind → OTP → customer token → pay → refund → status → unbind');
