/**
 * VA numbers (docs/doku.md §14.2, §14.3): `virtualAccountNo` = `partnerServiceId` (8 characters,
 * space-padded in the SDKs) + `customerNo`. The sandbox keeps the merchant's own spelling and
 * answers with it; it finds a VA by the digits alone (store/va-records.ts vaKey), so a number sent
 * space-padded, zero-padded or bare is the same VA. DOKU numbers a DGPC VA itself: the customerNo
 * sent is the sub-BIN prefix, completed with a sequence to 20 digits (`6` → `60000000000000000001`).
 */
import type { Config } from '../../../config/load.js';
import type { Store } from '../../../store/store.js';
import { vaKey } from '../../../store/va-records.js';

/** The psid as the SDKs' DTOs expect it in a notification: right-aligned in 8 characters with spaces. */
export const spacePadded = (partnerServiceId: string): string =>
  partnerServiceId
    .trim()
    .replace(/^0+(?=\d)/, '')
    .padStart(8, ' ');

/** Is `virtualAccountNo` the psid + customerNo, once padding is ignored (lenient), or character for character (strict)? */
export function isConcatenation(psid: string, customerNo: string, virtualAccountNo: string, strict: boolean): boolean {
  return strict ? virtualAccountNo === `${psid}${customerNo}` : vaKey(virtualAccountNo) === vaKey(`${psid}${customerNo}`);
}

/** DGPC (DOKU numbers it) or MGPC (the merchant's number), by DOKU_VA_NUMBERING. */
export function numberingOf(config: Config, body: { customerNo?: string; virtualAccountNo?: string }): 'DGPC' | 'MGPC' {
  if (config.vaNumbering !== 'auto') return config.vaNumbering === 'dgpc' ? 'DGPC' : 'MGPC';
  return !body.virtualAccountNo || !body.customerNo || body.customerNo.length === 1 ? 'DGPC' : 'MGPC';
}

/** The next free DOKU-made customerNo for a prefix under this psid: prefix + a sequence, 20 digits in all. */
export function completeCustomerNo(store: Store, clientId: string, psid: string, prefix: string): string {
  for (let seq = 1; ; seq++) {
    const customerNo = prefix + String(seq).padStart(20 - prefix.length, '0');
    if (!store.virtualAccounts.byVaNo(clientId, `${psid}${customerNo}`)) return customerNo;
  }
}
