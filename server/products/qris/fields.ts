/**
 * The QRIS request fields (docs/doku.md §15.1–§15.3): no SDK sends them (none implements QRIS), so
 * these are DOKU's pages and the clients that call DOKU: "not given" is absent, `null` or `""`.
 */
import { z } from 'zod';
import { amount, isoDateTime, str } from '../../snap/fields.js';

/** DOKU's "Credential mall ID" (sample `2115`); clients use digits such as `47435`. */
export const merchantId = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be DOKU\'s merchant id, e.g. "47435"');
/** 3–16 alphanumeric characters (DOKU's page; sample `k45`, common `A01`). */
export const terminalId = z.string().regex(/^[A-Za-z0-9]{3,16}$/, 'must be 3 to 16 letters or digits, e.g. "A01"');

export const generateFields = {
  partnerReferenceNo: str(64),
  amount,
  feeAmount: amount.optional(),
  merchantId,
  terminalId,
  validityPeriod: isoDateTime.optional(),
  subMerchantId: z.string().max(32).optional(),
  storeId: z.string().max(64).optional(),
  additionalInfo: z
    .object({
      postalCode: z
        .string()
        .regex(/^\d{5}$/, 'must be 5 digits')
        .optional(),
      feeType: z.string().max(5).optional(),
    })
    .passthrough()
    .optional(),
};

export const queryFields = {
  originalReferenceNo: z.string().max(64).optional(),
  originalPartnerReferenceNo: z.string().max(64).optional(),
  originalExternalId: z.string().max(64).optional(),
  serviceCode: z.string().max(2).optional(),
  merchantId: merchantId.optional(),
  subMerchantId: z.string().max(32).optional(),
  externalStoreId: z.string().max(64).optional(),
  additionalInfo: z.unknown().optional(),
};

export const refundFields = {
  originalPartnerReferenceNo: str(64),
  originalReferenceNo: z.string().max(64).optional(),
  originalExternalId: z.string().max(64).optional(),
  partnerRefundNo: str(64),
  refundAmount: amount,
  reason: z.string().max(256).optional(),
  merchantId: merchantId.optional(),
  subMerchantId: z.string().max(32).optional(),
  externalStoreId: z.string().max(64).optional(),
  terminalId: z.string().max(16).optional(),
  additionalInfo: z.unknown().optional(),
};
