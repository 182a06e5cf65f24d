/**
 * One shared sandbox, two merchants registered at run time (issue #17), each driven by its own
 * instance of DOKU's Node SDK, at the same time: token → card bind (DH) → hosted OTP → customer
 * token → payment → check status. Each sees its own payment and not the other's.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import CheckStatusDirectDebitDTO from 'doku-nodejs-library/_models/checkStatusDirectDebitRequestDTO.js';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SDK_CHANNEL as CHANNEL, sdkBoundCustomer, sdkFor, sdkPay } from '../helpers/sdk-flow.js';

type Any = any;

function merchant(clientId: string) {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clientId,
    clientSecret: `SK-${clientId}-secret`,
    publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** One merchant's whole flow through its own SDK instance; answers its payment and the status checks of its own and the other's reference. */
async function flow(m: ReturnType<typeof merchant>, ref: string, otherRef: string) {
  const snap = sdkFor(m);
  const authCode = await sdkBoundCustomer(snap);
  const payment = await sdkPay(snap, authCode, ref);
  const status = (r: string) =>
    snap.doCheckStatus(
      new (CheckStatusDirectDebitDTO as Any)(r, undefined, undefined, '55', undefined, undefined, undefined, undefined, undefined, {
        channel: CHANNEL,
      }),
    );
  await new Promise((r) => setTimeout(r, 2)); // the SDK's X-EXTERNAL-ID is Date.now()
  const own = await status(ref);
  await new Promise((r) => setTimeout(r, 2));
  const other = await status(otherRef).catch((e: Any) => e.response?.data);
  return { payment, own, other };
}

test('two merchants registered at run time, two SDK instances at once: each pays and sees only its own payment', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const sb: TestSandbox = await buildSandbox();
  const server: Server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  (SdkConfig as Any).CORE_SANDBOX_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [m1, m2] = [merchant('BRN-JOB-1'), merchant('BRN-JOB-2')];
  try {
    for (const m of [m1, m2]) {
      const { privateKeyPem: _p, ...body } = m;
      await request(sb.app).post('/__mock/merchants').send(body).expect(201);
    }
    const [r1, r2] = await Promise.all([flow(m1, 'JOB1-0001', 'JOB2-0001'), flow(m2, 'JOB2-0001', 'JOB1-0001')]);
    for (const r of [r1, r2]) {
      expect(r.payment.responseCode).toBe('2005400');
      expect(r.own).toMatchObject({ responseCode: '2005500', latestTransactionStatus: '00', originalReferenceNo: r.payment.referenceNo });
      expect(r.other).toMatchObject({ responseCode: '4045501' });
    }
  } finally {
    sb.app.outbox.stop();
    await new Promise((r) => server.close(r));
    jest.restoreAllMocks();
  }
});
