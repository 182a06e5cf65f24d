/**
 * POST /snap-adapter/b2b/v1.0/qr/qr-mpm-cancel — service 77 (docs/doku.md §15.5; thin: DOKU's
 * page lists "Cancel QRIS" without a readable body, so SNAP's): an unpaid QR becomes canceled (`05`)
 * and can no longer be paid. A paid, failed, refunded or already canceled QR is `4047700`.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { snapError } from '../../../snap/errors.js';
import { str } from '../../../snap/fields.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import { stateAt } from '../domain/qris-state.js';
import { merchantId } from '../fields.js';
import { originalQris } from './query.js';

const schema = () =>
  z.object({
    originalPartnerReferenceNo: str(64),
    originalReferenceNo: z.string().max(64).optional(),
    originalExternalId: z.string().max(64).optional(),
    merchantId: merchantId.optional(),
    subMerchantId: z.string().max(32).optional(),
    externalStoreId: z.string().max(64).optional(),
    reason: z.string().max(256).optional(),
    additionalInfo: z.unknown().optional(),
  });
type Body = z.infer<ReturnType<typeof schema>>;

export const qrisCancel: EndpointDefinition<Body> = {
  name: 'qris-cancel',
  path: '/snap-adapter/b2b/v1.0/qr/qr-mpm-cancel',
  serviceCode: () => '77',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now }) {
    const q = originalQris(deps, merchant.clientId, body);
    const state = stateAt(q, now);
    if (state !== 'PENDING' && state !== 'EXPIRED') throw snapError('404_00', `the QR is ${state}: only an unpaid one is canceled`);
    deps.store.updateQris(q, { status: 'CANCELED' });
    return {
      body: {
        originalPartnerReferenceNo: q.partnerReferenceNo,
        originalReferenceNo: q.referenceNo,
        cancelTime: formatJakarta(now),
        transactionDate: formatJakarta(q.createdAt),
      },
    };
  },
};
