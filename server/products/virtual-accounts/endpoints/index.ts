/** The virtual-account endpoints, in the order of a VA's life (docs/doku.md §14.4–§14.7). */
import type { EndpointDefinition } from '../../../endpoint.js';
import { createVa } from './create-va.js';
import { deleteVa } from './delete-va.js';
import { updateVa } from './update-va.js';
import { vaStatus } from './va-status.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ENDPOINTS: readonly EndpointDefinition<any>[] = [createVa, vaStatus, updateVa, deleteVa];
