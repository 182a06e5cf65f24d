/** A store's whole state as JSON. */
import type { Store } from '../../server/store/store.js';
import type { Binding, PaymentRecord } from '../../server/store/types.js';

export const stateOf = (store: Store): string => JSON.stringify(store.data);

/** The i-th of a series of distinct payments of merchant BRN-1, for the store's own tests. */
export const paymentRecord = (i: number, partnerReferenceNo = `INV-${i}`): PaymentRecord => ({
  referenceNo: `REF${String(i).padStart(6, '0')}`,
  clientId: 'BRN-1',
  partnerReferenceNo,
  externalId: `EXT-${i}`,
  amount: { value: `${i}.00`, currency: 'IDR' },
  requestKey: `k${i}`,
  status: 'SUCCESS',
  responseCode: '2005400',
  responseMessage: 'Successful',
  createdAt: i,
  refunds: [],
});

/** An ACTIVE card binding of merchant BRN-1 with `balance`, for the store's own tests. */
export const bindingRecord = (referenceNo: string, balance: string): Binding => ({
  kind: 'CARD',
  referenceNo,
  clientId: 'BRN-1',
  custIdMerchant: 'C1',
  mode: 'H2H',
  status: 'ACTIVE',
  fingerprint: `fp-${referenceNo}`,
  maskedNo: '5221********7890',
  sessionId: `S-${referenceNo}`,
  chargeToken: `CH-${referenceNo}`,
  otpAttempts: 0,
  otpExpiresAt: 0,
  createdAt: 0,
  balance,
});
