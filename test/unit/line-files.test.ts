/** Payments at rest on disk (store/line-files.ts): handles, compactions under changes, restarts. */
import { appendFileSync, closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { LineFiles } from '../../server/store/line-files.js';
import { Store } from '../../server/store/store.js';
import { paymentRecord as payment, stateOf } from '../helpers/state.js';
import { eachTempState } from '../helpers/temp-state.js';

const refund = (n: string) => ({
  refundNo: `RF-${n}`,
  partnerRefundNo: n,
  refundAmount: { value: '1.00', currency: 'IDR' },
  refundTime: 1,
  externalId: `X-${n}`,
});
const openSlots = (store: Store) => {
  const files = (store as unknown as { journal: { lineFiles: LineFiles } }).journal.lineFiles;
  return Array.from({ length: 8 }, (_, slot) => files.fd(slot)).filter((fd) => fd !== undefined).length;
};

describe('payments at rest on disk', () => {
  let file: string;
  eachTempState('line-files-', (_d, f) => (file = f));

  test('a handle names its slot, offset and length exactly, up to its bounds; past them there is none', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const files = new LineFiles();
    const unpack = (h: number) => {
      const slot = LineFiles.slotOf(h);
      const rest = (h - slot) / 8;
      return [slot, (rest - (rest % 2 ** 20)) / 2 ** 20, rest % 2 ** 20];
    };
    for (let i = 0; i < 2000; i++) {
      const [slot, at, len] = [rand(8), rand(2 ** 30) + (i % 2 ? 2 ** 30 - 2 ** 20 : 0), rand(2 ** 20)];
      const h = LineFiles.handle(slot, Math.min(at, 2 ** 30 - 1), len)!;
      expect(Number.isSafeInteger(h)).toBe(true);
      expect(unpack(h)).toEqual([slot, Math.min(at, 2 ** 30 - 1), len]);
    }
    expect(LineFiles.handle(0, 2 ** 30, 10)).toBeUndefined();
    expect(LineFiles.handle(0, 0, 2 ** 20)).toBeUndefined();
    expect(LineFiles.handle(-1, 0, 10)).toBeUndefined(); // no slot was free: the line stays a string
    expect(() => files.read(LineFiles.handle(3, 0, 10)!)).toThrow(/slot 3 was released/);
  });

  test('a payment read is parsed once and kept while it stays where it was; a change, a compaction or 1 024 later reads replace it', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 1100; i++) store.insertPayment(payment(i));
    await store.commit();
    const read = store.findPayment('REF000001')!;
    store.insertPayment(payment(2000));
    await store.commit();
    expect(store.findPayment('REF000001')).toBe(read); // another payment's commit: still the same object, no second read
    store.addRefund(read, refund('A'));
    await store.commit();
    const changed = store.findPayment('REF000001')!;
    expect(typeof store.data.payments.REF000001).toBe('number');
    expect(changed.refunds.map((r) => r.partnerRefundNo)).toEqual(['A']); // read from its new line
    expect(store.findPayment('REF000001')).toBe(changed);
    await store.compact();
    const compacted = store.findPayment('REF000001')!;
    expect(compacted).not.toBe(changed); // the files it was read from were closed: read again, from the new snapshot
    expect(compacted).toEqual(changed);
    store.settlePayment(compacted, { status: 'FAILED', responseCode: '4035405', responseMessage: 'Do Not Honor' });
    await store.commit();
    expect(store.findPayment('REF000001')).toMatchObject({ status: 'FAILED', refunds: [{ partnerRefundNo: 'A' }] });
    const last = store.findPayment('REF000001');
    for (let i = 2; i < 1100; i++) store.findPayment(payment(i).referenceNo);
    expect(store.findPayment('REF000001')).not.toBe(last); // 1 024 later reads pushed it out
    expect((store.payments as unknown as { parsed: Map<string, unknown> }).parsed.size).toBe(1024);
  });

  test('payments changed and read while a compaction writes its snapshot chunk by chunk: nothing lost, every file closed once copied', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 3000; i++) store.insertPayment(payment(i));
    await store.commit();
    await store.compact(); // now every payment is at rest in the snapshot
    let running = true;
    let changes = 0;
    const requests = (async () => {
      // requests between the compaction's chunks: refund payments it has and has not written yet, and read others
      for (let i = 0; running; i = (i + 397) % 3000, changes++) {
        const p = store.findPayment(`REF${String(i).padStart(6, '0')}`)!;
        store.addRefund(p, refund(`R${changes}`));
        expect(store.findPayment(`REF${String((i * 7) % 3000).padStart(6, '0')}`)?.clientId).toBe('BRN-1');
        await store.commit();
        await new Promise((r) => setImmediate(r));
      }
    })();
    await store.compact();
    running = false;
    await requests;
    expect(changes).toBeGreaterThan(3);
    expect(Object.entries(store.data.payments).filter(([, p]) => typeof p !== 'number')).toEqual([]);
    expect(openSlots(store)).toBe(2); // the new snapshot and the current journal: the replaced files were closed
    const refunds = Object.keys(store.data.payments).reduce((n, ref) => n + store.findPayment(ref)!.refunds.length, 0);
    expect(refunds).toBe(changes);
    const expected = stateOf(store);
    expect(stateOf(await Store.open(file))).toBe(expected); // the snapshot plus the journal
    await store.close();
    expect(stateOf(await Store.open(file))).toBe(expected); // the snapshot alone
  });

  test('a payment changed twice while a compaction runs, its commit still pending, keeps both changes (the compaction never places a changed payment)', async () => {
    const store = await Store.open(file, 5); // a 5 ms commit window: changes wait unwritten while chunks are written
    for (let i = 0; i < 3000; i++) store.insertPayment(payment(i));
    await store.commit();
    let running = true;
    let changes = 0;
    const commits: Promise<void>[] = [];
    const requests = (async () => {
      for (let i = 0; running; i = (i + 211) % 3000) {
        const p = store.findPayment(`REF${String(i).padStart(6, '0')}`)!;
        for (const _ of [1, 2]) {
          store.addRefund(p, refund(`R${changes++}`));
          commits.push(store.commit());
          await new Promise((r) => setImmediate(r));
        }
      }
    })();
    for (let round = 0; round < 4; round++) await store.compact();
    running = false;
    await requests;
    await Promise.all(commits);
    const refunds = Object.keys(store.data.payments).reduce((n, ref) => n + store.findPayment(ref)!.refunds.length, 0);
    expect(refunds).toBe(changes);
    expect(stateOf(await Store.open(file))).toBe(stateOf(store));
  });

  test('a failed append (a full disk) keeps its changes pending: the next batch writes them, and the journal stays readable', async () => {
    const store = await Store.open(file);
    store.insertPayment(payment(1));
    await store.commit();
    const journal = (store as unknown as { journal: { fd: number } }).journal;
    const good = journal.fd;
    journal.fd = openSync(`${file}.journal-0.jsonl`, 'r'); // every write on it fails (EBADF), as on a full disk
    store.insertPayment(payment(2));
    await expect(store.commit()).rejects.toThrow();
    closeSync(journal.fd);
    journal.fd = good;
    store.insertPayment(payment(3));
    await store.commit();
    const again = await Store.open(file);
    expect(Object.keys(again.data.payments).sort()).toEqual(['REF000001', 'REF000002', 'REF000003']);
    expect(again.findPayment('REF000002')?.partnerReferenceNo).toBe('INV-2');
    expect(store.findPayment('REF000002')?.partnerReferenceNo).toBe('INV-2'); // read back from where the retry put it
  });

  test('a torn last journal line is cut before the next append, so the journal stays readable', async () => {
    const store = await Store.open(file);
    store.insertPayment(payment(1));
    await store.commit();
    appendFileSync(`${file}.journal-0.jsonl`, '{"p":["payments","REF000002"],"v":{"referenceNo":"REF0'); // a batch cut by a crash
    const size = statSync(`${file}.journal-0.jsonl`).size;
    const after = await Store.open(file);
    expect(statSync(`${file}.journal-0.jsonl`).size).toBeLessThan(size);
    after.insertPayment(payment(3));
    await after.commit();
    expect(
      readFileSync(`${file}.journal-0.jsonl`, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).p)
        .filter((p) => p?.[0] === 'payments')
        .map((p) => p[1]),
    ).toEqual(['REF000001', 'REF000003']);
    const again = await Store.open(file);
    expect(Object.keys(again.data.payments)).toEqual(['REF000001', 'REF000003']);
    expect(again.findPayment('REF000003')?.partnerReferenceNo).toBe('INV-3');
  });
});
