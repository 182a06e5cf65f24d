/** The store's write-ahead log: exact replay after a crash, torn tails, background compaction, reset. */
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../server/store/store.js';
import { bindingRecord as binding, paymentRecord as payment, stateOf } from '../helpers/state.js';
import { eachTempState } from '../helpers/temp-state.js';

describe('write-ahead log', () => {
  let dir: string;
  let file: string;
  eachTempState('wal-', (d, f) => ((dir = d), (file = f)));

  /** Inserts, updates and deletes through the store's API, committing in batches. */
  async function exercise(store: Store, n: number) {
    for (let i = 0; i < n; i++) {
      store.insertPayment(payment(i));
      if (i % 3 === 0) {
        const p = store.findPayment(payment(i).referenceNo)!;
        store.addRefund(p, {
          refundNo: `RF${i}`,
          partnerRefundNo: `R${i}`,
          refundAmount: { value: '1.00', currency: 'IDR' },
          refundTime: i,
          externalId: `x${i}`,
        });
      }
      store.saveRefreshToken({ refreshToken: `t${i}`, clientId: 'BRN-1', bindingRef: 'B', exp: 2_000_000_000 }, 1_000_000_000);
      if (i % 5 === 0) store.takeRefreshToken(`t${i}`);
      store.saveIdempotent('2026-05-26', `BRN-1|${i}`, { fingerprint: 'f', status: 200, body: { responseCode: '2005400' } }, '2026-05-25');
      if (i % 7 === 0) await store.commit();
    }
    await store.commit();
  }

  test('a restart without a clean stop (crash) replays exactly the acknowledged state', async () => {
    const first = await Store.open(file);
    await exercise(first, 300);
    const expected = stateOf(first);
    // no close(): the process "died"; only what commit() acknowledged is on disk
    const second = await Store.open(file);
    expect(stateOf(second)).toBe(expected);
    expect(second.payments.byPartnerReferenceNo('BRN-1', 'INV-42')?.referenceNo).toBe('REF000042');
  });

  test('the token epoch is on disk as soon as the state exists: tokens issued before any write outlive a restart', async () => {
    const first = await Store.open(file);
    expect(first.tokenEpoch).toMatch(/^[\w-]{12}$/);
    const epoch = first.tokenEpoch;
    expect((await Store.open(file)).tokenEpoch).toBe(epoch); // no commit, no clean stop
    await first.reset();
    expect(first.tokenEpoch).not.toBe(epoch);
    expect((await Store.open(file)).tokenEpoch).toBe(first.tokenEpoch);
  });

  test('expired refresh tokens are dropped when a later one is saved (at most once a minute), on disk too', async () => {
    const first = await Store.open(file);
    const token = (refreshToken: string, exp: number) => ({ refreshToken, clientId: 'BRN-1', bindingRef: 'B', exp });
    first.saveRefreshToken(token('old', 1_000), 900);
    first.saveRefreshToken(token('soon', 1_200), 940); // within the minute: no pruning yet
    expect(Object.keys(first.data.refreshTokens)).toEqual(['old', 'soon']);
    first.saveRefreshToken(token('new', 5_000), 1_100);
    await first.commit();
    expect(Object.keys((await Store.open(file)).data.refreshTokens)).toEqual(['soon', 'new']);
  });

  test('state from before token epochs gets one (kept across restarts) and loses its token records', async () => {
    const legacy = {
      version: 1,
      accessTokens: { t1: { jti: 't1', clientId: 'BRN-1', exp: 2_000_000_000 } },
      customerTokens: { c1: { jti: 'c1', clientId: 'BRN-1', bindingRef: 'B', exp: 2_000_000_000 } },
      refreshTokens: {},
      authCodes: {},
      bindings: {},
      payments: { REF000001: payment(1) },
      idempotency: {},
    };
    writeFileSync(file, JSON.stringify(legacy));
    const first = await Store.open(file);
    const epoch = first.tokenEpoch;
    expect(typeof epoch).toBe('string');
    expect(Object.keys(first.data).sort()).toEqual([
      'authCodes',
      'bindings',
      'idempotency',
      'merchantEpochs',
      'merchants',
      'notifications',
      'payments',
      'qris',
      'refreshTokens',
      'tokenEpoch',
      'vaAttempts',
      'version',
      'virtualAccounts',
    ]);
    const second = await Store.open(file); // from the log: no clean stop in between
    expect(second.tokenEpoch).toBe(epoch);
    expect('accessTokens' in second.data).toBe(false);
    await second.close();
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect([snapshot.tokenEpoch, 'accessTokens' in snapshot, snapshot.payments.REF000001.partnerReferenceNo]).toEqual([
      epoch,
      false,
      'INV-1',
    ]);
  });

  test('non-ASCII text (names, remarks) survives the log, the snapshot and a restart byte for byte', async () => {
    const first = await Store.open(file);
    const p = { ...payment(1), partnerReferenceNo: 'INV-Śląsk-日本-🙂', requestKey: 'Bapak Budi Ñandú' };
    first.insertPayment(p);
    await first.commit();
    expect((await Store.open(file)).findPayment(p.referenceNo)).toEqual(p); // from the log
    await first.close();
    expect((await Store.open(file)).findPayment(p.referenceNo)).toEqual(p); // from the snapshot
  });

  test('a torn last line (a batch cut by a crash, never acknowledged) is cut off and reported', async () => {
    const first = await Store.open(file);
    await exercise(first, 20);
    const expected = stateOf(first);
    const log = join(dir, 'state.json.wal-0.jsonl');
    appendFileSync(log, '{"p":["payments","REF9"],"v":{"referenceNo":"RE');
    const second = await Store.open(file);
    expect(stateOf(second)).toBe(expected);
    expect(second.startupNotes).toEqual([
      expect.stringMatching(/wal-0\.jsonl: line \d+ is damaged .*byte\(s\) from there on were dropped/),
    ]);
  });

  test('a damaged line with complete changes after it stops the start, naming the file and line', async () => {
    const first = await Store.open(file);
    await exercise(first, 20);
    const log = join(dir, 'state.json.wal-0.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[3] = 'garbage';
    writeFileSync(log, lines.join('\n'));
    await expect(Store.open(file)).rejects.toThrow(`${log}: log line 4 is damaged`);
  });

  test('a corrupt last line that still ends in a newline is cut and reported once; a later write and a crash still start (store defect 2)', async () => {
    const first = await Store.open(file);
    await exercise(first, 20);
    const expected = stateOf(first);
    const log = join(dir, 'state.json.wal-0.jsonl');
    appendFileSync(log, '{"p":["payments","REF9"],"v":{"referenceNo"\n');
    const second = await Store.open(file);
    expect(stateOf(second)).toBe(expected);
    expect(second.startupNotes).toHaveLength(1);
    second.insertPayment(payment(500));
    await second.commit(); // then the process "dies"
    const third = await Store.open(file);
    expect(third.startupNotes).toEqual([]); // reported once: the damage is gone
    expect(third.findPayment(payment(500).referenceNo)?.partnerReferenceNo).toBe('INV-500');
  });

  test('a batch cut short is replayed not at all: no debit without its payment (store defect 3)', async () => {
    const first = await Store.open(file);
    await exercise(first, 5);
    const expected = stateOf(first);
    const log = join(dir, 'state.json.wal-0.jsonl');
    const before = readFileSync(log);
    // One batch of two changes (a binding's new balance, then its payment); the crash cuts it after the first line.
    first.insertBinding(binding('B-1', '9000.00'));
    first.insertPayment(payment(900));
    await first.commit();
    const whole = readFileSync(log);
    const batch = whole.subarray(before.length).toString('utf8');
    expect(batch.trim().split('\n')).toHaveLength(3); // two records and the batch's end
    writeFileSync(log, Buffer.concat([before, Buffer.from(batch.split('\n')[0] + '\n')]));
    const second = await Store.open(file);
    expect(stateOf(second)).toBe(expected);
    expect(second.bindings.byReferenceNo('B-1')).toBeUndefined();
    expect(second.startupNotes).toEqual([expect.stringMatching(/the last batch \(1 record\(s\)\) has no end/)]);
  });

  test('compaction in the background while writes go on: the snapshot plus the new log are the state', async () => {
    const store = await Store.open(file, 0, { compactEvery: 50 });
    await exercise(store, 400);
    await store.compact();
    await exercise(store, 5); // after the last compaction, below the threshold: only in the log
    const expected = stateOf(store);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.includes('.wal-'))).toHaveLength(1); // older generations removed
    const snapshot = readFileSync(file, 'utf8');
    expect(snapshot.split('\n').length).toBeGreaterThan(400); // one record per line: readable
    expect(JSON.parse(snapshot).walGen).toBeGreaterThan(0);
    expect(stateOf(await Store.open(file))).toBe(expected);
  });

  test('records deleted while a compaction writes them are left out: the snapshot still parses, and with the log is the state', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 5000; i++)
      store.saveRefreshToken({ refreshToken: `t${i}`, clientId: 'BRN-1', bindingRef: 'B', exp: 2_000_000_000 }, 1_000_000_000);
    await store.commit();
    let taking = true;
    let taken = 0;
    const taker = (async () => {
      // requests running between the compaction's chunks: each takes (deletes) a token it has not written yet
      for (let i = 4999; taking && i >= 0; i -= 7, taken++) {
        store.takeRefreshToken(`t${i}`);
        await store.commit();
        await new Promise((r) => setImmediate(r));
      }
    })();
    await store.compact();
    taking = false;
    await taker;
    expect(taken).toBeGreaterThan(10);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    expect(stateOf(await Store.open(file))).toBe(stateOf(store));
  });

  test('a large snapshot is rewritten only once the log is as large as it (write cost flat, not growing with the data)', async () => {
    const generations = () =>
      readdirSync(dir)
        .filter((f) => f.includes('.wal-'))
        .map((f) => Number(f.split('.wal-')[1]!.split('.')[0]));
    const store = await Store.open(file, 0, { compactEvery: 10 });
    for (let i = 0; i < 300; i++) store.insertPayment(payment(i));
    await store.commit();
    await store.compact();
    const snapshotBytes = statSync(file).size;
    const gen = Math.max(...generations());
    const log = join(dir, `state.json.wal-${gen}.jsonl`);
    let i = 300;
    while (statSync(log).size < snapshotBytes * 0.9) {
      store.insertPayment(payment(i++));
      await store.commit(); // one line per commit: far past compactEvery (10) lines
    }
    expect(i - 300).toBeGreaterThan(200);
    expect(Math.max(...generations())).toBe(gen); // no compaction yet: the log is still smaller than the snapshot
    while (Math.max(...generations()) === gen) {
      store.insertPayment(payment(i++));
      await store.commit();
      if (i > 1000) throw new Error('no compaction once the log outgrew the snapshot');
    }
    expect(statSync(log).size).toBeGreaterThanOrEqual(snapshotBytes); // it started exactly when the log caught up
    const expected = stateOf(store);
    await store.close();
    expect(stateOf(await Store.open(file))).toBe(expected);
  });

  test('a clean stop folds the log into the JSON file', async () => {
    const store = await Store.open(file);
    await exercise(store, 10);
    await store.close();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).payments)).toHaveLength(10);
  });

  test('reset empties everything durably', async () => {
    const store = await Store.open(file);
    await exercise(store, 10); // no clean stop: the state is in the log
    const again = await Store.open(file);
    await again.reset();
    expect(Object.keys((await Store.open(file)).data.payments)).toHaveLength(0);
  });
});

