/** What the sandbox keeps. Wire names stay verbatim where a record mirrors a DOKU field. */
import { randomBytes } from 'node:crypto';
import type { MerchantInput } from '../config/merchant-input.js';
import type { QrisRecord } from './qris-records.js';
import type { VaBankAttempt, VirtualAccountRecord } from './va-records.js';

export type BindingStatus = 'PENDING_OTP' | 'ACTIVE' | 'PENDING_UNBIND' | 'INACTIVE' | 'FAILED' | 'EXPIRED';

/** A card (registration-card-bind) or an e-wallet/bank account (registration-account-binding). */
export interface Binding {
  kind: 'CARD' | 'ACCOUNT';
  referenceNo: string;
  clientId: string;
  custIdMerchant: string;
  partnerReferenceNo?: string;
  channel?: string;
  mode: 'DH' | 'H2H';
  status: BindingStatus;
  /** HMAC of the card number (or channel + phone) per merchant: finds duplicates without storing the PAN. */
  fingerprint: string;
  /** masked card number or phone number, for display */
  maskedNo: string;
  bankCardType?: string;
  expiryDate?: string;
  phoneNo?: string;
  customerName?: string;
  successRegistrationUrl?: string;
  failedRegistrationUrl?: string;
  sessionId: string;
  chargeToken: string;
  otpAttempts: number;
  /** epoch ms */
  otpExpiresAt: number;
  /** the card token (cards) or account token (accounts), issued on activation */
  bankCardToken?: string;
  authCode?: string;
  /** available balance, a SNAP amount value ("1500000.00"), set on activation; payments and refunds move it */
  balance?: string;
  createdAt: number;
  activatedAt?: number;
  /** epoch ms at which a PENDING_UNBIND binding becomes INACTIVE */
  inactiveAt?: number;
}

export interface AuthCodeRecord {
  authCode: string;
  clientId: string;
  bindingRef: string;
  exp: number;
  used: boolean;
}

export interface RefreshTokenRecord {
  refreshToken: string;
  clientId: string;
  bindingRef: string;
  exp: number;
}

export interface RefundRecord {
  refundNo: string;
  partnerRefundNo: string;
  refundAmount: { value: string; currency: string };
  reason?: string;
  /** epoch ms */
  refundTime: number;
  externalId: string;
}

/** SNAP latestTransactionStatus is derived from this (docs/doku.md §9): SUCCESS → 00 (04 once fully refunded). */
export type PaymentStatus = 'SUCCESS' | 'PENDING' | 'FAILED';

export interface PaymentRecord {
  referenceNo: string;
  clientId: string;
  partnerReferenceNo: string;
  externalId: string;
  amount: { value: string; currency: string };
  channel?: string;
  /** the binding paid with; absent for a CPAN-only payment */
  bindingRef?: string;
  /** paid without a customer token (a CPAN alone): its refunds need none either (docs/doku.md §8.1, docs/settings.md #28) */
  noCustomerToken?: true;
  /** what identifies "the same payment" for the partnerReferenceNo rules (docs/doku.md §12 step 4) */
  requestKey: string;
  status: PaymentStatus;
  responseCode: string;
  responseMessage: string;
  approvalCode?: string;
  createdAt: number;
  paidTime?: number;
  refunds: RefundRecord[];
  /** the scenario the payment was created under: its status checks and refunds follow it */
  scenario?: string;
  /** an e-wallet payment waiting on the wallet's page (products/direct-debit/domain/wallet-payment.ts) */
  wallet?: { sessionId: string; returnUrl?: string; expiresAt: number; orderTitle?: string };
  /** a bank payment waiting for the customer's OTP and/or PIN on the issuer's page (products/direct-debit/domain/issuer-payment.ts) */
  issuer?: IssuerSession;
  /** the customer's device as the payment's request named it (X-IP-ADDRESS, X-DEVICE-ID): its notification repeats them */
  device?: { ip?: string; id?: string };
  /** `additionalInfo.lineItems` as the payment sent them: its notification repeats them */
  lineItems?: unknown[];
  /** a refused payment's wrong `otp`s so far for its partnerReferenceNo (docs/doku.md §7.2): the next attempt counts on */
  otpFailures?: number;
  /** a payment that waited on a customer's page and was closed: cancelled there, or expired (SNAP status 05) */
  closed?: 'CANCELED' | 'EXPIRED';
  /** PENDING payments (forced 202, or an e-wallet page): when and how they settle by themselves */
  settleAt?: number;
  settleTo?: 'SUCCESS' | 'FAILED';
}

/** What settling a PENDING payment decides (products/direct-debit/domain/settle.ts). */
export type PaymentOutcome = Pick<PaymentRecord, 'status' | 'responseCode' | 'responseMessage'> &
  Partial<Pick<PaymentRecord, 'paidTime' | 'approvalCode' | 'closed'>>;

