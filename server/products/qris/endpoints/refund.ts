/**
 * POST /snap-adapter/b2b/v1.0/qr/qr-mpm-refund — service 78 (docs/doku.md §15.5): of a paid QR
 * only; refunds add up to at most what was paid (beyond: `4037802`, mock choice), the one that
 * reaches it makes the QR refunded (`04`). The same partnerRefundNo again is `4097801`.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { snapError } from '../../../snap/errors.js';
import { fromCents, toCents } from '../../../snap/money.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import { refundFields } from '../fields.js';
import { originalQris } from './query.js';

const schema = () => z.object(refundFields);
type Body = z.infer<ReturnType<typeof schema>>;

export const qrisRefund: EndpointDefinition<Body> = {
  name: 'qris-refund',
  path: '/snap-adapter/b2b/v1.0/qr/qr-mpm-refund',
  serviceCode: () => '78',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now }) {
    const q = originalQris(deps, merchant.clientId, body);
    if (q.refunds.some((r) => r.partnerRefundNo === body.partnerRefundNo))
      throw snapError('409_01', `partnerRefundNo ${body.partnerRefundNo} was already refunded`);
    if (q.status !== 'PAID') throw snapError('404_00', `the QR is ${q.status === 'PENDING' ? 'not paid' : q.status}`);
    const cents = toCents(body.refundAmount.value);
    if (cents <= 0n) throw snapError('404_13', 'refundAmount must be more than 0.00');
    const refunded = q.refunds.reduce((sum, r) => sum + toCents(r.refundAmount.value), 0n);
    const paid = toCents(q.amount.value);
    if (refunded + cents > paid)
      throw snapError('403_02', `refunds would total ${fromCents(refunded + cents)}, more than the paid ${q.amount.value}`);
    const refund = {
      refundNo: `R_${deps.ids.tokenId()}`,
      partnerRefundNo: body.partnerRefundNo,
      refundAmount: body.refundAmount,
      ...(body.reason ? { reason: body.reason } : {}),
      refundTime: now,
    };
    deps.store.qrisRefunded(q, refund, refunded + cents === paid);
    return {
      body: {
        originalPartnerReferenceNo: q.partnerReferenceNo,
        originalReferenceNo: q.referenceNo,
        refundNo: refund.refundNo,
        partnerRefundNo: refund.partnerRefundNo,
        refundAmount: refund.refundAmount,
        refundTime: formatJakarta(now),
      },
    };
  },
};
