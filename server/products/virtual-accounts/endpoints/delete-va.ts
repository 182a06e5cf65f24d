/**
 * DELETE /virtual-accounts/bi-snap-va/v1.1/transfer-va/delete-va — service 31 (docs/doku.md §14.6),
 * with a signed JSON body (the body hash covers it, as for POST). Unknown or already deleted:
 * `4043112`; a paid single-use VA: `4043114`. A deleted VA's number may be created again.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { origin, str } from '../../../snap/fields.js';
import { snapError } from '../../../snap/errors.js';
import { vaChannel, vaIdentity } from '../fields.js';
import { deletedData } from '../domain/answer.js';
import { findVa, stateAt } from '../domain/va-state.js';

const schema = (config: Parameters<typeof vaIdentity>[0]) =>
  z.object({
    ...vaIdentity(config),
    trxId: str(64).optional(),
    additionalInfo: z
      .object({ channel: vaChannel(config).optional(), origin })
      .passthrough()
      .optional(),
  });
type Body = z.infer<ReturnType<typeof schema>>;

export const deleteVa: EndpointDefinition<Body> = {
  name: 'va-delete',
  method: 'DELETE',
  path: '/virtual-accounts/bi-snap-va/v1.1/transfer-va/delete-va',
  serviceCode: () => '31',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now }) {
    const va = findVa(deps.store, merchant.clientId, body);
    if (!va || va.status === 'DELETED') throw snapError('404_12', 'no VA of this merchant has that number (or it was deleted)');
    if (body.trxId && va.trxId !== body.trxId) throw snapError('404_12', `the VA's trxId is ${va.trxId}, not ${body.trxId}`);
    if (stateAt(va, now) === 'PAID') throw snapError('404_14', 'a paid single-use VA cannot be deleted');
    deps.store.updateVa(va, { status: 'DELETED' });
    return { body: { virtualAccountData: deletedData(va) } };
  },
};
