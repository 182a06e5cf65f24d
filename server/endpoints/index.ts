/** Every emulated DOKU endpoint, in the order of the KKI flow (docs/doku.md §13). */
import type { EndpointDefinition } from './types.js';
import { tokenB2b } from './token-b2b.js';
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
  tokenB2b,
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
