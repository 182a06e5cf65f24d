/**
 * The SNAP response-code catalogue: responseCode = HTTP(3) + service(2) + case(2) (docs/doku.md §1.5, §11).
 * Messages are SNAP's / DOKU's verbatim strings, including their typos (docs/doku.md §11.2).
 * `{field}` and `[reason]` are placeholders filled in by the error factories.
 */

/** Service codes per emulated endpoint (docs/doku.md §11.1). Refund is configurable (docs/settings.md #1). */
export const SERVICE_CODES = {
  tokenB2b: '73',
  tokenB2b2c: '74',
  cardBind: '01',
  otpVerification: '04',
  cardUnbind: '05',
  accountBinding: '07',
  accountUnbinding: '09',
  balanceInquiry: '11',
  payment: '54',
  checkStatus: '55',
  refund: '07',
} as const;

/** Case codes keyed `HTTP_CASE` → message template (docs/doku.md §11.2, DOKU "Error Response - SNAP"). */
export const CASES = {
  '200_00': 'Successful',
  '202_00': 'Request In Progress',
  '400_00': 'Bad Request',
  '400_01': 'Invalid Field Format {field}',
  '400_02': 'Invalid Mandatory Field {field}',
  '401_00': 'Unauthorized. [reason]',
  '401_01': 'Invalid Token (B2B)',
  '401_02': 'Invalid Customer Token',
  '401_03': 'Token Not Found (B2B)',
  '401_04': 'Customer Token Not Found',
  '403_00': 'Transaction Expired',
  '403_01': 'Feature Not Allowed [reason]',
  '403_02': 'Exceeds Transaction Amount Limit',
  '403_03': 'Suspected Fraud',
  '403_04': 'Activity Count Limit Exceeded',
  '403_05': 'Do Not Honor',
  '403_06': 'Feature Not Allowed At This Time. [reason]',
  '403_07': 'Card Blocked',
  '403_08': 'Card Expired',
  '403_09': 'Dormant Account',
  '403_10': 'Need To Set Token Limit',
  '403_11': 'OTP Blocked',
  '403_12': 'OTP Lifetime Expired',
  '403_13': 'OTP Sent To Cardholer',
  '403_14': 'Insufficient Funds',
  '403_15': 'Transaction Not Permitted.[reason]',
  '403_16': 'Suspend Transaction',
  '403_17': 'Token Limit Exceeded',
  '403_18': 'Inactive Card/Account/Customer',
  '403_19': 'Merchant Blacklisted',
  '403_20': 'Merchant Limit Exceed',
  '403_21': 'Set Limit Not Allowed',
  '403_22': 'Token Limit Invalid',
  '403_23': 'Account Limit Exceed',
  '404_00': 'Invalid Transaction Status',
  '404_01': 'Transaction Not Found',
  '404_02': 'Invalid Routing',
  '404_03': 'Bank Not Supported By Switch',
  '404_04': 'Transaction Cancelled',
  '404_05': 'Merchant Is Not Registered For Card Registration Services',
  '404_06': 'Need To Request OTP',
  '404_07': 'Journey Not Found',
  '404_08': 'Invalid Merchant',
  '404_09': 'No Issuer',
  '404_10': 'Invalid API Transition',
  '404_11': 'Invalid Card/Account/Customer [info]',
  '404_12': 'Invalid Bill/Virtual Account [reason]',
  '404_13': 'Invalid Amount',
  '404_14': 'Paid Bill',
  '404_15': 'Invalid OTP',
  '404_16': 'Partner Not Found',
  '404_17': 'Invalid Terminal',
  '404_18': 'Inconsistent Request',
  '404_19': 'Invalid Bill/Virtual Account',
  '405_00': 'Requested Function Is Not Supported',
  '405_01': 'Requested Opearation Is Not Allowed',
  '409_00': 'Conflict',
  '409_01': 'Duplicate partnerReferenceNo',
  '429_00': 'Too Many Requests',
  '500_00': 'General Error',
  '500_01': 'Internal Server Error',
  '500_02': 'External Server Error',
  '504_00': 'Timeout',
} as const;

export type CaseKey = keyof typeof CASES;

/** Builds the 7-character responseCode. */
export function responseCode(caseKey: CaseKey, serviceCode: string): string {
  const [http, kase] = caseKey.split('_') as [string, string];
  return `${http}${serviceCode}${kase}`;
}

/** Fills `{field}` / `[reason]` / `[info]` placeholders; an absent value drops the placeholder. */
export function fillMessage(caseKey: CaseKey, detail?: string): string {
  const template: string = CASES[caseKey];
  return template
    .replace(/\{field\}/, detail !== undefined ? `{${detail}}` : '')
    .replace(/ ?\[(reason|info)\]/, (m) => (detail !== undefined ? m.replace(/\[(reason|info)\]/, detail) : ''))
    .trim();
}
