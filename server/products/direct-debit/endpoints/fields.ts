/** Direct debit's field rules (docs/doku.md §1.7, §4), beside the core's (snap/fields.ts). */
import { z } from 'zod';
import type { Config } from '../../../config/load.js';
import { origin, str } from '../../../snap/fields.js';

export { amount, httpUrl, isoDateTime, optional, origin, str } from '../../../snap/fields.js';

/** additionalInfo.channel: the allow-list, or (lenient) any upper-case identifier (docs/doku.md §1.7, docs/settings.md #13, #29). */
export function channel(config: Config) {
  const known = new Set(config.channels);
  return z.string().refine((v) => known.has(v) || (config.channelMode === 'lenient' && /^[A-Z0-9_]{3,64}$/.test(v)), {
    message:
      config.channelMode === 'strict'
        ? `must be one of ${config.channels.join(', ')}`
        : 'must be an upper-case channel name such as DIRECT_DEBIT_BRI_SNAP',
  });
}

/** The customer details card and account binding share (docs/doku.md §4, §10.2). */
export const customerInfo = {
  customerName: str(70).optional(),
  email: z.email().max(64).optional(),
  idCard: str(20).optional(),
  country: str(60).optional(),
  address: str(255).optional(),
  dateOfBirth: z
    .string()
    .regex(/^\d{8}$/, 'must be YYYYMMDD')
    .optional(),
  origin,
};
