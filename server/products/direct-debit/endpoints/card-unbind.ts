/**
 * POST /direct-debit/core/v1/registration-card-unbind — service 05 (docs/doku.md §6). Deactivates the
 * card token; an unknown, foreign or already inactive token is `4040511` (docs/doku.md §6.3). DOKU deactivates
 * asynchronously (docs/settings.md #17): the card is PENDING_UNBIND for DOKU_UNBIND_DELAY_SECONDS (0 default).
 * tokenId is the bankCardToken (DOKU's KKI page) or the binding's customer (B2B2C) access token:
 * the Node SDK README unbinds after getTokenB2B2C, and a DH merchant only ever receives the authCode.
 */
import { z } from 'zod';
import { isActive } from '../domain/binding-status.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidMandatoryField, snapError } from '../../../snap/errors.js';
import type { Config } from '../../../config/load.js';
import { channel, origin } from './fields.js';
import type { EndpointDefinition } from '../../../endpoint.js';
import { bindingOfTokenId } from '../domain/find-binding.js';

function schema(config: Config) {
  return z.object({
    tokenId: z.string().min(1).max(2048).optional(),
    // SNAP's own field name; DOKU uses tokenId (docs/settings.md #16).
    token: config.unbindTokenField ? z.string().min(1).max(2048).optional() : z.unknown().optional(),
    additionalInfo: z.object({ channel: channel(config).optional(), origin }).optional(),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const cardUnbind: EndpointDefinition<Body> = {
  name: 'card-unbind',
  path: '/direct-debit/core/v1/registration-card-unbind',
  serviceCode: () => SERVICE_CODES.cardUnbind,
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now }) {
    const tokenId = body.tokenId ?? (deps.config.unbindTokenField ? (body.token as string | undefined) : undefined);
    if (!tokenId) throw invalidMandatoryField('tokenId', 'tokenId (the bankCardToken) is required');
    const binding = await bindingOfTokenId(tokenId, merchant.clientId, deps, now);
    if (!binding || binding.kind !== 'CARD' || !isActive(binding, now)) {
      throw snapError('404_11', 'no ACTIVE card token of this merchant matches tokenId');
    }
    const delay = deps.config.unbindDelaySeconds * 1000;
    deps.store.updateBinding(binding, { status: delay > 0 ? 'PENDING_UNBIND' : 'INACTIVE', inactiveAt: now + delay });
    return { body: { referenceNo: deps.ids.referenceNo(now) } };
  },
};
