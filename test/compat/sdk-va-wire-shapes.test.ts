/**
 * Virtual accounts as the five SDKs put them on the wire (docs/doku.md §14, the spec's §11.2): each
 * SDK's create → pay → status → update INACTIVE → delete, with its own body quirks (Go's
 * misspelled `virtualAccounTrxType`, `""` and `null` for unset fields; Java's numeric min/max,
 * `freeTexts` and top-level `origin`; PHP's nulls, `\/` escaping and the channel as CHANNEL-ID;
 * Python's `", "` separators and its status `virtualAccountName`), signed as that SDK signs (the
 * real verb, the bytes it hashes: sdk-profiles.ts). Every answer must be one that SDK reads:
 * string codes, Python's closed DTO, Go's `acquirer {id}` and string amounts, no
 * `virtualAccountConfig` on delete. Only the Node SDK itself runs (node-sdk-va.test.ts).
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { OMIT, SDKS, hmac, rsaSign, sha256Hex, wire, type Sdk } from './sdk-profiles.js';

const BASE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va';
const STATUS = '/orders/v1.0/transfer-va/status';
const PSID = '  888994'; // two spaces + six digits: the example in every SDK's validation message
const CHANNEL = 'VIRTUAL_ACCOUNT_BANK_CIMB';
const AT = new Date('2026-05-26T03:00:00Z');
type Step = 'create' | 'update' | 'delete' | 'status';

/** CHANNEL-ID per SDK and call (spec §1.2): Node SDK; PHP the channel (SDK on status); Go H2H on create; Java none on status. */
const channelId = (sdk: Sdk, step: Step): string | undefined =>
  ({
    Node: 'SDK',
    PHP: step === 'status' ? 'SDK' : CHANNEL,
    Python: 'SDK',
    Go: step === 'create' ? 'H2H' : 'SDK',
    Java: step === 'status' ? undefined : 'SDK',
  })[sdk.name];

/** The create (and update) body as `sdk` builds it when the merchant sets what it requires, with an open, reusable config. */
function vaBody(sdk: Sdk, customerNo: string, trxId: string, config: Record<string, unknown>) {
  const unset = (example: unknown) => (sdk.name === 'PHP' ? null : sdk.name === 'Go' ? sdk.unset(example) : OMIT);
  const origin = { product: 'SDK', source: sdk.sourceName, sourceVersion: '1.0.0', system: `doku-${sdk.name.toLowerCase()}-library` };
  const min = sdk.name === 'Java' ? 10000 : '10000.00'; // Gson writes BigDecimal as a number
  const max = sdk.name === 'Java' ? 500000 : '500000.00';
  const freeKey = sdk.name === 'Go' || sdk.name === 'Java' ? 'freeTexts' : 'freeText';
  return wire({
    partnerServiceId: PSID,
    customerNo,
    virtualAccountNo: `${PSID}${customerNo}`,
    virtualAccountName: "Toko Budi & Anak's <Jaya>",
    virtualAccountEmail: unset('budi@example.com'),
    virtualAccountPhone: unset('6281234567890'),
    trxId,
    totalAmount: { value: '25000.00', currency: 'IDR' },
    [sdk.name === 'Go' ? 'virtualAccounTrxType' : 'virtualAccountTrxType']: 'O',
    expiredDate: '2026-05-27T10:00:00+07:00',
    [freeKey]: sdk.name === 'Node' ? null : [{ english: 'Pay at ATM / m-banking', indonesia: 'Bayar di ATM / m-banking' }],
    additionalInfo: {
      channel: CHANNEL,
      virtualAccountConfig:
        sdk.name === 'PHP'
          ? config.status
            ? { status: config.status }
            : { reusableStatus: true } // PHP never sends min/max on create, only status on update
          : { reusableStatus: true, minAmount: min, maxAmount: max, ...config },
      ...(sdk.name === 'Java' ? {} : { origin }),
    },
    ...(sdk.name === 'Java' ? { origin } : {}),
  });
}

function identity(sdk: Sdk, customerNo: string, extra: Record<string, unknown> = {}) {
  return wire({
    partnerServiceId: PSID,
    customerNo,
    virtualAccountNo: `${PSID}${customerNo}`,
    ...(sdk.name === 'Python' ? { virtualAccountName: "Toko Budi & Anak's <Jaya>" } : {}),
    ...(sdk.name === 'Go' ? { additionalInfo: '' } : {}), // a string in Go's status DTO
    ...extra,
  });
}

