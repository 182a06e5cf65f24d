/**
 * The response codes each emulated endpoint documents (docs/doku.md §3.1, §3.2, §4.5, §5, §6.3, §7.3, §8.3,
 * docs/doku.md §9, §10; where DOKU lists none, the SNAP generic set of docs/doku.md §11.2). Success (`200_00`) is implied.
 * The scenario library ships one file per entry here; a test keeps the two in step.
 */
import type { CaseKey } from './response-codes.js';

const AUTH: CaseKey[] = ['401_00', '401_01', '401_03'];
const FORMAT: CaseKey[] = ['400_00', '400_01', '400_02'];
/** Endpoints that take a customer token as well: its invalid and unknown cases too. */
const CUSTOMER_AUTH: CaseKey[] = [...AUTH, '401_02', '401_04'];
const SERVER: CaseKey[] = ['500_00', '500_01', '500_02', '504_00'];

export const DOCUMENTED_CASES: Record<string, readonly CaseKey[]> = {
  'token-b2b': [...FORMAT, '401_00', '500_00', '504_00'],
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
