/**
 * DOKU's Node SDK (doku-nodejs-library, pinned), unmodified, against the sandbox on a loopback port,
 * for virtual accounts (docs/doku.md §14): createVa → the customer pays (admin) → checkStatusVa shows
 * it paid → updateVa of another VA (PUT) → deletePaymentCode (DELETE with a signed body). Its own
 * validation, simulator prefixes (docs/sdks.md: trxIds 111…–115… never leave the process) and DTO
 * constructors all run, so a missing answer key would throw here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import CreateVARequestDto from 'doku-nodejs-library/_models/createVaRequestDto.js';
import CheckStatusVARequestDto from 'doku-nodejs-library/_models/checkStatusVARequestDTO.js';
import UpdateVaDto from 'doku-nodejs-library/_models/updateVaRequestDTO.js';
import UpdateVaAdditionalInfoDto from 'doku-nodejs-library/_models/updateVaAdditionalInfoDTO.js';
import UpdateVaConfigDto from 'doku-nodejs-library/_models/updateVaVirtualAccountConfigDTO.js';
import TotalAmount from 'doku-nodejs-library/_models/totalAmount.js';
import DeleteVaRequestDto from 'doku-nodejs-library/_models/deleteVaRequestDTO.js';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { sdkFor } from '../helpers/sdk-flow.js';

type Any = any;
const PSID = '  888994'; // the SDKs' own example: 8 characters, space-padded
const CHANNEL = 'VIRTUAL_ACCOUNT_BCA';
const expiry = '2026-12-31T23:59:59+07:00';

const createDto = (customerNo: string, trxId: string) =>
  new (CreateVARequestDto as Any)(
    PSID,
    customerNo,
    `${PSID}${customerNo}`,
    'Budi Santoso',
    'budi@example.com',
    '6281234567890',
    trxId,
    { value: '25000.00', currency: 'IDR' },
    { channel: CHANNEL, virtualAccountConfig: { reusableStatus: false } },
    'C',
    expiry,
    [{ english: 'Thank you', indonesia: 'Terima kasih' }],
  );

describe('doku-nodejs-library 1.0.52: virtual accounts against the sandbox', () => {
  let sb: TestSandbox;
  let server: Server;
  let snap: Any;

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    sb = await buildSandbox();
    server = createServer(sb.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    (SdkConfig as Any).CORE_SANDBOX_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    snap = sdkFor(DEMO);
  });
  afterAll(async () => {
    sb.app.outbox.stop();
    await new Promise((r) => server.close(r));
  });

  test('createVa → pay → checkStatusVa paid → deletePaymentCode of a paid VA refused', async () => {
    const created = await snap.createVa(createDto('00000000000000000001', 'INV-VA-0001'));
    expect(created.responseCode).toBe('2002700');
    expect(created.virtualAccountData.virtualAccountNo).toBe(`${PSID}00000000000000000001`);
    expect(created.virtualAccountData.additionalInfo.howToPayPage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/virtual-accounts\/how-to-pay\//);

    const pending = await snap.checkStatusVa(
      new (CheckStatusVARequestDto as Any)(PSID, '00000000000000000001', `${PSID}00000000000000000001`, '', '', {}),
    );
    expect(pending.responseCode).toBe('2002600');
    expect(pending.virtualAccountData.paymentFlagReason.english).toBe('Pending');

    const paid = await request(sb.app).post('/__mock/virtual-accounts/88899400000000000000000001/pay').send({});
    expect(paid.status).toBe(200);
    const status = await snap.checkStatusVa(
      new (CheckStatusVARequestDto as Any)(
        PSID,
        '00000000000000000001',
        `${PSID}00000000000000000001`,
        '',
        paid.body.payment.paymentRequestId,
        {},
      ),
    );
    expect(status.virtualAccountData.paymentFlagReason.english).toBe('Success');
    expect(status.virtualAccountData.paidAmount.value).toEqual({ value: '25000.00', currency: 'IDR' }); // Node's TotalAmount(paidAmount) nests it
    // Node passes the whole additionalInfo to CheckStatusResponseAdditionalInfo(acquirer): it nests once more
    expect(status.additionalInfo.acquirer).toEqual({ acquirer: { id: 'BCA' } });

    const refused = await snap
      .deletePaymentCode(
        new (DeleteVaRequestDto as Any)(PSID, '00000000000000000001', `${PSID}00000000000000000001`, 'INV-VA-0001', CHANNEL),
      )
      .catch((e: Any) => e.response);
    expect([refused.status, refused.data.responseCode]).toEqual([404, '4043114']);
  });

  test('updateVa (PUT) makes a VA INACTIVE; deletePaymentCode (DELETE, signed body) deletes it', async () => {
    await snap.createVa(createDto('00000000000000000002', 'INV-VA-0002'));
    const update = new (UpdateVaDto as Any)(
      PSID,
      '00000000000000000002',
      `${PSID}00000000000000000002`,
      'Budi Santoso',
      'budi@example.com',
      '6281234567890',
      'INV-VA-0002',
      new (TotalAmount as Any)('30000.00', 'IDR'),
      new (UpdateVaAdditionalInfoDto as Any)(CHANNEL, new (UpdateVaConfigDto as Any)('INACTIVE', undefined, undefined)),
      'C',
      expiry,
    );
    const updated = await snap.updateVa(update);
    expect(updated.responseCode).toBe('2002800');
    const refused = await request(sb.app).post('/__mock/virtual-accounts/88899400000000000000000002/pay').send({});
    expect(refused.body.responseCode).toBe('4042512');

    const deleted = await snap.deletePaymentCode(
      new (DeleteVaRequestDto as Any)(PSID, '00000000000000000002', `${PSID}00000000000000000002`, 'INV-VA-0002', CHANNEL),
    );
    expect(deleted.responseCode).toBe('2003100');
    expect(deleted.virtualAccountData.trxId).toBe('INV-VA-0002');
  });
});
