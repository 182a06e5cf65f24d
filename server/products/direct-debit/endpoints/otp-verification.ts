/**
 * POST /direct-debit/core/v1/otp-verification — service 04 (docs/doku.md §5): the H2H way to finish a
 * card binding. The binding is found by originalReferenceNo, chargeToken or
 * originalPartnerReferenceNo (`4040401` when none matches this merchant). With `type: "PAYMENT"`
 * (DOKU's Verify OTP page: originalPartnerReferenceNo "Mandatory for type Payment") or SNAP's
 * `action: "otpPayment"`, the OTP of a payment waiting on the issuer instead (CIMB, docs/doku.md §7.5).
 */
import { z } from 'zod';
import { verifyBindingOtp } from '../domain/verify-otp.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidMandatoryField, snapError } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { Binding } from '../../../store/types.js';
import { origin, str } from './fields.js';
import type { Ctx, EndpointDefinition, Reply } from '../../../endpoint.js';
import { verifyPaymentCodes } from '../domain/issuer-payment.js';

const schema = z.object({
  originalPartnerReferenceNo: str(64).optional(),
  originalReferenceNo: str(64).optional(),
  chargeToken: str(40).optional(),
  // 8 digits on the KKI page, 6 in legacy samples (docs/settings.md #25).
  otp: z.string().regex(/^\d{6,8}$/, 'must be 6-8 digits'),
  action: z.string().max(10).optional(),
  type: z.string().max(20).optional(),
  merchantId: z.string().max(64).optional(),
  additionalInfo: z.object({ bankCardToken: z.string().optional(), channel: z.string().optional(), origin }).optional(),
});

type Body = z.infer<typeof schema>;

export const otpVerification: EndpointDefinition<Body> = {
  name: 'otp-verification',
  path: '/direct-debit/core/v1/otp-verification',
  serviceCode: () => SERVICE_CODES.otpVerification,
  auth: 'symmetric',
  schema: () => schema,
  async handle(ctx) {
    const { deps, body, now } = ctx;
    if (/^payment$/i.test(body.type ?? '') || body.action === 'otpPayment') return verifyPayment(ctx);
    const binding = findBinding(ctx);
    const outcome = verifyBindingOtp(binding, body.otp, deps, now);
    if (!outcome.ok) throw outcome.error;
    const b = outcome.binding;
    return {
      body: {
        originalReferenceNo: b.referenceNo,
        ...(b.partnerReferenceNo ? { originalPartnerReferenceNo: b.partnerReferenceNo } : {}),
        bankCardToken: b.bankCardToken,
        cardPan: b.maskedNo,
        customerId: b.custIdMerchant,
        ...(b.expiryDate ? { expiryDate: b.expiryDate } : {}),
        tokenExpiryTime: formatJakarta(now + 5 * 365 * 24 * 3600 * 1000),
        additionalInfo: { custIdMerchant: b.custIdMerchant, status: 'SUCCESS', authCode: b.authCode },
      },
    };
  },
};

/** A payment's OTP, passed on by the merchant: the page's PIN is the bank's to ask, not the API's. */
function verifyPayment({ deps, body, merchant, now }: Ctx<Body>): Reply {
  const { payments } = deps.store;
  if (!body.originalPartnerReferenceNo && !body.originalReferenceNo)
    throw invalidMandatoryField('originalPartnerReferenceNo', 'type PAYMENT names the payment: originalPartnerReferenceNo');
  const found =
    (body.originalPartnerReferenceNo && payments.byPartnerReferenceNo(merchant.clientId, body.originalPartnerReferenceNo)) ||
    (body.originalReferenceNo && payments.get(body.originalReferenceNo));
  if (!found || found.clientId !== merchant.clientId) throw snapError('404_01', 'no payment of this merchant matches');
  const outcome = verifyPaymentCodes(found, body.otp, undefined, deps, now, false);
  if (!outcome.ok) throw outcome.error;
  const p = outcome.payment;
  return {
    body: {
      originalReferenceNo: p.referenceNo,
      originalPartnerReferenceNo: p.partnerReferenceNo,
      additionalInfo: { status: 'SUCCESS', ...(p.channel ? { channel: p.channel } : {}) },
    },
  };
}

function findBinding({ deps, body, merchant }: Ctx<Body>): Binding {
  const { bindings } = deps.store;
  if (!body.originalReferenceNo && !body.chargeToken && !body.originalPartnerReferenceNo) {
    throw invalidMandatoryField('originalReferenceNo', 'name the binding: originalReferenceNo, chargeToken or originalPartnerReferenceNo');
  }
  const found =
    (body.originalReferenceNo && bindings.byReferenceNo(body.originalReferenceNo)) ||
    (body.chargeToken && bindings.byCharge(body.chargeToken)) ||
    (body.originalPartnerReferenceNo && bindings.byPartnerReferenceNo(merchant.clientId, body.originalPartnerReferenceNo));
  if (!found || found.clientId !== merchant.clientId) throw snapError('404_01', 'no card binding of this merchant matches');
  return found;
}
