/**
 * DOKU's official Node SDK (doku-nodejs-library, pinned), unmodified, against the sandbox on a
 * loopback port: only the SDK's base URL changes (docs/sdks.md). Flow: B2B token → card
 * bind (DH) → OTP on the hosted page → B2B2C token → doPayment → doCheckStatus → partial and full
 * doRefund → the status shows both → unbind → a payment with the unbound card is refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import dokuSdk from 'doku-nodejs-library';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import CardRegistrationRequestDTO from 'doku-nodejs-library/_models/cardRegistrationRequestDTO.js';
import CardUnRegistUnbindRequestDTO from 'doku-nodejs-library/_models/cardUnregistUnbindRequestDTO.js';
import RefundRequestDto from 'doku-nodejs-library/_models/refundRequestDTO.js';
import CheckStatusDirectDebitDTO from 'doku-nodejs-library/_models/checkStatusDirectDebitRequestDTO.js';
import PaymentJumpAppRequestDto from 'doku-nodejs-library/_models/paymentJumpAppRequestDTO.js';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { CARD, DEMO } from '../helpers/merchant.js';
import { sdkBoundCustomer, sdkPaymentDto } from '../helpers/sdk-flow.js';

type Any = any;

const IP = '103.31.4.100'; // the SDK insists on 10-15 characters (docs/sdks.md)
const CHANNEL = 'DIRECT_DEBIT_BRI_SNAP';
// The SDK's X-EXTERNAL-ID is Date.now(): two calls in one millisecond share it (docs/sdks.md).
const nextMs = () => new Promise((r) => setTimeout(r, 2));

const paymentDto = sdkPaymentDto;

const refundDto = (partnerRefundNo: string, value: string) =>
  new (RefundRequestDto as Any)('INV-0001', { value, currency: 'IDR' }, partnerRefundNo, undefined, 'customer request', {
    channel: CHANNEL,
  });

const statusDto = () =>
  new (CheckStatusDirectDebitDTO as Any)('INV-0001', undefined, undefined, '55', undefined, undefined, undefined, undefined, undefined, {
    channel: CHANNEL,
  });

describe('doku-nodejs-library 1.0.52 against the sandbox', () => {
  let sb: TestSandbox;
  let server: Server;
  let snap: Any;

  beforeAll(async () => {
    // The SDK console.logs tokens on unbind; keep the test output clean (its logging is not ours).
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    sb = await buildSandbox(); // default settings: what a merchant gets
    server = createServer(sb.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    (SdkConfig as Any).CORE_SANDBOX_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    snap = new (dokuSdk as Any).Snap({
      isProduction: false,
      privateKey: DEMO.privateKeyPem,
      clientID: DEMO.clientId,
      publicKey: '',
      dokuPublicKey: '',
      issuer: '',
      secretKey: DEMO.clientSecret,
    });
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    jest.restoreAllMocks();
  });

  test('B2B token → DH card bind → hosted OTP → B2B2C → pay → status → refunds → unbind → refused', async () => {
    // 1. The SDK's own token call (the constructor fires one too, unawaited).
    const token = await snap.getTokenB2B();
    expect(token.responseCode).toBe('2007300');
    expect(snap.tokenB2B).toBe(token.accessToken);

    // 2. Card bind: the SDK encrypts cardData with its secret and sends CHANNEL-ID: DH.
    const bindDto = new (CardRegistrationRequestDTO as Any)({ ...CARD }, 'CUST001', '6281234567890', {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      successRegistrationUrl: 'https://merchant.example/bind/success',
      failedRegistrationUrl: 'https://merchant.example/bind/failed',
      customerName: 'Budi Santoso',
    });
    const bind = await snap.doRegistrationCardBind(bindDto);
    expect(bind.status).toBe(200);
    expect(bind.data.responseCode).toBe('2000100');
    const redirectUrl: string = bind.data.redirectUrl;
    expect(redirectUrl).toContain('/direct-debit/kki/binding/');

    // 3. The customer types the OTP on the hosted page (as a browser would POST the form).
    const page = await fetch(redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('5221********7890');
    const submit = await fetch(redirectUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'otp=12345678',
    });
    expect(submit.status).toBe(303);
    const landing = new URL(submit.headers.get('location')!);
    expect(landing.pathname).toBe('/bind/success');
    const authCode = landing.searchParams.get('authCode')!;
    expect(landing.searchParams.get('status')).toBe('SUCCESS');

    // 4. B2B2C token from the authCode.
    const customer = await snap.getTokenB2B2c(authCode);
    expect(customer.responseCode).toBe('2007400');
    expect(snap.tokenB2b2c).toBe(customer.accessToken);

    // 5. Payment: the SDK names the card only through the customer token (docs/sdks.md).
    await nextMs();
    const payment = await snap.doPayment(paymentDto('INV-0001', '10000.00'), authCode, IP);
    expect(payment.responseCode).toBe('2005400');
    expect(payment.partnerReferenceNo).toBe('INV-0001');
    expect(payment.referenceNo).toMatch(/^\d{32}$/);

    await nextMs();
    const paid = await snap.doCheckStatus(statusDto());
    expect(paid).toMatchObject({ responseCode: '2005500', latestTransactionStatus: '00', originalReferenceNo: payment.referenceNo });

    // 6. A partial, then a full refund (BRI: references of at most 12 characters, client-side).
    await nextMs();
    expect(await snap.doRefund(refundDto('RF-0001', '4000.00'), authCode, IP)).toMatchObject({
      responseCode: '2000700',
      partnerRefundNo: 'RF-0001',
    });
    await nextMs();
    expect(await snap.doRefund(refundDto('RF-0002', '6000.00'), authCode, IP)).toMatchObject({
      responseCode: '2000700',
      refundAmount: { value: '6000.00', currency: 'IDR' },
    });

    await nextMs();
    const refunded = await snap.doCheckStatus(statusDto());
    expect(refunded.latestTransactionStatus).toBe('04');
    expect(refunded.refundHistory.map((r: Any) => r.partnerRefundNo)).toEqual(['RF-0001', 'RF-0002']);

    // 7. Unbind with the customer token as tokenId (the SDK README's order: getTokenB2B2C, then unbind).
    await nextMs();
    const unbind = await snap.doUnRegistCardUnBind(
      new (CardUnRegistUnbindRequestDTO as Any)(customer.accessToken, { channel: 'DIRECT_DEBIT_BRI_SNAP' }),
    );
    expect(unbind.responseCode).toBe('2000500');
    const binding = sb.deps.store.bindings.byReferenceNo(landing.searchParams.get('referenceNo')!)!;
    expect(binding.status).toBe('INACTIVE');

    // 8. The unbound card can no longer pay: axios rejects on HTTP 403.
    await nextMs();
    await expect(snap.doPayment(paymentDto('INV-0002', '1000.00'), authCode, IP)).rejects.toMatchObject({
      response: { status: 403, data: { responseCode: '4035418' } },
    });

    // 9. A second unbind of the same card is refused: axios rejects on HTTP 404.
    await nextMs();
    const again = snap.doUnRegistCardUnBind(
      new (CardUnRegistUnbindRequestDTO as Any)(binding.bankCardToken, { channel: 'DIRECT_DEBIT_BRI_SNAP' }),
    );
    await expect(again).rejects.toMatchObject({ response: { status: 404, data: { responseCode: '4040511' } } });
  });
  test('doPaymentJumpApp (DANA, no customer token, no X-DEVICE-ID on the wire): 2005400 and a wallet page that pays it', async () => {
    const dto = new (PaymentJumpAppRequestDto as Any)(
      'DANA-SDK-1',
      { value: '15000.00', currency: 'IDR' },
      [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeepLink: 'N' }],
      '2030-01-01T00:00:00+07:00',
      'app',
      { channel: 'EMONEY_DANA_SNAP', orderTitle: 'Kopi Susu' },
    );
    await nextMs();
    const res = await snap.doPaymentJumpApp(dto, IP, 'device-1');
    expect(res).toMatchObject({
      responseCode: '2005400',
      partnerReferenceNo: 'DANA-SDK-1',
      webRedirectUrl: expect.stringContaining('/direct-debit/wallet/pay/'),
    });
    const page = new URL(res.webRedirectUrl).pathname;
    const approved = await request(sb.app).post(page).type('form').send({ action: 'approve' });
    expect(new URL(approved.headers.location!).searchParams.get('status')).toBe('SUCCESS');
  });

  test('doPayment with paymentType SALE (BRI tokenization): 2005400 with a webRedirectUrl; the issuer page pays it; doCheckStatus 00', async () => {
    const authCode = await sdkBoundCustomer(snap);
    const dto = paymentDto('SALE-SDK-1', '12000.00');
    dto.additionalInfo.paymentType = 'SALE'; // the SDK's DTO has no parameter for it; axios sends the DTO's own fields
    await nextMs();
    const res = await snap.doPayment(dto, authCode, IP);
    expect(res).toMatchObject({ responseCode: '2005400', webRedirectUrl: expect.stringContaining('/direct-debit/issuer/pay/ISSUER-') });
    const status = () =>
      snap.doCheckStatus(
        new (CheckStatusDirectDebitDTO as Any)(
          'SALE-SDK-1',
          undefined,
          undefined,
          '55',
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          {
            channel: CHANNEL,
          },
        ),
      );
    await nextMs();
    expect((await status()).latestTransactionStatus).toBe('01');
    const paid = await request(sb.app).post(new URL(res.webRedirectUrl).pathname).type('form').send({ action: 'pay', otp: '12345678' });
    expect(new URL(paid.headers.location!).searchParams.get('status')).toBe('SUCCESS');
    await nextMs();
    expect((await status()).latestTransactionStatus).toBe('00');
  });
});
