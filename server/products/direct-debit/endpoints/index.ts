/** The direct-debit endpoints, in the order of the KKI flow (docs/doku.md §13); the B2B token is the core's (auth/token-b2b.ts). */
import type { EndpointDefinition } from '../../../endpoint.js';
import { tokenB2b2c } from './token-b2b2c.js';
import { cardBind } from './card-bind.js';
import { otpVerification } from './otp-verification.js';
import { cardUnbind } from './card-unbind.js';
import { payment } from './payment.js';
import { checkStatus } from './check-status.js';
import { refund } from './refund.js';
import { balanceInquiry } from './balance-inquiry.js';
import { accountBinding } from './account-binding.js';
import { accountUnbinding } from './account-unbinding.js';

// Each endpoint has its own body type; the list holds them all, so it is typed by the widest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ENDPOINTS: readonly EndpointDefinition<any>[] = [
  tokenB2b2c,
  cardBind,
  otpVerification,
  payment,
  checkStatus,
  refund,
  balanceInquiry,
  cardUnbind,
  accountBinding,
  accountUnbinding,
];
