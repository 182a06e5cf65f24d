/**
 * DOKU's official Node SDK (doku-nodejs-library, pinned), unmodified, against the sandbox on a
 * loopback port: only the SDK's base URL changes (sdk-wire-notes §1.1). Flow: B2B token → card
 * bind (DH) → OTP on the hosted page → B2B2C token → card unbind → the card is gone.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import dokuSdk from 'doku-nodejs-library';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import CardRegistrationRequestDTO from 'doku-nodejs-library/_models/cardRegistrationRequestDTO.js';
import CardUnRegistUnbindRequestDTO from 'doku-nodejs-library/_models/cardUnregistUnbindRequestDTO.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { CARD, DEMO } from '../helpers/merchant.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('doku-nodejs-library 1.0.52 against the sandbox', () => {
  let sb: TestSandbox;
  let server: Server;
  let snap: Any;

  beforeAll(async () => {
    // The SDK console.logs tokens on unbind; keep the test output clean (its logging is not ours).
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    sb = await buildSandbox(); // default settings: what a merchant gets
    server = sb.app.listen(0, '127.0.0.1');
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

  test('B2B token → DH card bind → hosted OTP → B2B2C token → unbind', async () => {
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
    const submit = await fetch(redirectUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'otp=12345678' });
    expect(submit.status).toBe(303);
    const landing = new URL(submit.headers.get('location')!);
    expect(landing.pathname).toBe('/bind/success');
    const authCode = landing.searchParams.get('authCode')!;
    expect(landing.searchParams.get('status')).toBe('SUCCESS');

    // 4. B2B2C token from the authCode.
    const customer = await snap.getTokenB2B2c(authCode);
    expect(customer.responseCode).toBe('2007400');
    expect(snap.tokenB2b2c).toBe(customer.accessToken);

    // 5. Unbind with the customer token as tokenId (the SDK README's order: getTokenB2B2C, then unbind).
    const unbind = await snap.doUnRegistCardUnBind(new (CardUnRegistUnbindRequestDTO as Any)(customer.accessToken, { channel: 'DIRECT_DEBIT_BRI_SNAP' }));
    expect(unbind.responseCode).toBe('2000500');
    const binding = sb.deps.store.bindings.byReferenceNo(landing.searchParams.get('referenceNo')!)!;
    expect(binding.status).toBe('INACTIVE');

    // 6. A second unbind of the same card is refused: axios rejects on HTTP 404.
    const again = snap.doUnRegistCardUnBind(new (CardUnRegistUnbindRequestDTO as Any)(binding.bankCardToken, { channel: 'DIRECT_DEBIT_BRI_SNAP' }));
    await expect(again).rejects.toMatchObject({ response: { status: 404, data: { responseCode: '4040511' } } });
  });
});