async function call(sb: TestSandbox, sdk: Sdk, token: string, step: Step, path: string, body: unknown, seq: number) {
  const method = step === 'update' ? 'PUT' : step === 'delete' ? 'DELETE' : 'POST';
  const { sent, signed } = sdk.serialise(body, 'payment');
  const timestamp = sdk.timestamp(AT);
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${token}`,
    'X-TIMESTAMP': timestamp,
    'X-PARTNER-ID': DEMO.clientId,
    'X-EXTERNAL-ID': sdk.externalId(AT, seq),
    'X-SIGNATURE': hmac(DEMO.clientSecret, `${method}:${path}:${token}:${sha256Hex(signed)}:${timestamp}`),
    'CHANNEL-ID': channelId(sdk, step),
  };
  const req = request(sb.app)[method === 'PUT' ? 'put' : method === 'DELETE' ? 'delete' : 'post'](path);
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) req.set(k, v);
  return req.send(sent);
}

/** Python builds every answer DTO with `Dto(**json)`: no other top-level key. */
const PYTHON_KEYS = ['responseCode', 'responseMessage', 'virtualAccountData', 'additionalInfo'];

describe.each(SDKS.map((s) => [s.name, s] as const))('%s', (_name, sdk) => {
  test('create → pay → status → update INACTIVE → delete, each answered in a shape it reads', async () => {
    const sb = await buildSandbox(); // the default mode: what every SDK sends works
    const timestamp = sdk.timestamp(AT);
    const tokenRes = await request(sb.app)
      .post('/authorization/v1/access-token/b2b')
      .set({
        'X-CLIENT-KEY': DEMO.clientId,
        'X-TIMESTAMP': timestamp,
        'X-SIGNATURE': rsaSign(DEMO.privateKeyPem, `${DEMO.clientId}|${timestamp}`),
      })
      .send(sdk.b2bBody);
    const token = tokenRes.body.accessToken as string;
    const customerNo = '00000000000000000042';
    const answers: Array<[Step, request.Response]> = [];
    const step = async (s: Step, path: string, body: unknown) => {
      const res = await call(sb, sdk, token, s, path, body, answers.length + 1);
      answers.push([s, res]);
      return res;
    };

    const created = await step('create', `${BASE}/create-va`, vaBody(sdk, customerNo, `INV-${sdk.name}-1`, {}));
    expect([created.status, created.body.responseCode]).toEqual([200, '2002700']);
    const data = created.body.virtualAccountData;
    expect(data.virtualAccountNo).toBe(`${PSID}${customerNo}`); // psid + customerNo, or the SDK's next call fails client-side
    expect(data.virtualAccountTrxType).toBe('O'); // Go's misspelled key was read
    if (sdk.name === 'Go' || sdk.name === 'Java') expect(data.freeTexts).toHaveLength(1);

    const paid = await request(sb.app).post(`/__mock/virtual-accounts/${customerNo}888994/pay`).send({});
    expect(paid.status).toBe(404); // the number is psid + customerNo, not the other way round
    const pay = await request(sb.app).post(`/__mock/virtual-accounts/888994${customerNo}/pay`).send({ amount: '30000.00' });
    expect(pay.status).toBe(200);

    const status = await step('status', STATUS, identity(sdk, customerNo));
    expect([status.status, status.body.responseCode]).toEqual([200, '2002600']);
    const st = status.body.virtualAccountData;
    expect(st.paidAmount).toEqual({ value: '30000.00', currency: 'IDR' }); // strings: Go's typed structs
    expect(st.paymentFlagReason).toBeDefined(); // Node reads it unguarded
    expect(status.body.additionalInfo.acquirer).toEqual({ id: expect.any(String) }); // Go: {id}

    const update = await step('update', `${BASE}/update-va`, vaBody(sdk, customerNo, `INV-${sdk.name}-1`, { status: 'INACTIVE' }));
    expect([update.status, update.body.responseCode]).toEqual([200, '2002800']);
    const del = await step('delete', `${BASE}/delete-va`, identity(sdk, customerNo, { trxId: `INV-${sdk.name}-1` }));
    expect([del.status, del.body.responseCode]).toEqual([200, '2003100']);
    expect(del.body.virtualAccountData.additionalInfo?.virtualAccountConfig).toBeUndefined(); // Go types it a string there

    for (const [s, res] of answers) {
      expect([s, typeof res.body.responseCode]).toEqual([s, 'string']); // PHP compares strings
      expect([s, res.status]).toEqual([s, Number(res.body.responseCode.slice(0, 3))]);
      if (sdk.name === 'Python') expect([s, Object.keys(res.body).filter((k) => !PYTHON_KEYS.includes(k))]).toEqual([s, []]);
    }
    sb.app.outbox.stop();
  });
});
