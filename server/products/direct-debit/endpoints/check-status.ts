/**
 * POST /orders/v1.0/debit/status — service 55 (docs/doku.md §9). Finds the payment by
 * originalReferenceNo, originalPartnerReferenceNo or originalExternalId; `serviceCode` may be
 * `54` (SNAP: the original's) or `55` (the Node SDK insists on it), docs/settings.md #20. Unknown:
 * `4045501`, or `2005500` with status `07` (DOKU_STATUS_NOT_FOUND).
 */
import { z } from 'zod';
import { latestStatus } from '../domain/payment-status.js';
import { findNamedPayment } from '../domain/find-payment.js';
import { settleIfDue } from '../domain/settle.js';
import { idr } from '../../../snap/money.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidMandatoryField, snapError } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { PaymentRecord } from '../../../store/types.js';
import { amount, isoDateTime, origin, str } from './fields.js';
import type { Ctx, EndpointDefinition, Reply } from '../../../endpoint.js';
import { stickyScenarioName } from '../sticky.js';

const schema = z.object({
  originalPartnerReferenceNo: str(64).optional(),
  originalReferenceNo: str(64).optional(),
  originalExternalId: str(64).optional(),
  serviceCode: z.enum(['54', '55'], { message: 'must be "54" or "55"' }),
  // Checked before the payment is looked up: a malformed date is 4005501, never "not found" (docs/doku.md §1.8).
  transactionDate: isoDateTime.optional(),
  amount: amount.optional(),
  merchantId: z.string().max(64).optional(),
  subMerchantId: z.string().max(32).optional(),
  externalStoreId: z.string().max(64).optional(),
  additionalInfo: z.object({ deviceId: z.string().optional(), channel: z.string().optional(), origin }).optional(),
});

type Body = z.infer<typeof schema>;

export const checkStatus: EndpointDefinition<Body> = {
  name: 'check-status',
  sticky: stickyScenarioName,
  path: '/orders/v1.0/debit/status',
  serviceCode: () => SERVICE_CODES.checkStatus,
  auth: 'symmetric',
  readOnly: true,
  schema: () => schema,
  async handle(ctx): Promise<Reply> {
    const { body, deps } = ctx;
    if (!body.originalReferenceNo && !body.originalPartnerReferenceNo && !body.originalExternalId) {
      throw invalidMandatoryField(
        'originalPartnerReferenceNo',
        'name the payment: originalPartnerReferenceNo, originalReferenceNo or originalExternalId',
      );
    }
    const p = findPayment(ctx);
    if (!p) {
      if (deps.config.statusNotFound === '404') throw snapError('404_01', 'no payment of this merchant matches');
      return { body: { serviceCode: body.serviceCode, latestTransactionStatus: '07', transactionStatusDesc: 'Not Found' } };
    }
    const status = latestStatus(p, deps.config.waitingStatus);
    return {
      body: {
        originalReferenceNo: p.referenceNo,
        originalPartnerReferenceNo: p.partnerReferenceNo,
        ...(p.approvalCode ? { approvalCode: p.approvalCode } : {}),
        originalExternalId: p.externalId,
        serviceCode: body.serviceCode,
        latestTransactionStatus: status.code,
        transactionStatusDesc: status.desc,
        originalResponseCode: p.responseCode,
        originalResponseMessage: p.responseMessage,
        refundHistory: p.refunds.map((r) => ({
          refundNo: r.refundNo,
          partnerRefundNo: r.partnerRefundNo, // SNAP's name
          partnerReferenceNo: r.partnerRefundNo, // what all five SDKs' DTOs read (docs/sdks.md)
          refundAmount: r.refundAmount,
          refundStatus: '00',
          refundDate: formatJakarta(r.refundTime),
          ...(r.reason ? { reason: r.reason } : {}),
        })),
        transAmount: p.amount,
        feeAmount: idr('0.00'),
        ...(p.paidTime ? { paidTime: formatJakarta(p.paidTime) } : {}),
        additionalInfo: { ...(p.channel ? { channel: p.channel } : {}) },
      },
    };
  },
};

function findPayment({ deps, body, merchant, now }: Ctx<Body>): PaymentRecord | undefined {
  return settleIfDue(findNamedPayment(deps.store, merchant.clientId, body), deps, now);
}
