/**
 * cardData → CardDataPayload (docs/doku.md §4.3–docs/doku.md §4.4). A blob no key decrypts is `4010100 Unauthorized.
 * Invalid cardData`; one that decrypts to a bad payload is `4000101 Invalid Field Format
 * {cardData.<field>}` for any payload problem, a missing field included (docs/settings.md #15). A card past its
 * MMYY expiry is `4030108 Card Expired`.
 */
import { z } from 'zod';
import type { Config } from '../../../config/load.js';
import { decryptCardData } from '../domain/card-data.js';
import { invalidFieldFormat, snapError, unauthorized } from '../../../snap/errors.js';
import { withoutNullOrEmpty } from '../../../snap/not-given.js';
import { jakartaDay } from '../../../snap/timestamp.js';

const payload = z.object({
  bankCardNo: z.string().regex(/^\d{12,19}$/, 'must be 12-19 digits'),
  bankCardType: z.string().regex(/^(D|C|UE)$/, 'must be D, C or UE'),
  expiryDate: z
    .string()
    .regex(/^(0[1-9]|1[0-2])\d{2}$/, 'must be MMYY')
    .optional(),
  identificationNo: z.string().min(1).max(64).optional(),
  // 01 passport, 02 e-KTP/KTP, 03 TKTP, 04 SIM, 99 other (SNAP registration, docs/doku.md §4.4)
  identificationType: z.enum(['01', '02', '03', '04', '99'], { message: 'must be 01, 02, 03, 04 or 99' }).optional(),
  email: z.string().min(1).max(254).optional(),
  bankAccountNo: z.string().min(1).max(32).optional(),
});

export type CardDataPayload = z.infer<typeof payload>;

export function readCardData(blob: string, keys: readonly string[], config: Config, now: number): CardDataPayload {
  const plain = decryptCardData(blob, keys, config.cardDataCryptoJs);
  if (plain === null)
    throw unauthorized(
      'Invalid cardData',
      'cardData is not base64(AES-128-CBC(card JSON))|base64(iv) under the client secret / shared key',
    );
  let json: unknown;
  try {
    json = JSON.parse(plain);
  } catch {
    throw invalidFieldFormat('cardData', 'cardData decrypts, but not to JSON');
  }
  // PHP's plaintext carries identificationNo/identificationType/email as null when unset
  // (docs/sdks.md): "not given", unless DOKU_EMPTY_FIELDS_MODE=strict.
  const result = payload.safeParse(config.emptyFieldsMode === 'strict' ? json : withoutNullOrEmpty(json));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = ['cardData', ...issue.path.map(String)].join('.');
    throw invalidFieldFormat(field, `${field}: ${issue.message}`);
  }
  const expiry = result.data.expiryDate;
  if (expiry && `20${expiry.slice(2)}-${expiry.slice(0, 2)}` < jakartaDay(now).slice(0, 7)) {
    throw snapError('403_08', `card expired ${expiry.slice(0, 2)}/${expiry.slice(2)}`);
  }
  return result.data;
}
