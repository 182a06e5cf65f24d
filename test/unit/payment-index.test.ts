/** The payment indexes: lookups by partnerReferenceNo, externalId and partnerRefundNo, per merchant, before and after a rebuild. */
import { PaymentIndex } from '../../server/store/payment-index.js';
import type { PaymentRecord } from '../../server/store/types.js';

const pay = (ref: string, externalId: string, partnerReferenceNo = `INV-${ref}`): PaymentRecord => ({
  referenceNo: ref,
  clientId: 'BRN-1',
  partnerReferenceNo,
  externalId,
  amount: { value: '1.00', currency: 'IDR' },
  requestKey: 'k',
  status: 'SUCCESS',
  responseCode: '2005400',
  responseMessage: 'Successful',
  createdAt: 0,
  refunds: [],
});

describe('payment index', () => {
  test('externalId lookups see loaded and later payments, whether the index was built before or after them', () => {
    const all: Record<string, PaymentRecord> = { R1: pay('R1', 'X1'), R2: pay('R2', 'X2') };
    const index = new PaymentIndex();
    index.rebuild(all);
    all.R3 = pay('R3', 'X3');
    index.add(all.R3); // inserted before the first externalId lookup
    expect(['X1', 'X2', 'X3'].map((x) => index.byExternalId('BRN-1', x)?.referenceNo)).toEqual(['R1', 'R2', 'R3']);
    all.R4 = pay('R4', 'X4');
    index.add(all.R4); // after it
    expect(index.byExternalId('BRN-1', 'X4')?.referenceNo).toBe('R4');
    expect(index.byExternalId('BRN-2', 'X1')).toBeUndefined(); // per merchant
  });

  test('a reset (rebuild over new data) forgets the old externalIds', () => {
    const index = new PaymentIndex();
    index.rebuild({ R1: pay('R1', 'X1') });
    expect(index.byExternalId('BRN-1', 'X1')?.referenceNo).toBe('R1');
    index.rebuild({});
    expect(index.byExternalId('BRN-1', 'X1')).toBeUndefined();
  });

  test('partnerReferenceNo: the latest payment wins, as for retries after a failure', () => {
    const index = new PaymentIndex();
    const all = { R1: pay('R1', 'X1', 'INV-SAME'), R2: pay('R2', 'X2', 'INV-SAME') };
    index.rebuild(all);
    expect(index.byPartnerReferenceNo('BRN-1', 'INV-SAME')?.referenceNo).toBe('R2');
  });
});
