/**
 * Token endpoints (docs/doku.md §2.1, §3.1): X-CLIENT-KEY must be a configured merchant and X-SIGNATURE a
 * SHA256withRSA signature of `X-CLIENT-KEY|X-TIMESTAMP` by its key; else `401xx00`.
 */
import type { Merchant } from '../config/load.js';
import type { MerchantRegistry } from '../merchants.js';
import { H } from '../snap/headers.js';
import { invalidSignature, unknownClient } from '../snap/errors.js';
import { verifyAsymmetric } from '../snap/signature.js';
import type { HeaderGet } from './check-headers.js';

export function verifyTokenRequest(get: HeaderGet, merchants: MerchantRegistry): Merchant {
  const clientId = get(H.clientKey)!;
  const merchant = merchants.find(clientId);
  if (!merchant) throw unknownClient(`X-CLIENT-KEY "${clientId.slice(0, 64)}" is not a configured merchant`);
  if (!verifyAsymmetric(merchant.publicKey, clientId, get(H.timestamp)!, get(H.signature)!)) {
    throw invalidSignature(
      'X-SIGNATURE is not SHA256withRSA(merchant private key, "X-CLIENT-KEY|X-TIMESTAMP") for the configured public key',
    );
  }
  return merchant;
}
