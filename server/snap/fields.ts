/** Field rules every product's endpoint schemas share (docs/doku.md §1.6, §1.7). */
import { z } from 'zod';
import { isHttpUrl } from '../config/url.js';
import { isRealDate } from './timestamp.js';

/** A non-empty string of at most `max` characters. */
export const str = (max: number) => z.string().min(1).max(max);

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