describe('logs written by earlier versions (named `<file>.journal-<gen>.jsonl` until issue #19)', () => {
  let dir: string;
  let file: string;
  eachTempState('legacy-log-', (d, f) => ((dir = d), (file = f)));
  const line = (p: ReturnType<typeof payment>) => JSON.stringify({ p: ['payments', p.referenceNo], v: p }) + '\n';

  test('one without batch markers is replayed, never appended to: later changes go to the next generation, and every start replays both', async () => {
    const legacy = line(payment(1)) + line(payment(2)); // one record per line, no header, no batch ends
    writeFileSync(join(dir, 'state.json.journal-0.jsonl'), legacy);
    const first = await Store.open(file);
    expect(first.findPayment(payment(2).referenceNo)?.partnerReferenceNo).toBe('INV-2');
    first.insertPayment(payment(3));
    await first.commit(); // then the process "dies"
    expect(readdirSync(dir).filter((f) => f.includes('.journal-'))).toEqual([]); // renamed
    expect(readFileSync(join(dir, 'state.json.wal-0.jsonl'), 'utf8')).toBe(legacy);
    const second = await Store.open(file);
    expect([1, 2, 3].map((i) => second.findPayment(payment(i).referenceNo)?.partnerReferenceNo)).toEqual(['INV-1', 'INV-2', 'INV-3']);
    expect(second.startupNotes).toEqual([]);
  });

  test('one headed {"journal":2} (the batch format, named before the rename) is replayed and appended to', async () => {
    const earlier = `{"journal":2}\n${line(payment(1))}{"end":1}\n`;
    writeFileSync(join(dir, 'state.json.journal-0.jsonl'), earlier);
    const first = await Store.open(file);
    first.insertPayment(payment(2));
    await first.commit(); // then the process "dies"
    const appended = readFileSync(join(dir, 'state.json.wal-0.jsonl'), 'utf8');
    expect([appended.startsWith(earlier), appended.endsWith(`${line(payment(2))}{"end":1}\n`)]).toEqual([true, true]);
    const second = await Store.open(file);
    expect([1, 2].map((i) => second.findPayment(payment(i).referenceNo)?.partnerReferenceNo)).toEqual(['INV-1', 'INV-2']);
  });
});

