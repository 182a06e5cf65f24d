/** DOKU_FAKER_SEED (and --seed) make generated references, ids and balances reproducible. */
import { buildSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, SnapClient, customerSession } from '../helpers/snap-client.js';

async function run(seed: string) {
  const sb = await buildSandbox({ DOKU_FAKER_SEED: seed });
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const balance = (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0]
    .availableBalance.value;
  return { referenceNo: session.referenceNo, bankCardToken: session.bankCardToken, authCode: session.authCode, balance };
}

test('the same seed gives the same references, tokens and balances; another seed does not', async () => {
  const a = await run('2026');
  const b = await run('2026');
  const c = await run('2027');
  expect(b).toEqual(a);
  expect(c.referenceNo).not.toBe(a.referenceNo);
  expect(c.bankCardToken).not.toBe(a.bankCardToken);
});
