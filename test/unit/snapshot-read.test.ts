/** Reading the snapshot: payments of an unedited snapshot parsed on first use; anything else parsed whole. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Store } from '../../server/store/store.js';
import { lineKeys } from '../../server/store/payment-index.js';
import type { PaymentRecord } from '../../server/store/types.js';
import { paymentRecord as payment, stateOf } from '../helpers/state.js';
import { eachTempState } from '../helpers/temp-state.js';

const refund = (n: string) => ({
  refundNo: `RF-${n}`,
  partnerRefundNo: n,
  refundAmount: { value: '1.00', currency: 'IDR' },
  refundTime: 1,
  externalId: `X-${n}`,
});

describe('snapshot read', () => {
  let file: string;
  eachTempState('snapshot-', (_d, f) => (file = f));

  /** 50 payments (one refunded, one with a quote and a backslash in its partnerReferenceNo), stopped cleanly. */
  async function written(): Promise<string> {
    const store = await Store.open(file);
    for (let i = 0; i < 50; i++) store.insertPayment(payment(i, i === 7 ? 'INV "7" \\ 7' : undefined));
    const refunded = store.findPayment('REF000003')!;
    store.addRefund(refunded, refund('RFD-3'));
    await store.commit();
    const expected = stateOf(store);
    await store.close();
    return expected;
  }

  test('a snapshot the sandbox wrote ends with its checksum and is still plain JSON, without the checksum in the state', async () => {
    await written();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/,\n"checksum": "crc32:[0-9a-f]{8}"\n}\n$/);
    expect(Object.keys(JSON.parse(text).payments)).toHaveLength(50);
    expect('checksum' in (await Store.open(file)).data).toBe(false);
  });

  test('its payments stay on disk until used, and every lookup finds them as before', async () => {
    const expected = await written();
    const store = await Store.open(file);
    const raw = store.data.payments;
    expect(typeof raw.REF000010).toBe('number'); // where its line is in the snapshot: not parsed at the start
    expect(typeof raw.REF000003).toBe('number'); // a refunded one too (its refunds were indexed at the start)
    expect(typeof raw.REF000007).toBe('number'); // and one whose keys hold escapes
    expect(store.payments.byPartnerReferenceNo('BRN-1', 'INV-10')?.referenceNo).toBe('REF000010');
    expect(typeof raw.REF000010).toBe('number'); // parsed, the object kept beside it until the next journal write
    expect(store.payments.byPartnerReferenceNo('BRN-1', 'INV-10')).toBe(store.findPayment('REF000010')); // one object per payment meanwhile
    expect(store.payments.byPartnerReferenceNo('BRN-1', 'INV "7" \\ 7')?.referenceNo).toBe('REF000007');
    expect(store.payments.byExternalId('BRN-1', 'EXT-20')?.referenceNo).toBe('REF000020');
    expect(store.payments.byRefundNo('BRN-1', 'RFD-3')?.referenceNo).toBe('REF000003');
    expect(store.payments.byPartnerReferenceNo('BRN-2', 'INV-10')).toBeUndefined();
    expect(stateOf(store)).toBe(expected);
  });

  test('a change to a payment read lazily is journaled, compacted and read back; untouched lines are written back as they were', async () => {
    await written();
    const store = await Store.open(file);
    const p = store.payments.byPartnerReferenceNo('BRN-1', 'INV-12')!;
    store.addRefund(p, refund('RFD-12'));
    await store.commit();
    const expected = stateOf(await Store.open(file)); // snapshot + journal (no clean stop), read by another instance
    expect(typeof store.data.payments.REF000040).toBe('number');
    await store.compact(); // writes the lines `store` never parsed back as they are
    const again = await Store.open(file);
    expect(typeof again.data.payments.REF000040).toBe('number'); // the compaction kept the fast layout and checksum
    expect(again.payments.byRefundNo('BRN-1', 'RFD-12')?.referenceNo).toBe('REF000012');
    expect(stateOf(again)).toBe(expected);
    expect(stateOf(store)).toBe(expected);
  });

  test('a compaction leaves payments on disk, in its snapshot; one found before it and changed after it keeps the change', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 10; i++) store.insertPayment(payment(i));
    await store.commit();
    const held = store.findPayment('REF000004')!;
    await store.compact();
    expect(existsSync(`${file}.journal-0.jsonl`)).toBe(false);
    expect(typeof store.data.payments.REF000004).toBe('number'); // its place in the new snapshot, not the object
    expect(typeof store.data.payments.REF000006).toBe('number');
    expect(store.findPayment('REF000005')?.partnerReferenceNo).toBe('INV-5');
    store.addRefund(held, refund('LATE'));
    expect(store.findPayment('REF000004')).toBe(held);
    expect(store.payments.byRefundNo('BRN-1', 'LATE')).toBe(held);
    await store.commit();
    expect(store.findPayment('REF000004')).toEqual(held); // after the commit, parsed from its new line
    const again = await Store.open(file); // the snapshot plus the journal
    expect(again.findPayment('REF000004')!.refunds.map((r) => r.partnerRefundNo)).toEqual(['LATE']);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  test('a committed payment is kept as where its journal line is; a lookup or a change puts the object back until the next commit', async () => {
    const store = await Store.open(file);
    store.insertPayment(payment(1));
    store.insertPayment(payment(2));
    const held = store.findPayment('REF000001')!;
    expect(typeof store.data.payments.REF000001).toBe('object'); // until its commit
    await store.commit();
    expect(typeof store.data.payments.REF000001).toBe('number');
    const found = store.payments.byPartnerReferenceNo('BRN-1', 'INV-1')!;
    expect(found).toEqual(held); // read back from the journal
    expect(store.findPayment('REF000001')).toBe(found); // one object until the next commit
    store.insertPayment(payment(3));
    await store.commit(); // another payment's commit: the one only read goes back to rest
    expect(typeof store.data.payments.REF000001).toBe('number');
    const again1 = store.findPayment('REF000001')!;
    store.addRefund(again1, refund('R-1'));
    expect(store.payments.byRefundNo('BRN-1', 'R-1')).toBe(again1);
    await store.commit();
    expect(typeof store.data.payments.REF000001).toBe('number');
    expect(store.findPayment('REF000001')!.refunds.map((r) => r.partnerRefundNo)).toEqual(['R-1']); // its new line
    const again = await Store.open(file); // the journal alone: no snapshot was written
    expect(again.findPayment('REF000001')!.refunds.map((r) => r.partnerRefundNo)).toEqual(['R-1']);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  test('a snapshot of many read chunks (128 KiB): a head and a payment line larger than one, lines cut by chunk edges, all found and indexed', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 3000; i++)
      store.saveRefreshToken({ refreshToken: `rt-${i}`, clientId: 'BRN-1', bindingRef: 'B', exp: 2_000_000_000 }, 1_000_000_000);
    for (let i = 0; i < 8000; i++) store.insertPayment(payment(i));
    const big = store.findPayment('REF004000')!;
    for (let r = 0; r < 5000; r++) store.addRefund(big, refund(`BIG-${r}`));
    await store.commit();
    const expected = stateOf(store);
    await store.close();
    expect(statSync(file).size).toBeGreaterThan(2 * 2 ** 20);
    expect(readFileSync(file, 'latin1').indexOf('"payments": {')).toBeGreaterThan(2 ** 17); // the head alone is larger than a chunk
    const again = await Store.open(file);
    expect(Object.values(again.data.payments).filter((p) => typeof p !== 'number')).toEqual([]);
    for (const i of [0, 1, 2047, 4000, 4001, 7999])
      expect(again.payments.byPartnerReferenceNo('BRN-1', `INV-${i}`)?.referenceNo).toBe(payment(i).referenceNo);
    expect(again.payments.byRefundNo('BRN-1', 'BIG-4999')?.referenceNo).toBe('REF004000');
    expect(again.payments.byExternalId('BRN-1', 'EXT-6000')?.referenceNo).toBe('REF006000');
    expect(stateOf(again)).toBe(expected);
  });

  test('an edited snapshot (checksum no longer matching) is parsed whole: the edit counts, and a broken record stops the start', async () => {
    await written();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"partnerReferenceNo":"INV-10"', '"partnerReferenceNo":"EDITED-10"'));
    const edited = await Store.open(file);
    expect(typeof edited.data.payments.REF000011).toBe('object');
    expect(edited.payments.byPartnerReferenceNo('BRN-1', 'EDITED-10')?.referenceNo).toBe('REF000010');
    const broken = text.replace('"partnerReferenceNo":"INV-10"', '"partnerReferenceNo":INV-10"');
    writeFileSync(file, broken);
    const error = (await Store.open(file).catch((e: Error) => e)) as Error;
    const [, line, column] = /^.*: not valid JSON at line (\d+), column (\d+): /.exec(error.message) ?? [];
    expect(error.message.startsWith(`${file}: `)).toBe(true);
    expect(broken.split('\n')[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^INV-10"/);
  });

  test('lineKeys reads only lines laid out as the sandbox writes them, without refunds', () => {
    const line = (p: PaymentRecord) => JSON.stringify(p);
    expect(lineKeys(line(payment(1)))).toEqual({ clientId: 'BRN-1', partnerReferenceNo: 'INV-1', externalId: 'EXT-1' });
    expect(lineKeys(line({ ...payment(1), settleAt: 5 }))).toEqual({ clientId: 'BRN-1', partnerReferenceNo: 'INV-1', externalId: 'EXT-1' });
    expect(lineKeys(line({ ...payment(1), refunds: [refund('A')] }))).toBeUndefined();
    expect(lineKeys(line(payment(1, 'A\\"B')))).toBeUndefined();
    const { clientId, ...rest } = payment(1);
    expect(lineKeys(JSON.stringify({ ...rest, clientId }))).toBeUndefined(); // keys in another order
  });
});
