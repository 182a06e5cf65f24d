/**
 * doku-sandbox inside a node:test suite, with DOKU's own Node SDK as a merchant's code uses it: no
 * server to start first, a free port, state in memory, gone when the suite ends.
 *   node --test examples/embedded.node-test.mjs        (in a clone: `npm run build` first)
 * The same with jest: examples/embedded.jest.test.mjs. scripts/check-pack.sh runs both against the
 * packed package in an empty project, so what you copy from here works.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startSandbox } from 'doku-sandbox';

const require = createRequire(import.meta.url); // DOKU's SDK is CommonJS
const doku = require('doku-nodejs-library');
const SdkConfig = require('doku-nodejs-library/_commons/config.js');
const CreateVARequestDto = require('doku-nodejs-library/_models/createVaRequestDto.js');
const CheckStatusVARequestDto = require('doku-nodejs-library/_models/checkStatusVARequestDTO.js');

const PSID = '  888994'; // partnerServiceId: 8 characters, space-padded, as DOKU's own examples
const vaNo = (customerNo) => `${PSID}${customerNo}`;
const createVa = (customerNo) =>
  new CreateVARequestDto(
    PSID,
    customerNo,
    vaNo(customerNo),
    'Budi Santoso',
    'budi@example.com',
    '6281234567890',
    `INV-${customerNo}`,
    { value: '25000.00', currency: 'IDR' },
    { channel: 'VIRTUAL_ACCOUNT_BCA', virtualAccountConfig: { reusableStatus: false } },
    'C',
    '2030-12-31T23:59:59+07:00',
    [],
  );
const statusOf = (customerNo) => new CheckStatusVARequestDto(PSID, customerNo, vaNo(customerNo), '', '', {});

let sandbox;
let snap;
before(async () => {
  sandbox = await startSandbox(); // options: any setting, typed (e.g. { vaMode: 'strict' })
  SdkConfig.CORE_SANDBOX_BASE_URL = sandbox.url; // the one change to the merchant's code: DOKU's base URL
  snap = new doku.Snap({
    isProduction: false,
    clientID: sandbox.merchant.clientId,
    secretKey: sandbox.merchant.clientSecret,
    privateKey: sandbox.merchant.privateKeyPem, // the TEST-ONLY demo merchant's
    publicKey: sandbox.merchant.publicKeyPem,
    dokuPublicKey: sandbox.dokuPublicKeyPem,
    issuer: '',
  });
});
after(() => sandbox.close());

test('a VA is created, the customer pays it at the bank, and its status says so', async () => {
  const created = await snap.createVa(createVa('00000000000000000001'));
  assert.equal(created.responseCode, '2002700');
  await sandbox.payVirtualAccount(vaNo('00000000000000000001')); // what the customer does
  const status = await snap.checkStatusVa(statusOf('00000000000000000001'));
  assert.equal(status.virtualAccountData.paymentFlagReason.english, 'Success');
});

test('a forced outcome: DOKU answers 409 to the next create, then works again', async () => {
  await sandbox.scenario('va-create-conflict');
  const refused = await snap.createVa(createVa('00000000000000000002')).catch((e) => e.response);
  assert.deepEqual([refused.status, refused.data.responseCode], [409, '4092700']);
  await sandbox.scenario(null);
  assert.equal((await snap.createVa(createVa('00000000000000000002'))).responseCode, '2002700');
});