/** The issuer's verification of one payment: its page, what it asks for, and the wrong codes so far. */
export interface IssuerSession {
  sessionId: string;
  /** epoch ms: the page closes and the payment expires */
  expiresAt: number;
  /** what the page asks for: the OTP, and the PIN too where the bank does (docs/doku.md §7.5) */
  asks: 'OTP' | 'OTP_PIN';
  otpAttempts: number;
  successUrl?: string;
  failedUrl?: string;
}

/** A merchant registered at run time (POST /__mock/merchants), as given (config/merchant-input.ts). */
export type MerchantRecord = MerchantInput & { createdAt: number };

/** One try at delivering a notification (notify/deliver.ts), as the delivery log shows it. */
export interface NotificationAttempt {
  /** epoch ms */
  at: number;
  url: string;
  /** the X-EXTERNAL-ID of this attempt: each attempt has its own, as a replayed one would be a forgery */
  externalId: string;
  /** as sent; the bearer token shown as `Bearer ****` */
  requestHeaders: Record<string, string>;
  /** the merchant's HTTP status, null when there was none (refused, timed out, the token request failed) */
  status: number | null;
  /** the start of the merchant's answer */
  responseBody?: string;
  latencyMs: number;
  error?: string;
  /** a 2xx whose body says the handler failed (its responseCode is not 2xx, e.g. 5005600): DOKU counts it delivered */
  warning?: string;
}

/** A payment notification, DOKU → merchant (docs/doku.md §10.4), and its delivery so far. */
export interface NotificationRecord {
  id: string;
  referenceNo: string;
  clientId: string;
  /** the same body on every attempt */
  body: Record<string, unknown>;
  /** the customer's device the headers name (the payment's) */
  device?: { ip?: string; id?: string };
  /** a payment method with a notification URL of its own (config/keys.ts notificationUrlOf) */
  method?: 'VIRTUAL_ACCOUNT' | 'QRIS';
  /** signed as DOKU's SNAP notifications (the default), or as its non-SNAP (Checkout) ones: notify/sign-non-snap.ts */
  signing?: 'non-snap';
  createdAt: number;
  /** NOT_SENT: no notification URL was configured; FAILED: every retry used up */
  state: 'PENDING' | 'DELIVERED' | 'FAILED' | 'NOT_SENT';
  reason?: string;
  /** epoch ms of the next attempt, while PENDING */
  nextAt?: number;
  attempts: NotificationAttempt[];
}

/** A stored answer for the X-EXTERNAL-ID idempotency rule (docs/doku.md §12). */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: Record<string, unknown>;
}

export interface Data {
  version: 1;
  /**
   * Named in every access token this state issued (auth/jwt.ts); a reset makes a new one. Access
   * and customer tokens are not stored otherwise; refresh tokens are (single use).
   */
  tokenEpoch: string;
  refreshTokens: Record<string, RefreshTokenRecord>;
  authCodes: Record<string, AuthCodeRecord>;
  bindings: Record<string, Binding>;
  payments: Record<string, PaymentRecord>;
  /** virtual accounts by id (store/va-records.ts) */
  virtualAccounts: Record<string, VirtualAccountRecord>;
  /** by id: tries at paying a VA, paid or refused, with DOKU's inquiry to the merchant when there was one (Store.vaAttempted keeps 1 000) */
  vaAttempts: Record<string, VaBankAttempt>;
  /** generated QRIS by DOKU's referenceNo (store/qris-records.ts) */
  qris: Record<string, QrisRecord>;
  /** a merchant reset on its own (POST /__mock/reset {clientId}) gets a token epoch of its own (auth/jwt.ts) */
  merchantEpochs: Record<string, string>;
  /** merchants registered at run time, by clientId: kept across a reset, like those of the settings */
  merchants: Record<string, MerchantRecord>;
  /** by id: the newest ones, pending or finished (Store.addNotification keeps at most 1 000) */
  notifications: Record<string, NotificationRecord>;
  /** Asia/Jakarta day → `X-PARTNER-ID|X-EXTERNAL-ID` → stored answer */
  idempotency: Record<string, Record<string, IdempotencyRecord>>;
}

/** A record's place in Data: its collection, then its key(s). */
export type Path = readonly [keyof Data, ...string[]];

export const newTokenEpoch = (): string => randomBytes(9).toString('base64url');

export const emptyData = (): Data => ({
  version: 1,
  tokenEpoch: newTokenEpoch(),
  refreshTokens: {},
  authCodes: {},
  bindings: {},
  payments: {},
  virtualAccounts: {},
  vaAttempts: {},
  qris: {},
  notifications: {},
  merchants: {},
  merchantEpochs: {},
  idempotency: {},
});
