/**
 * POST /direct-debit/core/v1/registration-account-unbinding — service 09 (docs/doku.md §10.3). tokenId is
 * the customer (B2B2C) token of the account binding (or its account token). An unknown or foreign
 * token is `4010902 Invalid Customer Token` (the Java SDK's code for a bad token); an account
 * already unbound is `4030918 Inactive Card/Account/Customer`.
 */
import { z } from 'zod';
import { isActive } from '../domain/binding-status.js';
import { bindingOfTokenId } from '../domain/find-binding.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidCustomerToken, snapError } from '../../../snap/errors.js';
import type { Config } from '../../../config/load.js';
import { channel, origin } from './fields.js';
import type { EndpointDefinition } from '../../../endpoint.js';

function schema(config: Config) {
  return z.object({
    tokenId: z.string().min(1).max(2048),
    additionalInfo: z.object({ channel: channel(config).optional(), origin }).optional(),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const accountUnbinding: EndpointDefinition<Body> = {
  name: 'account-unbinding',
  path: '/direct-debit/core/v1/registration-account-unbinding',
  serviceCode: () => SERVICE_CODES.accountUnbinding,
  auth: 'symmetric',
  extraHeaders: [H.ipAddress],
  schema,
  async handle({ deps, body, merchant, now }) {
    const binding = await bindingOfTokenId(body.tokenId, merchant.clientId, deps, now);
    if (!binding || binding.kind !== 'ACCOUNT')
      throw invalidCustomerToken('tokenId is not a customer token of an account binding of this merchant');
    if (!isActive(binding, now)) throw snapError('403_18', 'the account is not bound (any more)');
    deps.store.updateBinding(binding, { status: 'INACTIVE', inactiveAt: now });
    return { body: { referenceNo: deps.ids.referenceNo(now) } };
  },
};
