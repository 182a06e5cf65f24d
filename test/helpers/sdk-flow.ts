/**
 * The card flow through DOKU's Node SDK, unmodified, as the compatibility and browser tests drive
 * it: an SDK instance, then B2B token → card bind (DH) → the OTP typed on the hosted page →
 * customer token → a payment. (test/compat/node-sdk.test.ts walks the same steps one by one, with
 * an assertion at each.)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import dokuSdk from 'doku-nodejs-library';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import CardRegistrationRequestDTO from 'doku-nodejs-library/_models/cardRegistrationRequestDTO.js';
import paymentModels from 'doku-nodejs-library/_models/paymentRequestDirectDebitDTO.js';
import type { TestSandbox } from './build-app.js';
import { CARD, DEMO } from './merchant.js';

type Any = any;
export const SDK_CHANNEL = 'DIRECT_DEBIT_BRI_SNAP';
export const SDK_IP = '103.31.4.100'; // the SDK insists on 10-15 characters

export const sdkFor = (m: { clientId: string; clientSecret: string; privateKeyPem: string }): Any =>
  new (dokuSdk as Any).Snap({
    isProduction: false,
    privateKey: m.privateKeyPem,
    clientID: m.clientId,
    publicKey: '',
    dokuPublicKey: '',
    issuer: '',
    secretKey: m.clientSecret,
  });

/** Token → bind → hosted OTP → customer token: the authCode the SDK's payment calls take. */
export async function sdkBoundCustomer(snap: Any): Promise<string> {
  await snap.getTokenB2B();
  const bind = await snap.doRegistrationCardBind(
    new (CardRegistrationRequestDTO as Any)({ ...CARD }, 'CUST001', '6281234567890', {
      channel: SDK_CHANNEL,
      successRegistrationUrl: 'https://merchant.example/ok',
      failedRegistrationUrl: 'https://merchant.example/failed',
    }),
  );
  const submit = await fetch(bind.data.redirectUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'otp=12345678',
  });
  const authCode = new URL(submit.headers.get('location')!).searchParams.get('authCode')!;
  await snap.getTokenB2B2c(authCode);
  return authCode;
}

/** The SDK's payment request for a BRI card payment. */
export function sdkPaymentDto(partnerReferenceNo: string, value = '10000.00'): Any {
  const { PaymentRequestDto, TotalAmountDto, PaymentAdditionalInfoRequestDto } = paymentModels as Any;
  const info = new PaymentAdditionalInfoRequestDto(
    SDK_CHANNEL,
    'sdk flow',
    'https://merchant.example/paid',
    'https://merchant.example/failed',
    [],
  );
  return new PaymentRequestDto(partnerReferenceNo, new TotalAmountDto(value, 'IDR'), [], info);
}

export const sdkPay = (snap: Any, authCode: string, partnerReferenceNo: string, value?: string): Promise<Any> =>
  snap.doPayment(sdkPaymentDto(partnerReferenceNo, value), authCode, SDK_IP);

/**
 * The merchant's side on DOKU's Node SDK, for a test whose merchant receives the sandbox's calls:
 * the sandbox on a loopback port as the SDK's DOKU (its base URL), and the SDK's Snap built with
 * the demo merchant's keys and "DOKU's" public key. (The Snap asks DOKU for a B2B token as it is
 * built, hence the port first.)
 */
export async function sdkMerchantAgainst(sb: TestSandbox): Promise<{ snap: Any; close(): Promise<void> }> {
  const server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (SdkConfig as Any).CORE_SANDBOX_BASE_URL = url;
  const snap = new (dokuSdk as Any).Snap({
    isProduction: false,
    privateKey: DEMO.privateKeyPem,
    clientID: DEMO.clientId,
    publicKey: readFileSync(DEMO.publicKeyPath, 'utf8'),
    dokuPublicKey: await (await fetch(`${url}/__mock/doku-public-key`)).text(),
    issuer: 'merchant.example',
    secretKey: DEMO.clientSecret,
  });
  return { snap, close: () => new Promise((r) => server.close(() => r())) };
}
