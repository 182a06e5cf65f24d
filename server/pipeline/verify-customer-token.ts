/**
 * Step 9 of docs/doku.md §1.8: the customer (B2B2C) token in `Authorization-Customer`, with or without
 * `Bearer ` (the Node, PHP, Java and Python SDKs send it bare, Go with the prefix: docs/sdks.md).
 */
import type { Deps } from '../deps.js';
import { verifyJwt, type TokenClaims } from '../auth/jwt.js';
import { H } from '../snap/headers.js';
import { customerTokenNotFound, invalidCustomerToken } from '../snap/errors.js';
import type { Binding } from '../store/types.js';
import type { HeaderGet } from './check-headers.js';

export async function verifyCustomerToken(
  get: HeaderGet,
  clientId: string,
  deps: Deps,
  now: number,
): Promise<{ claims: TokenClaims; binding: Binding }> {
  const header = get(H.authorizationCustomer);
  if (!header) throw customerTokenNotFound('header Authorization-Customer is missing');
  const token = header.replace(/^Bearer\s+/i, '');
  const result = await verifyJwt(deps.config.jwtPublicKey, token, 'B2B2C', now);
  if (!result.ok)
    throw invalidCustomerToken(
      result.why === 'expired'
        ? 'the customer token has expired: refresh it'
        : 'Authorization-Customer is not a customer token issued by this sandbox',
    );
  const binding =
    result.claims.epoch === deps.store.tokenEpochOf(result.claims.clientId) && result.claims.sub
      ? deps.store.bindings.byReferenceNo(result.claims.sub)
      : undefined;
  if (!binding) throw customerTokenNotFound('the customer token is unknown here (state was reset?)');
  if (result.claims.clientId !== clientId) throw invalidCustomerToken('the customer token belongs to another merchant');
  return { claims: result.claims, binding };
}
