/** POST /authorization/v1/access-token/b2b — service 73 (docs/doku.md §3.1). */
import { z } from 'zod';
import { issueB2bToken } from './jwt.js';
import { H } from '../snap/headers.js';
import { SERVICE_CODES } from '../snap/response-codes.js';
import type { EndpointDefinition } from '../endpoint.js';

const schema = z.object({
  grantType: z.literal('client_credentials'),
  // DOKU's sample sends "", PHP sends [] (docs/sdks.md): anything is accepted and ignored.
  additionalInfo: z.unknown().optional(),
});

export const tokenB2b: EndpointDefinition<z.infer<typeof schema>> = {
  name: 'token-b2b',
  path: '/authorization/v1/access-token/b2b',
  serviceCode: () => SERVICE_CODES.tokenB2b,
  auth: 'asymmetric',
  schema: () => schema,
  async handle({ deps, merchant, now }) {
    const ttl = deps.config.tokenTtlSeconds;
    // not stored: the epoch claim is what makes it known (auth/jwt.ts)
    const accessToken = await issueB2bToken(deps.config.jwtPrivateKey, {
      jti: deps.ids.tokenId(),
      clientId: merchant.clientId,
      epoch: deps.store.tokenEpochOf(merchant.clientId),
      nowMs: now,
      ttlSeconds: ttl,
    });
    // expiresIn is a number: the Go SDK unmarshals it into an int, Node needs it truthy (docs/settings.md #18).
    return { body: { accessToken, tokenType: 'Bearer', expiresIn: ttl }, headers: { [H.clientKey]: merchant.clientId } };
  },
};
