/** Reusable field rules for endpoint schemas (docs/doku.md §1.6, §1.7, §4). */
import { z } from 'zod';
import { isHttpUrl } from '../../../config/url.js';
import { isRealDate } from '../../../snap/timestamp.js';
import type { Config } from '../../../config/load.js';

/** A non-empty string of at most `max` characters. */
export const str = (max: number) => z.string().min(1).max(max);

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

/** An absolute http(s) URL (redirect targets). */
export const httpUrl = z.string().max(2048).refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });

/** An ISO-8601 date or date-time (`2020-12-21` or `2020-12-21T14:56:11+07:00`, optional millis and zone), a real one. */
export const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be ISO-8601, e.g. 2020-12-21T14:56:11+07:00')
  .refine(isRealDate, { message: 'is not a real date' });

/** `{value: "10000.00", currency: "IDR"}` (docs/doku.md §1.6). */
export const amount = z.object({
  value: z.string().regex(/^\d{1,16}\.\d{2}$/, 'must be a string with two decimals, e.g. "10000.00"'),
  currency: z.literal('IDR'),
});

/** The SDKs stamp `additionalInfo.origin` on every request: accepted, ignored. */
export const origin = z.unknown().optional();

export const optional = <T extends z.ZodType>(schema: T, required: boolean) => (required ? schema : schema.optional());

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
