/**
 * The binding a `tokenId` names on unbind: its card/account token, or a customer (B2B2C) access
 * token of it (DOKU's account unbinding takes the B2B2C token; the Node SDK README does the same
 * for cards, and a DH merchant only ever receives the authCode).
 */
import { verifyJwt } from '../../../auth/jwt.js';
import type { Deps } from '../../../deps.js';
import type { Binding } from '../../../store/types.js';

export async function bindingOfTokenId(tokenId: string, clientId: string, deps: Deps, now: number): Promise<Binding | undefined> {
  let binding = deps.store.bindings.byBankCardToken(tokenId);
  if (!binding && tokenId.split('.').length === 3) {
    const result = await verifyJwt(deps.config.jwtPublicKey, tokenId, 'B2B2C', now);
    const known = result.ok && result.claims.epoch === deps.store.tokenEpochOf(result.claims.clientId) && result.claims.sub;
    binding = known ? deps.store.bindings.byReferenceNo(known) : undefined;
  }
  return binding && binding.clientId === clientId ? binding : undefined;
}
