import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';
import { DEMO } from '../helpers/merchant.js';

const PATH = '/direct-debit/core/v1/registration-card-unbind';

describe('POST /direct-debit/core/v1/registration-card-unbind', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test('deactivates an active card token (2000500); a second unbind is 4040511', async () => {
    const { bankCardToken, referenceNo } = await client.activeBinding();
    const res = await client.tx(PATH, { tokenId: bankCardToken, additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ responseCode: '2000500', responseMessage: 'Successful' });
    expect(res.body.referenceNo).toMatch(/^\d{32}$/);
    expect(sb.deps.store.bindings.byReferenceNo(referenceNo)!.status).toBe('INACTIVE');
    const again = await client.tx(PATH, { tokenId: bankCardToken });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ responseCode: '4040511', responseMessage: 'Invalid Card/Account/Customer' });
  });

  test("an unbound card's customer token can no longer be refreshed", async () => {
    const { bankCardToken, authCode } = await client.activeBinding();
    const tokens = await client.b2b2cToken(authCode);
    await client.tx(PATH, { tokenId: bankCardToken });
    const refreshed = await client.tokenRequest('/authorization/v1/access-token/b2b2c', {
      grantType: 'refresh_token',
      refreshToken: tokens.body.refreshToken,
    });
    expect(refreshed.body.responseCode).toBe('4017400');
  });

  test("tokenId may be the binding's customer (B2B2C) access token, as after a DH binding", async () => {
    const { authCode, referenceNo } = await client.activeBinding();
    const customer = await client.b2b2cToken(authCode);
    expect((await client.tx(PATH, { tokenId: customer.body.accessToken })).body.responseCode).toBe('2000500');
    expect(sb.deps.store.bindings.byReferenceNo(referenceNo)!.status).toBe('INACTIVE');
  });

  test('a B2B access token is not a card token', async () => {
    expect((await client.tx(PATH, { tokenId: await client.b2bToken() })).body.responseCode).toBe('4040511');
  });

  test('an unknown token is 4040511', async () => {
    expect((await client.tx(PATH, { tokenId: 'CT-unknown' })).body.responseCode).toBe('4040511');
  });

  test('a token of another merchant is 4040511', async () => {
    const { bankCardToken } = await client.activeBinding();
    // The same store seen by a second merchant with its own credentials.
    const other = await buildSandbox({
      DOKU_CLIENT_ID: 'BRN-0002-OTHER',
      DOKU_CLIENT_SECRET: 'other-secret',
      DOKU_PUBLIC_KEY_PEM: DEMO.publicKeyPath,
    });
    Object.assign(other.deps.store.data.bindings, sb.deps.store.data.bindings);
    other.deps.store.bindings.rebuild(other.deps.store.data.bindings);
    const res = await new SnapClient(other.app, 'BRN-0002-OTHER', 'other-secret').tx(PATH, { tokenId: bankCardToken });
    expect(res.body.responseCode).toBe('4040511');
  });

  test("SNAP's `token` field is accepted (docs/settings.md #16) unless DOKU_UNBIND_TOKEN_FIELD=false", async () => {
    const { bankCardToken } = await client.activeBinding();
    expect((await client.tx(PATH, { token: bankCardToken })).body.responseCode).toBe('2000500');
    const strict = await buildSandbox({ DOKU_UNBIND_TOKEN_FIELD: 'false' });
    const c2 = new SnapClient(strict.app);
    const b2 = await c2.activeBinding();
    expect((await c2.tx(PATH, { token: b2.bankCardToken })).body).toEqual({
      responseCode: '4000502',
      responseMessage: 'Invalid Mandatory Field {tokenId}',
    });
  });

  test('DOKU_UNBIND_DELAY_SECONDS keeps the card PENDING_UNBIND, then INACTIVE (docs/settings.md #17)', async () => {
    const sb2 = await buildSandbox({ DOKU_UNBIND_DELAY_SECONDS: '60' });
    const c2 = new SnapClient(sb2.app);
    const { bankCardToken, referenceNo } = await c2.activeBinding();
    expect((await c2.tx(PATH, { tokenId: bankCardToken })).body.responseCode).toBe('2000500');
    const { statusAt } = await import('../../server/products/direct-debit/domain/binding-status.js');
    const binding = sb2.deps.store.bindings.byReferenceNo(referenceNo)!;
    expect(statusAt(binding, sb2.clock.now())).toBe('PENDING_UNBIND');
    sb2.clock.advance(60_000);
    expect(statusAt(binding, sb2.clock.now())).toBe('INACTIVE');
    expect((await c2.tx(PATH, { tokenId: bankCardToken })).body.responseCode).toBe('4040511');
  });
});
