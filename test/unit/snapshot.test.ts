/** The JSON snapshot: plain, readable JSON one record per line, read back exactly, edits honoured, earlier versions' files read. */
import { readFileSync, writeFileSync } from 'node:fs';
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

describe('snapshot', () => {
  let file: string;
  eachTempState('snapshot-', (_d, f) => (file = f));

  /** 50 payments (one refunded, one with a quote and a backslash in its partnerReferenceNo), stopped cleanly. */
  async function written(): Promise<string> {
    const store = await Store.open(file);
    for (let i = 0; i < 50; i++) store.insertPayment(payment(i, i === 7 ? 'INV "7" \\ 7' : undefined));
    store.addRefund(store.findPayment('REF000003')!, refund('RFD-3'));
    await store.commit();
    const expected = stateOf(store);
    await store.close();
    return expected;
  }

  test('a clean stop leaves plain JSON, one payment per line, naming the log generation that follows it (not part of the state)', async () => {
    const expected = await written();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('"REF0000'))).toHaveLength(50);
    expect(Object.keys(JSON.parse(text).payments)).toHaveLength(50);
    expect(JSON.parse(text).walGen).toBe(1);
    const again = await Store.open(file);
    expect('walGen' in again.data).toBe(false);
    expect(stateOf(again)).toBe(expected);
  });

  test('every lookup finds the payments read from it', async () => {
    await written();
    const store = await Store.open(file);
    expect(store.payments.byPartnerReferenceNo('BRN-1', 'INV-10')).toBe(store.findPayment('REF000010'));
    expect(store.payments.byPartnerReferenceNo('BRN-1', 'INV "7" \\ 7')?.referenceNo).toBe('REF000007');
    expect(store.payments.byExternalId('BRN-1', 'EXT-20')?.referenceNo).toBe('REF000020');
    expect(store.payments.byRefundNo('BRN-1', 'RFD-3')?.referenceNo).toBe('REF000003');
    expect(store.payments.byPartnerReferenceNo('BRN-2', 'INV-10')).toBeUndefined();
  });

  test('a payment found before a compaction and changed after it keeps the change, in memory and after a restart', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 10; i++) store.insertPayment(payment(i));
    await store.commit();
    const held = store.findPayment('REF000004')!;
    await store.compact();
    store.addRefund(held, refund('LATE'));
    expect(store.payments.byRefundNo('BRN-1', 'LATE')).toBe(held);
    await store.commit();
    const again = await Store.open(file); // the snapshot plus the log
    expect(again.findPayment('REF000004')!.refunds.map((r) => r.partnerRefundNo)).toEqual(['LATE']);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  test('a large state (a payment with 5 000 refunds, 8 000 payments, 3 000 tokens) is written in chunks and read back exactly', async () => {
    const store = await Store.open(file);
    for (let i = 0; i < 3000; i++)
      store.saveRefreshToken({ refreshToken: `rt-${i}`, clientId: 'BRN-1', bindingRef: 'B', exp: 2_000_000_000 }, 1_000_000_000);
    for (let i = 0; i < 8000; i++) store.insertPayment(payment(i));
    const big = store.findPayment('REF004000')!;
    for (let r = 0; r < 5000; r++) store.addRefund(big, refund(`BIG-${r}`));
    await store.commit();
    const expected = stateOf(store);
    await store.close();
    const again = await Store.open(file);
    expect(again.payments.byRefundNo('BRN-1', 'BIG-4999')?.referenceNo).toBe('REF004000');
    expect(again.payments.byExternalId('BRN-1', 'EXT-6000')?.referenceNo).toBe('REF006000');
    expect(stateOf(again)).toBe(expected);
  });

  test('an edit by hand counts; an edit that breaks a record stops the start, naming the file, line and column', async () => {
    await written();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"partnerReferenceNo":"INV-10"', '"partnerReferenceNo":"EDITED-10"'));
    const edited = await Store.open(file);
    expect(edited.payments.byPartnerReferenceNo('BRN-1', 'EDITED-10')?.referenceNo).toBe('REF000010');
    const broken = text.replace('"partnerReferenceNo":"INV-10"', '"partnerReferenceNo":INV-10"');
    writeFileSync(file, broken);
    const error = (await Store.open(file).catch((e: Error) => e)) as Error;
    const [, line, column] = /^.*: not valid JSON at line (\d+), column (\d+): /.exec(error.message) ?? [];
    expect(error.message.startsWith(`${file}: `)).toBe(true);
    expect(broken.split('\n')[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^INV-10"/);
  });

  test('a snapshot of the version before issue #19 (journalGen, a checksum trailer) is read, its log generation replayed', async () => {
    const p1 = payment(1);
    const earlier = {
      version: 1,
      journalGen: 3,
      tokenEpoch: 'abcdefghijkl',
      refreshTokens: {},
      authCodes: {},
      bindings: {},
      payments: { [p1.referenceNo]: p1 },
      idempotency: {},
    };
    writeFileSync(file, JSON.stringify(earlier).replace(/}$/, ',\n"checksum": "crc32:0badc0de"\n}\n'));
    const p2 = payment(2);
    writeFileSync(`${file}.journal-3.jsonl`, `{"journal":2}\n${JSON.stringify({ p: ['payments', p2.referenceNo], v: p2 })}\n{"end":1}\n`);
    const store = await Store.open(file);
    expect([store.findPayment(p1.referenceNo)?.partnerReferenceNo, store.findPayment(p2.referenceNo)?.partnerReferenceNo]).toEqual([
      'INV-1',
      'INV-2',
    ]);
    expect(['checksum' in store.data, 'journalGen' in store.data, store.tokenEpoch]).toEqual([false, false, 'abcdefghijkl']);
  });
});
