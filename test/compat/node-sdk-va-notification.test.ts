/**
 * A merchant built with DOKU's Node SDK receives the sandbox's VA payment notification (docs/doku.md
 * §14.9): its token endpoint is the SDK's `validateSignatureAndGenerateToken` (RSA against "DOKU's"
 * public key), its notification handler the SDK's `validateTokenAndGenerateNotificationResponse`
 * over a `PaymentNotificationRequestBodyDto` built from the flat body, as DOKU's README shows. Its
 * answer is the SDK's own: `responseCode` 2002700 as a number, which the sandbox takes as delivered.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import PaymentNotificationRequestBodyDto from 'doku-nodejs-library/_models/paymentNotificationRequestBodyDTO.js';
import request from 'supertest';
import { buildSandbox } from '../helpers/build-app.js';
import { eventually, readBody } from '../helpers/merchant-receiver.js';
import { sdkMerchantAgainst } from '../helpers/sdk-flow.js';
import { SnapClient } from '../helpers/snap-client.js';

type Any = any;

test("the SDK's helpers accept the sandbox's token request and VA notification; its numeric 2002700 acknowledges", async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const seen: Array<{ path: string; answer: Any }> = [];
  const merchantSdk: { snap?: Any } = {};
  const merchant: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    if (req.url === '/authorization/v1/access-token/b2b') {
      const dto = merchantSdk.snap.validateSignatureAndGenerateToken({
        get: (k: string) => req.headers[k.toLowerCase()],
        headers: req.headers,
        body: text,
      });
      seen.push({ path: req.url, answer: dto.body });
      return void res
        .writeHead(dto.body.responseCode === '2007300' ? 200 : 401, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(dto.body));
    }
    const b = JSON.parse(text);
    const body = new (PaymentNotificationRequestBodyDto as Any)(
      b.partnerServiceId,
      b.customerNo,
      b.virtualAccountNo,
      b.virtualAccountName,
      b.trxId,
      b.paymentRequestId,
      b.paidAmount,
      b.virtualAccountEmail,
      b.virtualAccountPhone,
    );
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const answer = merchantSdk.snap.validateTokenAndGenerateNotificationResponse(token, body);
    seen.push({ path: req.url!, answer });
    res.writeHead(answer.responseCode === 2002700 ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => merchant.once('listening', r));
  const base = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
  const sb = await buildSandbox({
    DOKU_VA_NOTIFICATION_URL: `${base}/v1.1/transfer-va/payment`,
    DOKU_MERCHANT_TOKEN_URL: `${base}/authorization/v1/access-token/b2b`,
    DOKU_NOTIFICATION_RETRY_UNTIL: '2xx-and-code', // Node's number counts too
  });
  const sdk = await sdkMerchantAgainst(sb);
  merchantSdk.snap = sdk.snap;
  try {
    const created = await new SnapClient(sb.app).tx('/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va', {
      partnerServiceId: '  888994',
      customerNo: '00000000000000000071',
      virtualAccountNo: '  88899400000000000000000071',
      virtualAccountName: 'Budi Santoso',
      trxId: 'INV-SDK-VA-71',
      totalAmount: { value: '12000.00', currency: 'IDR' },
      additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BRI' },
    });
    expect(created.body.responseCode).toBe('2002700');
    const paid = await request(sb.app).post('/__mock/virtual-accounts/88899400000000000000000071/pay').send({});
    expect(paid.status).toBe(200);
    await eventually(() => seen.length === 2);
    expect(seen[0]).toMatchObject({ path: '/authorization/v1/access-token/b2b', answer: { responseCode: '2007300' } });
    expect(seen[1]).toMatchObject({
      path: '/v1.1/transfer-va/payment',
      answer: { responseCode: 2002700, partnerServiceId: '  888994', paymentRequestId: paid.body.payment.paymentRequestId },
    });
    const log = await eventually(async () => {
      const n = (await request(sb.app).get(`/__mock/notifications?referenceNo=${paid.body.payment.paymentRequestId}`)).body
        .notifications[0];
      return n?.state === 'DELIVERED' && n;
    });
    expect(log.attempts).toHaveLength(1);
  } finally {
    sb.app.outbox.stop();
    merchant.close();
    await sdk.close();
  }
});
