/**
 * The VA request fields (docs/doku.md §14.4), as the five SDKs send them: "not given" is absent,
 * `null` or `""` (the pipeline reads those as absent, DOKU_EMPTY_FIELDS_MODE); Java's min/max are
 * numbers; Go misspells `virtualAccounTrxType`; `freeText` and `freeTexts` are both in use.
 */
import { z } from 'zod';
import type { Config } from '../../config/load.js';
import { amount, isoDateTime, origin, str } from '../../snap/fields.js';

/** Every channel some SDK knows (docs/doku.md §14.1): strict mode accepts only these. */
export const VA_CHANNELS = [
  'VIRTUAL_ACCOUNT_BCA',
  'VIRTUAL_ACCOUNT_BANK_MANDIRI',
  'VIRTUAL_ACCOUNT_BANK_SYARIAH_MANDIRI',
  'VIRTUAL_ACCOUNT_BRI',
  'VIRTUAL_ACCOUNT_BNI',
  'VIRTUAL_ACCOUNT_BANK_DANAMON',
  'VIRTUAL_ACCOUNT_BANK_PERMATA',
  'VIRTUAL_ACCOUNT_BANK_CIMB',
  'VIRTUAL_ACCOUNT_DANAMON',
  'VIRTUAL_ACCOUNT_PERMATA',
  'VIRTUAL_ACCOUNT_CIMB',
  'VIRTUAL_ACCOUNT_MAYBANK',
  'VIRTUAL_ACCOUNT_BNC',
  'VIRTUAL_ACCOUNT_BTN',
  'VIRTUAL_ACCOUNT_BSI',
  'VIRTUAL_ACCOUNT_SINARMAS',
  'VIRTUAL_ACCOUNT_SINARMAS_FULL',
  'VIRTUAL_ACCOUNT_QNB',
  'VIRTUAL_ACCOUNT_DOKU',
  'VIRTUAL_ACCOUNT_BSS',
] as const;

export const vaChannel = (config: Config) =>
  z
    .string()
    .refine(
      (v) => (VA_CHANNELS as readonly string[]).includes(v) || (config.vaMode === 'lenient' && /^VIRTUAL_ACCOUNT_[A-Z0-9_]{2,40}$/.test(v)),
      {
        message:
          config.vaMode === 'strict'
            ? `must be one of ${VA_CHANNELS.join(', ')}`
            : 'must be a VIRTUAL_ACCOUNT_* channel such as VIRTUAL_ACCOUNT_BCA',
      },
    );

/** 8 characters, right-aligned digits, in the SDKs (`"  888994"`); any padding, or none, in DOKU's own samples. */
export const partnerServiceId = (config: Config) =>
  config.vaMode === 'strict'
    ? z
        .string()
        .regex(/^\s{0,7}\d{1,8}$/, 'must be 8 characters: digits, left-padded with spaces')
        .length(8, 'must be 8 characters')
    : z.string().regex(/^[\s0]*\d{1,8}$/, 'must be up to 8 digits, left-padded with spaces or zeros');

export const customerNo = z.string().regex(/^\d{1,20}$/, 'must be up to 20 digits');
export const virtualAccountNo = z.string().regex(/^[\s\d]{1,28}$/, 'must be up to 28 digits (partnerServiceId + customerNo)');

/** Java sends minAmount and maxAmount as JSON numbers (BigDecimal through Gson): read either, answer strings. */
const looseAmount = z.union([z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be an amount such as "10000.00"'), z.number().nonnegative()]);

export const virtualAccountConfig = z
  .object({
    reusableStatus: z.boolean().optional(),
    minAmount: looseAmount.optional(),
    maxAmount: looseAmount.optional(),
    /** update only: ACTIVE | INACTIVE */
    status: z.enum(['ACTIVE', 'INACTIVE'], { message: 'must be ACTIVE or INACTIVE' }).optional(),
  })
  .optional();

const text = z.object({ english: z.string().max(64).optional(), indonesia: z.string().max(64).optional() });

/** The body fields create and update share. */
export const vaFields = (config: Config) => ({
  partnerServiceId: partnerServiceId(config),
  customerNo: customerNo.optional(),
  virtualAccountNo: virtualAccountNo.optional(),
  virtualAccountName:
    config.vaMode === 'strict' ? str(255).regex(/^[a-zA-Z0-9.\-/+,=_:'@% ]*$/, 'has characters the SDKs refuse') : str(255),
  virtualAccountEmail: z.string().max(255).optional(),
  virtualAccountPhone: z.string().max(30).optional(),
  trxId: str(64),
  totalAmount: amount.optional(),
  virtualAccountTrxType: z
    .string()
    .regex(/^[A-Z0-9]$/, 'must be one character: C (closed), O (open), …')
    .optional(),
  /** Go's spelling since its first commit (docs/doku.md §14.4): DOKU never received the right one from Go */
  virtualAccounTrxType: z
    .string()
    .regex(/^[A-Z0-9]$/, 'must be one character')
    .optional(),
  expiredDate: isoDateTime.optional(),
  additionalInfo: z.object({ channel: vaChannel(config), virtualAccountConfig, origin }).passthrough(),
  freeText: z.array(text).max(25).optional(),
  freeTexts: z.array(text).max(25).optional(),
  origin,
});

/** What names a VA in update, delete and status. */
export const vaIdentity = (config: Config) => ({
  partnerServiceId: partnerServiceId(config),
  customerNo: customerNo.optional(),
  virtualAccountNo: virtualAccountNo,
});

/** A min/max as the answer gives it: a string with two decimals. */
export const asAmountValue = (v: string | number | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'number' ? v.toFixed(2) : v.includes('.') ? v.padEnd(v.indexOf('.') + 3, '0') : `${v}.00`;
