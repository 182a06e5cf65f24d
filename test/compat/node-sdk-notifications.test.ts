/**
 * A merchant built with DOKU's Node SDK receives the sandbox's notifications (issue #16): its
 * token endpoint is the SDK's own `validateSignatureAndGenerateToken` (the RSA check against
 * "DOKU's" public key, served at /__mock/doku-public-key), and its notification handler checks the
 * bearer token with the SDK's `validateTokenB2B`, as DOKU's README shows, and the
 * Authorization-Customer token the same way, as the Go, Java and Python helpers do (issue #25). (The
 * SDK verifies no notification signature: docs/sdks.md.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { eventually, readBody } from '../helpers/merchant-receiver.js';
import { sdkMerchantAgainst } from '../helpers/sdk-flow.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

type Any = any;

test("the SDK's token helper accepts the sandbox's token request, and its token check the notification's bearer token", async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const seen: Array<{ path: string; ok: boolean }> = [];
  const merchantSdk: { snap?: Any } = {};
  const merchant: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const asExpress = { get: (k: string) => req.headers[k.toLowerCase()], headers: req.headers, body };
    if (req.url === '/authorization/v1/access-token/b2b') {
      // the SDK's answer is {header, body}: the merchant sends the header fields as headers, the body as the body
      const dto = merchantSdk.snap.validateSignatureAndGenerateToken(asExpress);
      const ok = dto.body.responseCode === '2007300';
      seen.push({ path: req.url, ok });
      return void res
        .writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json', 'X-TIMESTAMP': dto.header.XTimeStamp })
        .end(JSON.stringify(dto.body));
    }
    // as the Go, Java and Python helpers check a direct-debit notification: Authorization, then
    // Authorization-Customer, each a token the merchant issued (Go's DirectDebitPaymentNotification)
    const valid = (h: unknown) => Boolean(merchantSdk.snap.validateTokenB2B(String(h))); // its claims, or false
    const ok = valid(req.headers.authorization) && valid(req.headers['authorization-customer']);
    seen.push({ path: req.url!, ok });
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ responseCode: ok ? '2005600' : '4015600' }));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => merchant.once('listening', r));
  const base = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;

  const sb: TestSandbox = await buildSandbox({
    DOKU_NOTIFICATION_URL: `${base}/v1.0/debit/notify`,
    DOKU_MERCHANT_TOKEN_URL: `${base}/authorization/v1/access-token/b2b`,
  });
  const sdk = await sdkMerchantAgainst(sb);
  merchantSdk.snap = sdk.snap;
  try {
    const client = new SnapClient(sb.app);
    const session = await customerSession(client);
    await client.tx(PAY, paymentBody('INV-SDK-N1'), { customerToken: session.customerToken, headers: IP });
    await eventually(() => seen.length === 2);
    expect(seen).toEqual([
      { path: '/authorization/v1/access-token/b2b', ok: true },
      { path: '/v1.0/debit/notify', ok: true },
    ]);
    const [entry] = (await request(sb.app).get('/__mock/notifications')).body.notifications;
    expect(entry.state).toBe('DELIVERED');
  } finally {
    sb.app.outbox.stop();
    await sdk.close();
    merchant.closeAllConnections();
    await new Promise((r) => merchant.close(r));
    jest.restoreAllMocks();
  }
});
