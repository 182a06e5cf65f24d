/**
 * The card flow through DOKU's Node SDK, unmodified, as the compatibility and browser tests drive
 * it: an SDK instance, then B2B token → card bind (DH) → the OTP typed on the hosted page →
 * customer token → a payment. (test/compat/node-sdk.test.ts walks the same steps one by one, with
 * an assertion at each.)
 */
import dokuSdk from 'doku-nodejs-library';
import CardRegistrationRequestDTO from 'doku-nodejs-library/_models/cardRegistrationRequestDTO.js';
import paymentModels from 'doku-nodejs-library/_models/paymentRequestDirectDebitDTO.js';
import { CARD } from './merchant.js';

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
