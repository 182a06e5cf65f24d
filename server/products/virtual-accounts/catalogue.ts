/**
 * The response codes each VA endpoint documents (docs/doku.md §14.10; DOKU's pages give the success
 * codes and the SDK simulators the rest, the "not found"/"paid" cases are SNAP's, docs/doku.md §11.2),
 * their scenario names and docs sections. Success (`200_00`) is implied.
 */
import type { EndpointCatalogue } from '../../product.js';
import { AUTH, FORMAT, SERVER_DOWN } from '../../snap/case-sets.js';

export const CATALOGUE: Record<string, EndpointCatalogue> = {
  'va-create': {
    cases: [...FORMAT, ...AUTH, '409_00', '409_01', '500_00', '500_01', '504_00'],
    prefix: 'va-create',
    docs: 'docs/doku.md §14.4',
    parser: {
      omit: 'virtualAccountData',
      omitWhy: "Node's createVa dereferences it (CreateVAResponseDTO): a TypeError in the merchant's code",
    },
  },
  'va-status': {
    cases: [...FORMAT, ...AUTH, '404_12', '409_00', ...SERVER_DOWN],
    prefix: 'va-status',
    docs: 'docs/doku.md §14.7',
    parser: { omit: 'additionalInfo', omitWhy: 'Go and Java read additionalInfo.acquirer' },
  },
  'va-update': {
    cases: [...FORMAT, ...AUTH, '404_12', '404_14', '409_00', ...SERVER_DOWN],
    prefix: 'va-update',
    docs: 'docs/doku.md §14.6',
    parser: {},
  },
  'va-delete': {
    cases: [...FORMAT, ...AUTH, '404_12', '404_14', '409_00', ...SERVER_DOWN],
    prefix: 'va-delete',
    docs: 'docs/doku.md §14.6',
    parser: {},
  },
};
