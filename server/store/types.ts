/** What the sandbox keeps. Wire names stay verbatim where a record mirrors a DOKU field. */

export type BindingStatus = 'PENDING_OTP' | 'ACTIVE' | 'PENDING_UNBIND' | 'INACTIVE' | 'FAILED' | 'EXPIRED';

export interface AccessTokenRecord {
  jti: string;
  clientId: string;
  /** epoch seconds */
  exp: number;
}

export interface CardBinding {
  referenceNo: string;
  clientId: string;
  custIdMerchant: string;
  partnerReferenceNo?: string;
  channel?: string;
  mode: 'DH' | 'H2H';
  status: BindingStatus;
  /** HMAC of the card number per merchant: finds duplicates without storing the PAN. */
  cardFingerprint: string;
  maskedCardNo: string;
  bankCardType: string;
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
  bankCardToken?: string;
  authCode?: string;
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

export interface CustomerTokenRecord {
  jti: string;
  clientId: string;
  bindingRef: string;
  exp: number;
}

export interface RefreshTokenRecord {
  refreshToken: string;
  clientId: string;
  bindingRef: string;
  exp: number;
}

export interface Data {
  version: 1;
  accessTokens: Record<string, AccessTokenRecord>;
  customerTokens: Record<string, CustomerTokenRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  authCodes: Record<string, AuthCodeRecord>;
  bindings: Record<string, CardBinding>;
}

export const emptyData = (): Data => ({
  version: 1,
  accessTokens: {},
  customerTokens: {},
  refreshTokens: {},
  authCodes: {},
  bindings: {},
});
