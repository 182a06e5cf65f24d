/**
 * The wire-shape table of issue #15: for each of DOKU's five SDKs, the card and account flow with
 * the requests that SDK puts on the wire when the merchant sets only what the SDK requires (nulls,
 * empty strings, `{}`, its header spellings, timestamps, external ids and escaped bodies: see
 * sdk-profiles.ts), each signed as that SDK signs. Every call must be accepted with the same answer
 * (status, responseCode, keys) as the same call with every optional field filled in, and every
 * answer must be readable by that SDK (PHP's unguarded reads, Python's closed DTOs).
 * Only the Node SDK itself runs in CI (node-sdk.test.ts); the others are reproduced from their code.
 */
import request from 'supertest';
import { buildSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { bodies, type FlowRefs } from './sdk-bodies.js';
import { OMIT, SDKS, encryptCard, hmac, rsaSign, sha256Hex, type Endpoint, type Sdk } from './sdk-profiles.js';

const PATHS: Record<Endpoint, string> = {
  b2b: '/authorization/v1/access-token/b2b',
  b2b2c: '/authorization/v1/access-token/b2b2c',
  cardBind: '/direct-debit/core/v1/registration-card-bind',
  payment: '/direct-debit/core/v1/debit/payment-host-to-host',
  status: '/orders/v1.0/debit/status',
  refund: '/direct-debit/core/v1/debit/refund',
  balance: '/direct-debit/core/v1/balance-inquiry',
  cardUnbind: '/direct-debit/core/v1/registration-card-unbind',
  accountBind: '/direct-debit/core/v1/registration-account-binding',
  accountUnbind: '/direct-debit/core/v1/registration-account-unbinding',
};
const IP = '103.31.4.100';
const AT = new Date('2026-05-26T03:00:00Z');

interface Answer {
  status: number;
  body: Record<string, unknown>;
  externalId?: string;
}
type Answers = Array<[step: string, answer: Answer]>;

/** One merchant using one SDK, against a fresh sandbox: every answer of the flow, in order. */
async function runFlow(sdk: Sdk, filled: boolean): Promise<Answers> {
  const sb = await buildSandbox();
  const b = bodies(sdk, filled);
  const answers: Answers = [];
  let seq = 0;
  let b2b = '';

  async function call(
    step: string,
    endpoint: Endpoint,
    body: unknown,
    headers: Record<string, string | undefined | typeof OMIT> = {},
  ): Promise<Answer> {
    const { sent, signed } = sdk.serialise(body, endpoint);
    const timestamp = sdk.timestamp(AT, endpoint === 'b2b2c' && sdk.name === 'PHP' ? 7 : 0);
    const all: Record<string, string | typeof OMIT> = {
      'Content-Type': 'application/json',
      ...(sdk.name === 'Java' ? { Accept: 'application/json' } : {}),
      'X-TIMESTAMP': timestamp,
    };
    if (endpoint === 'b2b' || endpoint === 'b2b2c')
      Object.assign(all, { 'X-CLIENT-KEY': DEMO.clientId, 'X-SIGNATURE': rsaSign(DEMO.privateKeyPem, `${DEMO.clientId}|${timestamp}`) });
    else {
      const stringToSign = `POST:${PATHS[endpoint]}:${b2b}:${sha256Hex(signed)}:${timestamp}`;
      Object.assign(all, {
        Authorization: `Bearer ${b2b}`,
        'X-PARTNER-ID': DEMO.clientId,
        'X-EXTERNAL-ID': sdk.externalId(AT, ++seq),
        'X-SIGNATURE': hmac(DEMO.clientSecret, stringToSign),
      });
    }
    const req = request(sb.app).post(PATHS[endpoint]);
    for (const [k, v] of Object.entries({ ...all, ...headers })) if (typeof v === 'string') req.set(k, v);
    const res = await req.send(sent);
    const answer = {
      status: res.status,
      body: res.body as Record<string, unknown>,
      externalId: all['X-EXTERNAL-ID'] as string | undefined,
    };
    answers.push([step, answer]);
    return answer;
  }
  const finishOtp = async (referenceNo: unknown) =>
    (
      await request(sb.app)
        .post(`/__mock/bindings/${String(referenceNo)}/otp`)
        .send({ result: 'success' })
    ).body as { authCode: string; bankCardToken: string };
  const customerToken = async (step: string, authCode: string) => (await call(step, 'b2b2c', b.b2b2c(authCode))).body.accessToken as string;
  const customer = (endpoint: Endpoint, token: string) => Object.fromEntries([sdk.customerHeader(endpoint, token)]);
  const refs = {} as FlowRefs;

  b2b = (await call('B2B token', 'b2b', b.b2b())).body.accessToken as string;
  const bind = await call(
    'card bind',
    'cardBind',
    b.cardBind(encryptCard(b.cardPlain(), DEMO.clientSecret)),
    sdk.channelHeader('cardBind', ''),
  );
  Object.assign(refs, await finishOtp(bind.body.referenceNo));
  refs.customerToken = await customerToken('B2B2C token', refs.authCode);
  // Java fetches a new customer token from the same authCode before these calls (docs/sdks.md).
  const token = async (step: string) =>
    sdk.reExchangesAuthCode ? customerToken(`B2B2C again before ${step}`, refs.authCode) : refs.customerToken;

  const paymentToken = await token('payment');
  const pay = await call('payment', 'payment', b.payment('INV-0001'), {
    'X-IP-ADDRESS': IP,
    ...customer('payment', paymentToken),
    ...sdk.channelHeader('payment', ''),
  });
  refs.paymentReferenceNo = pay.body.referenceNo as string;
  refs.paymentExternalId = pay.externalId!; // the merchant keeps the X-EXTERNAL-ID it sent
  await call('check status', 'status', b.status('INV-0001', refs), sdk.channelHeader('status', ''));
  const refundToken = await token('refund');
  await call('refund', 'refund', b.refund('INV-0001', 'RF-0001', refs), {
    'X-IP-ADDRESS': IP,
    ...customer('refund', refundToken),
    ...sdk.channelHeader('refund', ''),
  });
  const balanceToken = await token('balance');
  await call('balance inquiry', 'balance', b.balance(refs), {
    'X-IP-ADDRESS': IP,
    ...customer('balance', balanceToken),
    ...sdk.channelHeader('balance', 'DIRECT_DEBIT_BRI_SNAP'),
  });

  const account = await call('account binding', 'accountBind', b.accountBind(), {
    'X-IP-ADDRESS': IP,
    'X-DEVICE-ID': b.deviceId(),
    ...sdk.channelHeader('accountBind', ''),
  });
  refs.accountToken = await customerToken('B2B2C token (account)', (await finishOtp(account.body.referenceNo)).authCode);
  await call('account unbinding', 'accountUnbind', b.accountUnbind(refs.accountToken), {
    'X-IP-ADDRESS': IP,
    ...sdk.channelHeader('accountUnbind', ''),
  });
  await call('card unbind', 'cardUnbind', b.cardUnbind(refs.bankCardToken), {
    ...(sdk.ipOnCardUnbind ? { 'X-IP-ADDRESS': IP } : {}),
    ...sdk.channelHeader('cardUnbind', ''),
  });
  return answers;
}

const endpointOf = (step: string): Endpoint | undefined =>
  (
    ({
      'B2B token': 'b2b',
      'card bind': 'cardBind',
      payment: 'payment',
      'check status': 'status',
      refund: 'refund',
      'balance inquiry': 'balance',
      'account binding': 'accountBind',
      'account unbinding': 'accountUnbind',
      'card unbind': 'cardUnbind',
    }) as Record<string, Endpoint>
  )[step] ?? (step.startsWith('B2B2C') ? 'b2b2c' : undefined);
const shape = ({ status, body }: Answer) => ({ status, responseCode: body.responseCode, keys: Object.keys(body).sort() });
const has = (body: Record<string, unknown>, dotted: string) =>
  dotted
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : OMIT,
      body,
    ) !== OMIT;

