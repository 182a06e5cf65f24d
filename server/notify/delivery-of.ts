/**
 * Everything one attempt needs (notify/deliver.ts), from the settings: where and how it is signed
 * (DOKU_NOTIFICATION_SIGNED_TOKEN, DOKU_NOTIFICATION_CUSTOMER_TOKEN), the customer's device as the
 * payment named it, and two instants: the merchant's clock (the retry schedule) and real time
 * (X-TIMESTAMP: a handler checks freshness against its own clock, which the sandbox cannot move).
 */
import type { Deps } from '../deps.js';
import type { Merchant } from '../config/keys.js';
import { issueB2bToken } from '../auth/jwt.js';
import type { Delivery } from './deliver.js';

/** The customer's device when the payment named none: DOKU's header list has both; X-IP-ADDRESS is 10-15 characters in the SDKs. */
export const SANDBOX_DEVICE = { ip: '192.168.100.10', id: 'DOKUSANDBOX' };

export async function deliveryOf(
  deps: Deps,
  merchant: Merchant,
  url: string,
  body: Record<string, unknown>,
  device: { ip?: string; id?: string } = {},
): Promise<Delivery> {
  const { config, clock } = deps;
  const now = clock.now(merchant.clientId);
  const reading = config.notificationSignedToken;
  return {
    url,
    merchant,
    body,
    externalId: deps.ids.externalId(),
    dokuPrivateKey: config.jwtPrivateKey,
    timeoutMs: config.notificationTimeoutMs,
    now,
    stamp: clock.real(),
    device: { ip: device.ip ?? SANDBOX_DEVICE.ip, id: device.id ?? SANDBOX_DEVICE.id },
    reading,
    partnerId: config.callbackClientId || merchant.clientId,
    timestampForm: config.callbackTimestamp,
    customerToken: config.notificationCustomerToken === 'send',
    outbound: deps.outbound,
    // Node's helper signs with the merchant's own DOKU-issued B2B token: one the sandbox issues it now
    ...(reading === 'doku-issued' ? { dokuToken: await dokuIssuedToken(deps, merchant.clientId, now) } : {}),
  };
}

export function dokuIssuedToken(deps: Deps, clientId: string, now: number): Promise<string> {
  const { config, store, ids } = deps;
  return issueB2bToken(config.jwtPrivateKey, {
    jti: ids.tokenId(),
    clientId,
    epoch: store.tokenEpochOf(clientId),
    nowMs: now,
    ttlSeconds: config.tokenTtlSeconds,
  });
}