describe('notification records', () => {
  let file: string;
  eachTempState('notifications-', (_d, f) => (file = f));
  const note = (i: number, state: 'PENDING' | 'DELIVERED', clientId = 'BRN-1') => ({
    id: `N${String(i).padStart(5, '0')}`,
    referenceNo: `R${i}`,
    clientId,
    body: {},
    createdAt: i,
    state,
    attempts: [],
  });

  test('at most 1 000 per merchant: its oldest finished go first, a pending one never; on disk too', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 990; i++) store.addNotification(note(i, i % 2 ? 'DELIVERED' : 'PENDING'));
    for (let i = 990; i < 1400; i++) store.addNotification(note(i, 'PENDING'));
    await store.commit();
    const kept = Object.values(store.data.notifications);
    // 1 400 added, 495 finished: the 400 over the cap are all finished ones, the oldest first
    expect(kept).toHaveLength(1000);
    expect(kept.filter((n) => n.state === 'DELIVERED').map((n) => n.id)[0]).toBe('N00801');
    expect(kept.filter((n) => n.state === 'PENDING')).toHaveLength(905);
    expect(store.notificationsOverflowing()).toEqual([]);
    expect(Object.keys((await Store.open(file)).data.notifications)).toHaveLength(1000);
  });

  test("one merchant's backlog never drops another's, and pending ones past the cap are kept and reported", async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 5; i++) store.addNotification(note(i, 'PENDING', 'BRN-V'));
    for (let i = 5; i < 1105; i++) store.addNotification(note(i, 'PENDING', 'BRN-DEAD'));
    await store.commit();
    const of = (clientId: string) => Object.values(store.data.notifications).filter((n) => n.clientId === clientId);
    expect(of('BRN-V').map((n) => n.id)).toEqual(['N00000', 'N00001', 'N00002', 'N00003', 'N00004']);
    expect(of('BRN-DEAD')).toHaveLength(1100);
    expect(store.notificationsOverflowing()).toEqual([['BRN-DEAD', 1100]]);
    const reopened = await Store.open(file);
    expect(reopened.notificationsOverflowing()).toEqual([['BRN-DEAD', 1100]]);
  });
});