describe.each(SDKS.map((sdk) => [sdk.name, sdk] as const))('%s SDK on the wire', (_name, sdk) => {
  let minimal: Answers;
  let filled: Answers;
  beforeAll(async () => {
    [minimal, filled] = await Promise.all([runFlow(sdk, false), runFlow(sdk, true)]);
  });

  test('with only the fields the SDK requires, every call is accepted (2xx)', () => {
    const refused = minimal.filter(([, a]) => a.status >= 300).map(([step, a]) => `${step}: ${a.status} ${JSON.stringify(a.body)}`);
    expect(refused).toEqual([]);
    expect(minimal.length).toBeGreaterThanOrEqual(11);
  });

  test('each answer has the status, responseCode and keys of the same call with every optional field filled in', () => {
    expect(minimal.map(([step, a]) => [step, shape(a)])).toEqual(filled.map(([step, a]) => [step, shape(a)]));
  });

  test('every answer can be read by this SDK', () => {
    const problems: string[] = [];
    for (const [step, { body }] of [...minimal, ...filled]) {
      const endpoint = endpointOf(step)!;
      for (const key of sdk.readsUnguarded[endpoint] ?? []) if (!has(body, key)) problems.push(`${step}: ${key} missing`);
      const allowed = sdk.acceptsOnly?.[endpoint];
      for (const key of allowed ? Object.keys(body) : [])
        if (!['responseCode', 'responseMessage', ...allowed!].includes(key)) problems.push(`${step}: unknown key ${key}`);
    }
    expect(problems).toEqual([]);
  });
});
