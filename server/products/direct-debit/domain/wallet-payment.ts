/**
 * E-wallet "jump app" payments (docs/doku.md §7.4): DANA and ShopeePay pay without a customer token
 * (no account binding), OVO `paymentType: "SALE"` with one; the answer carries a `webRedirectUrl`
 * to the wallet's approval page, here the sandbox's hosted wallet page (wallet-page/), where the
 * tester approves or declines. The payment stays PENDING until then, and fails by itself at
 * `validUpTo`. Its outcome reaches check status and the notification like any settlement.
 */
import { randomBytes } from 'node:crypto';
import { H } from '../../../snap/headers.js';
import { invalidMandatoryField } from '../../../snap/errors.js';
import type { Binding, PaymentRecord } from '../../../store/types.js';

const WITHOUT_BINDING = new Set(['EMONEY_DANA_SNAP', 'EMONEY_SHOPEE_PAY_SNAP', 'EMONEY_SHOPEEPAY_SNAP']);
/** How long the page stays open when the request names no validUpTo (DOKU documents no default). */
const DEFAULT_VALIDITY_MS = 30 * 60_000;

export const WALLET_PAGE_PATH = '/direct-debit/wallet/pay';

export interface WalletRequest {
  channel: string;
  paymentType?: string;
  customer?: { binding: Binding };
  urlParam?: { url?: string; type?: string } | Array<{ url?: string; type?: string }>;
  validUpTo?: string;
  orderTitle?: string;
  deviceId?: string;
  deviceIdRequired: boolean;
}

/** Whether this payment goes through the wallet's page (OVO RECURRING, and cards, are paid at once). */
export function isWalletPayment(r: Pick<WalletRequest, 'channel' | 'paymentType' | 'customer'>): boolean {
  if (r.channel === 'EMONEY_OVO_SNAP') return r.paymentType === 'SALE';
  return WITHOUT_BINDING.has(r.channel) && !r.customer;
}

/** The page's session: where the customer goes back to (urlParam PAY_RETURN) and when it expires. */
export function walletSession(r: WalletRequest, now: number): NonNullable<PaymentRecord['wallet']> {
  // DOKU's DANA page requires X-DEVICE-ID (ShopeePay's now marks it optional); DOKU's Node SDK never
  // sends it (docs/sdks.md): strict mode only.
  if (r.deviceIdRequired && r.channel === 'EMONEY_DANA_SNAP' && !r.deviceId)
    throw invalidMandatoryField(H.deviceId, 'e-wallet payments need X-DEVICE-ID (DOKU_DEVICE_ID_MODE=strict)');
  const params = r.urlParam === undefined ? [] : Array.isArray(r.urlParam) ? r.urlParam : [r.urlParam];
  const back = params.find((p) => p.type === 'PAY_RETURN') ?? params[0];
  return {
    sessionId: `WALLET-${randomBytes(12).toString('base64url')}`,
    ...(back?.url ? { returnUrl: back.url } : {}),
    ...(r.orderTitle ? { orderTitle: r.orderTitle } : {}),
    expiresAt: r.validUpTo ? Date.parse(r.validUpTo) : now + DEFAULT_VALIDITY_MS,
  };
}
