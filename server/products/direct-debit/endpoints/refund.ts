/**
 * POST /direct-debit/core/v1/debit/refund — service 07 as DOKU's KKI page, or 58 as SNAP
 * (DOKU_REFUND_SERVICE_CODE, docs/doku.md §8, docs/settings.md #1). Full and partial refunds; their sum never exceeds
 * the paid amount (`404xx13`); unknown original `404xx01`; unpaid original `404xx00`; a reused
 * partnerRefundNo is `409xx01` with the same data, `404xx18` with other data. X-IP-ADDRESS is
 * mandatory here ([SEED] refund headers), and so is Authorization-Customer (docs/doku.md §8.1) for a payment
 * made with one, unless it was DANA or ShopeePay: refused `400xx02` before any money moves.
 */
import { z } from 'zod';
import { fromCents, toCents } from '../../../snap/money.js';
import { findNamedPayment } from '../domain/find-payment.js';
import { settleIfDue } from '../domain/settle.js';
import { credit } from '../domain/balance.js';
import { H } from '../../../snap/headers.js';
import { invalidCustomerToken, invalidMandatoryField, snapError } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { Config } from '../../../config/load.js';
import type { PaymentRecord } from '../../../store/types.js';
import { amount, channel, origin, str } from './fields.js';
import type { Ctx, EndpointDefinition } from '../../../endpoint.js';
import { stickyScenarioName } from '../sticky.js';

function schema(config: Config) {
  return z.object({
    originalPartnerReferenceNo: str(64),
    originalReferenceNo: str(64).optional(),
    originalExternalId: str(64).optional(),
    partnerRefundNo: str(config.referenceLengthMode === 'strict' ? 12 : 64),
    refundAmount: amount,
    reason: z.string().max(256).optional(),
    additionalInfo: z.object({ channel: channel(config).optional(), origin }).optional(),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const refund: EndpointDefinition<Body> = {
  name: 'refund',
  sticky: stickyScenarioName,
  path: '/direct-debit/core/v1/debit/refund',
  serviceCode: (config) => config.refundServiceCode,
  otherServiceCodes: ['07', '58'], // DOKU answers 07, SNAP says 58 (docs/doku.md §8.3, §11.1): DOKU_REFUND_SERVICE_CODE picks the one answered
  docs: { customerToken: 'required to refund a payment made with one, except DANA and ShopeePay' },
  auth: 'symmetric',
  customerToken: 'optional',
  schema,
  async handle(ctx) {
    const { deps, body, now, header } = ctx;
    const payment = findOriginal(ctx);
    const cents = toCents(body.refundAmount.value);
    if (cents <= 0n) throw snapError('404_13', 'refundAmount must be more than 0.00');
    const refunded = payment.refunds.reduce((sum, r) => sum + toCents(r.refundAmount.value), 0n);
    if (refunded + cents > toCents(payment.amount.value)) {
      throw snapError('404_13', `refunds would total ${fromCents(refunded + cents)}, more than the paid ${payment.amount.value}`);
    }
    const record = {
      refundNo: deps.ids.referenceNo(now),
      partnerRefundNo: body.partnerRefundNo,
      refundAmount: body.refundAmount,
      reason: body.reason,
      refundTime: now,
      externalId: header(H.externalId)!,
    };
    deps.store.addRefund(payment, record);
    const binding = payment.bindingRef ? deps.store.bindings.byReferenceNo(payment.bindingRef) : undefined;
    credit(deps.store, binding, cents);
    return {
      body: {
        refundAmount: record.refundAmount,
        originalPartnerReferenceNo: payment.partnerReferenceNo,
        originalReferenceNo: payment.referenceNo,
        refundNo: record.refundNo,
        partnerRefundNo: record.partnerRefundNo,
        refundTime: formatJakarta(now),
      },
    };
  },
};

/**
 * E-wallet refunds carry no customer token: DOKU's SDKs skip it for DANA and ShopeePay, and DOKU's
 * OVO and ShopeePay refund samples send none (docs/doku.md §8.1). Integrators also spell ShopeePay
 * without the underscore (docs/doku.md §7.4).
 */
const TOKENLESS_REFUND_CHANNELS = new Set(['EMONEY_DANA_SNAP', 'EMONEY_SHOPEE_PAY_SNAP', 'EMONEY_SHOPEEPAY_SNAP', 'EMONEY_OVO_SNAP']);

/**
 * X-IP-ADDRESS is mandatory where DOKU says so: KKI card refunds (DOKU's KKI refund page: a card
 * payment, by its binding or its CPAN) and Allo Bank ("Mandatory for Allobank … Optional for rest",
 * DOKU's refund page); the e-wallet samples send none (docs/doku.md §8.1).
 */
function needsIpAddress(p: PaymentRecord, deps: Ctx<Body>['deps']): boolean {
  if (p.channel === 'DIRECT_DEBIT_ALLO_SNAP') return true;
  const binding = p.bindingRef ? deps.store.bindings.byReferenceNo(p.bindingRef) : undefined;
  return binding ? binding.kind === 'CARD' : !p.wallet;
}

function findOriginal({ deps, body, merchant, customer, now, header }: Ctx<Body>): PaymentRecord {
  const payment = settleIfDue(findNamedPayment(deps.store, merchant.clientId, body), deps, now);
  if (
    !payment ||
    payment.partnerReferenceNo !== body.originalPartnerReferenceNo ||
    (body.originalReferenceNo && body.originalReferenceNo !== payment.referenceNo)
  ) {
    throw snapError('404_01', 'no payment of this merchant has this originalPartnerReferenceNo (and originalReferenceNo)');
  }
  if (!header(H.ipAddress) && needsIpAddress(payment, deps))
    throw invalidMandatoryField(H.ipAddress, "a card or Allo Bank refund needs X-IP-ADDRESS (DOKU's KKI and refund pages)");
  if (!customer && !payment.noCustomerToken && !TOKENLESS_REFUND_CHANNELS.has(payment.channel ?? '')) {
    throw invalidMandatoryField(
      H.authorizationCustomer,
      'refunding a payment made with a customer token needs Authorization-Customer (e-wallets excepted)',
    );
  }
  if (customer && payment.bindingRef && customer.binding.referenceNo !== payment.bindingRef) {
    throw invalidCustomerToken('the customer token is not the one of the paying customer');
  }
  const earlier = deps.store.payments.byRefundNo(merchant.clientId, body.partnerRefundNo);
  const same = earlier?.refunds.find((r) => r.partnerRefundNo === body.partnerRefundNo);
  if (earlier && same) {
    if (earlier === payment && same.refundAmount.value === body.refundAmount.value)
      throw snapError('409_01', `partnerRefundNo already refunded as refundNo ${same.refundNo}`);
    throw snapError('404_18', 'partnerRefundNo was used for another payment or amount');
  }
  if (payment.status !== 'SUCCESS') throw snapError('404_00', `the payment is ${payment.status}, not paid`);
  return payment;
}
