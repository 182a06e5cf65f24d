/** The QRIS endpoints, in the order of a QR's life (docs/doku.md §15.1–§15.5; decode and cancel are thin). */
import type { EndpointDefinition } from '../../../endpoint.js';
import { qrisCancel } from './cancel.js';
import { qrisDecode } from './decode.js';
import { qrisGenerate } from './generate.js';
import { qrisQuery } from './query.js';
import { qrisRefund } from './refund.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ENDPOINTS: readonly EndpointDefinition<any>[] = [qrisGenerate, qrisQuery, qrisDecode, qrisCancel, qrisRefund];
