/**
 * The response codes each QRIS endpoint documents (docs/doku.md §15.7; DOKU's page and SNAP's MPM
 * services, the "not found"/"duplicate"/"limit" cases the spec's mock choices), their scenario names
 * and docs sections. Success (`200_00`) is implied.
 */
import type { EndpointCatalogue } from '../../product.js';
import { AUTH, FORMAT, SERVER_DOWN } from '../../snap/case-sets.js';

export const CATALOGUE: Record<string, EndpointCatalogue> = {
  'qris-generate': {
    cases: [...FORMAT, ...AUTH, '404_08', '404_17', '409_00', '409_01', ...SERVER_DOWN],
    prefix: 'qris-generate',
    docs: 'docs/doku.md §15.1',
    parser: { omit: 'qrContent', omitWhy: 'every client that calls DOKU fails without it (nothing to show the customer)' },
  },
  'qris-query': {
    cases: [...FORMAT, ...AUTH, '404_01', '409_00', ...SERVER_DOWN],
    prefix: 'qris-query',
    docs: 'docs/doku.md §15.3',
    parser: { omit: 'latestTransactionStatus', omitWhy: 'clients then read the QR as pending (03) forever' },
  },
  'qris-decode': {
    cases: [...FORMAT, ...AUTH, '409_00', ...SERVER_DOWN],
    prefix: 'qris-decode',
    docs: 'docs/doku.md §15.5',
    parser: {},
  },
  'qris-cancel': {
    cases: [...FORMAT, ...AUTH, '404_00', '404_01', '409_00', ...SERVER_DOWN],
    prefix: 'qris-cancel',
    docs: 'docs/doku.md §15.5',
    parser: {},
  },
  'qris-refund': {
    cases: [...FORMAT, ...AUTH, '403_02', '404_00', '404_01', '404_13', '409_00', '409_01', ...SERVER_DOWN],
    prefix: 'qris-refund',
    docs: 'docs/doku.md §15.5',
    parser: {},
  },
};
