/**
 * The response codes each emulated endpoint documents (docs/doku.md §3.1, §3.2, §4.5, §5, §6.3, §7.3, §8.3,
 * docs/doku.md §9, §10; where DOKU lists none, the SNAP generic set of docs/doku.md §11.2). Success (`200_00`) is implied.
 * The scenario library ships one file per entry here (scenario/library.ts); a test keeps the two in step.
 */
import type { EndpointCatalogue } from '../../product.js';
import type { CaseKey } from '../../snap/response-codes.js';
import { AUTH, CUSTOMER_AUTH, FORMAT, SERVER } from '../../snap/case-sets.js';

const CASES_OF: Record<string, readonly CaseKey[]> = {
  'token-b2b2c': [...FORMAT, '401_00', '500_00', '504_00'],
  'card-bind': [
    '202_00',
    ...FORMAT,
    ...AUTH,
    '403_05',
    '403_07',
    '403_08',
    '403_15',
    '403_18',
    '404_05',
    '404_08',
    '404_09',
    '404_11',
    '409_00',
    '409_01',
    ...SERVER,
  ],
  'otp-verification': [...FORMAT, ...AUTH, '403_11', '403_12', '404_01', '404_06', '404_15', '409_00', '409_01', '500_00', '504_00'],
  payment: [
    '202_00',
    ...FORMAT,
    ...CUSTOMER_AUTH,
    '403_00',
    '403_01',
    '403_02',
    '403_03',
    '403_04',
    '403_05',
    '403_07',
    '403_08',
    '403_11',
    '403_12',
    '403_13',
    '403_14',
    '403_15',
    '403_17',
    '403_18',
    '404_01',
    '404_08',
    '404_09',
    '404_11',
    '404_13',
    '404_15',
    '404_18',
    '409_00',
    '409_01',
    '429_00',
    ...SERVER,
  ],
  'check-status': [...FORMAT, ...AUTH, '404_01', '409_00', '500_00', '504_00'],
  refund: [
    '202_00',
    ...FORMAT,
    ...CUSTOMER_AUTH,
    '403_14',
    '404_00',
    '404_01',
    '404_13',
    '404_18',
    '405_01',
    '409_00',
    '409_01',
    ...SERVER,
  ],
  'balance-inquiry': [...FORMAT, '401_00', '401_01', '401_02', '401_03', '401_04', '403_18', '404_11', '409_00', '500_00', '504_00'],
  'card-unbind': [...FORMAT, ...AUTH, '403_08', '403_15', '404_11', '409_00', '500_00', '500_01', '500_02'],
  'account-binding': [...FORMAT, ...AUTH, '409_00', '409_01', '500_00', '504_00'],
  'account-unbinding': [...FORMAT, '401_00', '401_02', '403_18', '409_00', '500_00'],
};

const PREFIX: Record<string, string> = {
  'token-b2b2c': 'customer-token',
  'card-bind': 'card-bind',
  'otp-verification': 'otp',
  payment: 'payment',
  'check-status': 'status',
  refund: 'refund',
  'balance-inquiry': 'balance',
  'card-unbind': 'card-unbind',
  'account-binding': 'account-bind',
  'account-unbinding': 'account-unbind',
};

const DOCS: Record<string, string> = {
  'token-b2b2c': 'docs/doku.md §3.2',
  'card-bind': 'docs/doku.md §4.5',
  'otp-verification': 'docs/doku.md §5',
  'card-unbind': 'docs/doku.md §6.3',
  payment: 'docs/doku.md §7.3',
  refund: 'docs/doku.md §8.3',
  'check-status': 'docs/doku.md §9',
  'balance-inquiry': 'docs/doku.md §10.1',
  'account-binding': 'docs/doku.md §10.2',
  'account-unbinding': 'docs/doku.md §10.3',
};

/** Answers that break parsers (issue #25 item 8): where an SDK is known to fail on one, why. */
const PARSER: Record<string, EndpointCatalogue['parser']> = {
  'token-b2b2c': { omit: 'refreshTokenExpiryTime' },
  'card-bind': { omit: 'additionalInfo' },
  'otp-verification': { omit: 'tokenExpiryTime' },
  payment: {
    omit: 'webRedirectUrl',
    omitWhy: "PHP reads it without checking it exists (docs/sdks.md); DANA's answers may lack keys too (PHP's PR #34: additionalInfo)",
  },
  'check-status': { omit: 'additionalInfo' },
  refund: {
    extra: { additionalInfo: { channel: 'EMONEY_SHOPEE_PAY_SNAP' } },
    extraWhy: "DOKU's ShopeePay refund answer carries additionalInfo, on which Python's RefundResponse(**json) raises",
    omit: 'refundTime',
  },
  'balance-inquiry': {},
  'card-unbind': { omit: 'referenceNo' },
  'account-binding': { omit: 'additionalInfo', omitWhy: 'PHP reads additionalInfo.accountStatus and authCode unguarded' },
  'account-unbinding': { omit: 'referenceNo' },
};

export const CATALOGUE: Record<string, EndpointCatalogue> = Object.fromEntries(
  Object.entries(CASES_OF).map(([name, cases]) => [
    name,
    {
      cases,
      prefix: PREFIX[name]!,
      docs: DOCS[name]!,
      parser: PARSER[name],
      ...(name === 'refund' ? { slugs: { '404_13': 'exceeds-amount' } } : {}),
    },
  ]),
);
