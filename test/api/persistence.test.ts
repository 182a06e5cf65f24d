/** State lives in the lowdb JSON file and survives a restart; writes are coalesced. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbound } from '../../server/net/outbound.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config/load.js';
import { createIds } from '../../server/fake/ids.js';
import { silentLogger } from '../../server/logger.js';
import { Store } from '../../server/store/store.js';
import { loadScenarios } from '../../server/scenario/load.js';
import { manualClock } from '../../server/clock.js';
import { MerchantRegistry } from '../../server/merchants.js';
import { productCatalogue } from '../../server/products/index.js';
import { IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

describe('persistence', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'doku-sandbox-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function boot(file: string) {
    const config = loadConfig({ DOKU_DB_FILE: file, DOKU_FAKER_SEED: '7' });
    const store = await Store.open(file, config.dbFlushMs);
    const deps = {
      config,
      store,
      merchants: new MerchantRegistry(config.merchants, store),
      clock: manualClock(Date.parse('2026-05-26T10:00:00+07:00')),
      ids: createIds(undefined),
      log: silentLogger(),
      outbound: new Outbound('', ['*']),
      catalogue: productCatalogue(),
    };
    return { app: createApp(deps, loadScenarios(config.scenariosDir, config, deps.catalogue)), store };
  }

  test('a binding made before a restart can be unbound after it, with the same B2B token', async () => {
    const file = join(dir, 'state.json');
    const first = await boot(file);
    const client = new SnapClient(first.app);
    const token = await client.b2bToken();
    const { bankCardToken, authCode } = await client.activeBinding();
    await first.store.close();

    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.values(onDisk.bindings)).toEqual([expect.objectContaining({ status: 'ACTIVE', bankCardToken })]);
    expect(readdirSync(dir)).toEqual(['state.json']); // after a clean stop the JSON file alone is the state: no empty log beside it
    expect(readFileSync(file, 'utf8')).not.toContain('5221841234567890');

    const second = await boot(file);
    const after = new SnapClient(second.app);
    expect((await after.b2b2cToken(authCode)).body.responseCode).toBe('2007400');
    const res = await after.tx('/direct-debit/core/v1/registration-card-unbind', { tokenId: bankCardToken }, { token });
    expect(res.body.responseCode).toBe('2000500');
  });

  test('mid-flow restart: a refund after the restart finds the payment; a replay still replays', async () => {
    const file = join(dir, 'state.json');
    const first = await boot(file);
    const client = new SnapClient(first.app);
    const token = await client.b2bToken();
    const session = await customerSession(client);
    const payHeaders = { ...IP, 'X-EXTERNAL-ID': '424242' };
    const paid = await client.tx(PAY, paymentBody('INV-R1', '8000.00'), {
      token,
      customerToken: session.customerToken,
      headers: payHeaders,
    });
    expect(paid.body.responseCode).toBe('2005400');
    await first.store.close();

    const second = await boot(file);
    const after = new SnapClient(second.app);
    const refund = await after.tx(REFUND, refundBody('INV-R1', 'RF-R1', '3000.00'), {
      token,
      customerToken: session.customerToken,
      headers: IP,
    });
    expect(refund.body).toMatchObject({ responseCode: '2000700', originalReferenceNo: paid.body.referenceNo });
    const replay = await after.tx(PAY, paymentBody('INV-R1', '8000.00'), {
      token,
      customerToken: session.customerToken,
      headers: payHeaders,
    });
    expect(replay.status).toBe(409);
    expect(replay.body).toEqual(paid.body);
    const status = await after.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'INV-R1' }, { token });
    expect(status.body.refundHistory).toHaveLength(1);
  });

  test('a stored payment refunds twice (nothing lost), and its replay and status report as before', async () => {
    const file = join(dir, 'state.json');
    const { app } = await boot(file);
    const client = new SnapClient(app);
    const token = await client.b2bToken();
    const session = await customerSession(client);
    const payHeaders = { ...IP, 'X-EXTERNAL-ID': '515151' };
    const paid = await client.tx(PAY, paymentBody('INV-L1', '9000.00'), {
      token,
      customerToken: session.customerToken,
      headers: payHeaders,
    });
    expect(paid.body.responseCode).toBe('2005400');
    const replay = await client.tx(PAY, paymentBody('INV-L1', '9000.00'), {
      token,
      customerToken: session.customerToken,
      headers: payHeaders,
    });
    expect([replay.status, replay.headers['x-mock-replay']]).toEqual([409, 'true']);
    expect(replay.body).toEqual(paid.body);
    for (const [no, value] of [
      ['RF-L1', '2000.00'],
      ['RF-L2', '3000.00'],
    ] as const) {
      const refund = await client.tx(REFUND, refundBody('INV-L1', no, value), { token, customerToken: session.customerToken, headers: IP });
      expect(refund.body.responseCode).toBe('2000700');
    }
    const over = await client.tx(REFUND, refundBody('INV-L1', 'RF-L3', '4000.01'), {
      token,
      customerToken: session.customerToken,
      headers: IP,
    });
    expect(over.body.responseCode).toBe('4040713'); // 9000 paid, 5000 refunded: the second refund was not lost
    const status = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'INV-L1' }, { token });
    expect(status.body.refundHistory.map((r: { partnerRefundNo: string }) => r.partnerRefundNo)).toEqual(['RF-L1', 'RF-L2']);
  });

  test('50 concurrent payments are answered after far fewer log appends, each change on disk before its answer', async () => {
    const file = join(dir, 'state.json');
    const { app, store } = await boot(file);
    const client = new SnapClient(app);
    const session = await customerSession(client);
    const token = await client.b2bToken();
    let writes = 0;
    const db = (store as unknown as { db: { write: () => Promise<void> } }).db;
    const write = db.write.bind(db);
    db.write = async () => {
      writes++;
      await write();
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.tx(PAY, paymentBody(`GC-${i}`, '1000.00'), { token, customerToken: session.customerToken, headers: IP }),
      ),
    );
    expect(results.map((r) => r.body.responseCode)).toEqual(Array(50).fill('2005400'));
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(10);
    // No clean stop: the log alone already holds every acknowledged change.
    const log = readFileSync(`${file}.wal-0.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const paid = new Set(log.filter((e) => e.p?.[0] === 'payments').map((e) => e.v.partnerReferenceNo));
    expect(Array.from({ length: 50 }, (_, i) => paid.has(`GC-${i}`))).toEqual(Array(50).fill(true));
  });
});
