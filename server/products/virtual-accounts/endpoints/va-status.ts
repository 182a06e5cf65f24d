/**
 * POST /orders/v1.0/transfer-va/status — service 26 (docs/doku.md §14.7): the VA, its latest
 * payment (or the one `paymentRequestId` names) and `paymentFlagReason`, which Node's SDK cannot do
 * without. Unknown VA: `4042612`. Aliases: DOKU's older path and one a client uses.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { snapError } from '../../../snap/errors.js';
import { vaIdentity } from '../fields.js';
import { statusData } from '../domain/answer.js';
import { findVa } from '../domain/va-state.js';

const schema = (config: Parameters<typeof vaIdentity>[0]) =>
  z.object({
    ...vaIdentity(config),
    inquiryRequestId: z.string().max(128).optional(),
    paymentRequestId: z.string().max(128).optional(),
    // Go types additionalInfo as a string pointer here, Java as Object, client QS sends {}: any is accepted
    additionalInfo: z.unknown().optional(),
  });
type Body = z.infer<ReturnType<typeof schema>>;

export const vaStatus: EndpointDefinition<Body> = {
  name: 'va-status',
  path: '/orders/v1.0/transfer-va/status',
  aliases: ['/v1.0/transfer-va/status', '/virtual-accounts/bi-snap-va/v1.1/transfer-va/status'],
  serviceCode: () => '26',
  auth: 'symmetric',
  readOnly: true,
  schema,
  async handle({ deps, body, merchant, now }) {
    const va = findVa(deps.store, merchant.clientId, body);
    if (!va) throw snapError('404_12', 'no VA of this merchant has that number');
    if (body.paymentRequestId && !va.payments.some((p) => p.paymentRequestId === body.paymentRequestId))
      throw snapError('404_12', `the VA has no payment ${body.paymentRequestId}`);
    return { body: statusData(va, now, body) };
  },
};
