/**
 * POST /direct-debit/core/v1/debit/payment-host-to-host — service 54 (docs/doku.md §7). Debits the bound
 * card's balance (`4035414 Insufficient Funds` when short) and records the payment under a DOKU
 * referenceNo. A partnerReferenceNo that already succeeded is `4095401`, or `4045418 Inconsistent
 * Request` with other data; after a failed attempt a new one is allowed (docs/doku.md §12 step 4).
 */
import { z } from 'zod';
import { debit } from '../domain/balance.js';
import { toCents } from '../../../snap/money.js';
import { resolvePaymentSource } from '../domain/payment-source.js';
import { paymentOutcome } from '../domain/payment-status.js';
import { settleIfDue } from '../domain/settle.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidFieldFormat, invalidMandatoryField, snapError } from '../../../snap/errors.js';
import type { Config } from '../../../config/load.js';
import type { PaymentRecord } from '../../../store/types.js';
import { isWalletPayment, walletSession, WALLET_PAGE_PATH } from '../domain/wallet-payment.js';
import { ISSUER_PAGE_PATH, issuerSession, needsIssuerPage } from '../domain/issuer-payment.js';
import { amount, channel, httpUrl, isoDateTime, origin, str } from './fields.js';
import type { EndpointDefinition } from '../../../endpoint.js';

function schema(config: Config) {
  return z.object({
    partnerReferenceNo: str(config.referenceLengthMode === 'strict' ? 32 : 64),
    amount,
    bankCardToken: str(128).optional(),
    bankCardNo: z
      .string()
      .regex(/^\d{12,19}$/, 'must be 12-19 digits')
      .optional(),
    // "Customer OTP | min: 8 max: 8 | Optional" on DOKU's KKI page; 6-8 digits as the binding OTP unless strict
    otp: (config.otpLengthMode === 'strict' ? z.string().regex(/^\d{8}$/, 'must be 8 digits') : z.string().max(8)).optional(),
    chargeToken: z.string().max(40).optional(),
    payOptionDetails: z.array(z.unknown()).optional(),
    pointOfInitiation: str(20).optional(),
    // e-wallet (jump app) fields, docs/doku.md §7.4: urlParam is an array in Node and Java, one object in Python
    urlParam: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(urlParam).max(10).optional()),
    validUpTo: isoDateTime.optional(),
    validUpto: isoDateTime.optional(), // one DOKU page spells it so
    additionalInfo: z.object({
      channel: channel(config),
      cpan: z
        .string()
        .regex(/^\d{12,19}$/, 'must be 12-19 digits')
        .optional(),
      successPaymentUrl: httpUrl.optional(),
      failedPaymentUrl: httpUrl.optional(),
      remarks: z.string().max(40).optional(),
      // kept as sent, for the notification (every SDK's notification DTO has them: docs/doku.md §10.4)
      lineItems: z.array(z.unknown()).max(100).optional(),
      paymentType: z.enum(['SALE', 'RECURRING']).optional(),
      orderTitle: z.string().max(255).optional(),
      metadata: z.unknown().optional(),
      supportDeepLinkCheckoutUrl: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
      origin,
    }),
  });
}

const urlParam = z.object({
  url: httpUrl.pipe(z.string().max(255)),
  type: z.string().max(20).optional(),
  isDeepLink: z.enum(['Y', 'N']).optional(),
});

type Body = z.infer<ReturnType<typeof schema>>;

export const payment: EndpointDefinition<Body> = {
  name: 'payment',
  pendable: true,
  path: '/direct-debit/core/v1/debit/payment-host-to-host',
  serviceCode: () => SERVICE_CODES.payment,
  auth: 'symmetric',
  customerToken: 'optional',
  schema,
  async handle(ctx) {
    const { deps, body, merchant, now, header } = ctx;
    const info = body.additionalInfo;
    const wallet = isWalletPayment({ channel: info.channel, paymentType: info.paymentType, customer: ctx.customer })
      ? walletSession(
          {
            channel: info.channel,
            urlParam: body.urlParam,
            validUpTo: body.validUpTo ?? body.validUpto,
            orderTitle: info.orderTitle,
            deviceId: header(H.deviceId),
            deviceIdRequired: deps.config.deviceIdMode === 'strict',
          },
          now,
        )
      : undefined;
    // OVO pays from its bound account (docs/doku.md §7.4): the customer token is what names it
    if (info.channel === 'EMONEY_OVO_SNAP' && !ctx.customer)
      throw invalidMandatoryField(H.authorizationCustomer, 'an OVO payment needs the customer token of the bound OVO account');
    if (wallet && wallet.expiresAt <= now) throw invalidFieldFormat('validUpTo', 'validUpTo is already past');
    // a wallet pays from the customer's account binding (OVO) or from nothing the sandbox holds (DANA, ShopeePay)
    const source = wallet ? { binding: ctx.customer?.binding, key: `wallet:${info.channel}` } : resolvePaymentSource(ctx);
    const cents = toCents(body.amount.value);
    if (cents <= 0n) throw snapError('404_13', 'amount must be more than 0.00');

    const requestKey = `${body.amount.value}|${source.key}`;
    const prior = settleIfDue(deps.store.payments.byPartnerReferenceNo(merchant.clientId, body.partnerReferenceNo), deps, now);
    if (prior && prior.status !== 'FAILED') {
      if (prior.requestKey === requestKey) throw snapError('409_01', `partnerReferenceNo already paid as referenceNo ${prior.referenceNo}`);
      throw snapError('404_18', 'partnerReferenceNo was used with another amount or card');
    }

    const otpFailures = checkOtp(body.otp, prior, deps.config);
    const record: Omit<PaymentRecord, 'refunds'> = {
      referenceNo: deps.ids.referenceNo(now),
      clientId: merchant.clientId,
      partnerReferenceNo: body.partnerReferenceNo,
      externalId: header(H.externalId)!,
      amount: body.amount,
      channel: body.additionalInfo.channel,
      bindingRef: source.binding?.referenceNo,
      ...(ctx.customer ? {} : { noCustomerToken: true as const }),
      requestKey,
      status: 'SUCCESS',
      ...paymentOutcome('200_00'),
      createdAt: now,
      scenario: ctx.scenario?.scenario.name,
      ...deviceOf(header),
      ...(info.lineItems?.length ? { lineItems: info.lineItems } : {}),
    };

    if (otpFailures !== undefined) {
      const blocked = otpFailures >= deps.config.otpMaxAttempts;
      deps.store.insertPayment({ ...record, status: 'FAILED', ...paymentOutcome(blocked ? '403_11' : '404_15'), otpFailures, refunds: [] });
      throw blocked
        ? snapError('403_11', `${otpFailures} wrong OTPs for this partnerReferenceNo: it is blocked`)
        : snapError(
            '404_15',
            `wrong otp; ${deps.config.otpMaxAttempts - otpFailures} attempt(s) left (sandbox OTP: ${deps.config.otpCodes[0]})`,
          );
    }
    if (wallet) {
      deps.store.insertPayment({ ...record, status: 'PENDING', wallet, settleAt: wallet.expiresAt, settleTo: 'FAILED', refunds: [] });
      const serviceCode = deps.config.jumpAppSuccessCode === '2000500' ? '05' : undefined; // DOKU's DANA page (docs/doku.md §7.4)
      return { serviceCode, body: { ...answer(record), webRedirectUrl: `${ctx.baseUrl}${WALLET_PAGE_PATH}/${wallet.sessionId}` } };
    }
    if (source.binding && needsIssuerPage(info.channel, info.paymentType, deps.config)) {
      // tokenization: the customer verifies on the issuer's page, then it is paid (docs/doku.md §7.5)
      const issuer = issuerSession({ ...info, validUpTo: body.validUpTo ?? body.validUpto }, now, deps.config);
      if (issuer.expiresAt <= now) throw invalidFieldFormat('validUpTo', 'validUpTo is already past');
      deps.store.insertPayment({ ...record, status: 'PENDING', issuer, settleAt: issuer.expiresAt, settleTo: 'FAILED', refunds: [] });
      return { body: { ...answer(record), webRedirectUrl: `${ctx.baseUrl}${ISSUER_PAGE_PATH}/${issuer.sessionId}` } };
    }
    const pending = ctx.scenario?.rule.pending;
    if (pending) {
      // Forced 202 (docs/doku.md §7.3, §1.8): the payment stays PENDING (status 03) until it settles.
      const settleAt = pending.settleAfterMs === undefined ? undefined : now + pending.settleAfterMs;
      deps.store.insertPayment({
        ...record,
        ...paymentOutcome('202_00'),
        status: 'PENDING',
        settleAt,
        settleTo: pending.settleTo,
        refunds: [],
      });
      return { caseKey: '202_00', body: answer(record) };
    }
    if (!debit(deps.store, source.binding, cents)) {
      deps.store.insertPayment({ ...record, status: 'FAILED', ...paymentOutcome('403_14'), refunds: [] });
      throw snapError('403_14', `balance ${source.binding!.balance} is less than ${body.amount.value}`);
    }
    deps.store.insertPayment({ ...record, approvalCode: deps.ids.approvalCode(), paidTime: now, refunds: [] });
    return { body: answer(record) };
  },
};

/** The customer's device as the request names it, repeated in the notification's headers. */
function deviceOf(header: (name: string) => string | undefined): Pick<PaymentRecord, 'device'> {
  const ip = header(H.ipAddress);
  const id = header(H.deviceId);
  return ip || id ? { device: { ...(ip ? { ip } : {}), ...(id ? { id } : {}) } } : {};
}

/**
 * The payment's own `otp` (docs/doku.md §7.2), checked as a binding's: undefined when it is right or
 * not given; else the wrong OTPs for this partnerReferenceNo so far, this one included (a refused
 * payment may be tried again, so they count across attempts; at DOKU_OTP_MAX_ATTEMPTS it is blocked).
 */
function checkOtp(otp: string | undefined, prior: PaymentRecord | undefined, config: Config): number | undefined {
  const before = prior?.status === 'FAILED' ? (prior.otpFailures ?? 0) : 0;
  if (before >= config.otpMaxAttempts) return before;
  if (otp === undefined || config.otpCodes.includes(otp)) return undefined;
  return before + 1;
}

/**
 * Only keys every SDK's DTO knows: Python rejects unknown ones (docs/sdks.md). PHP reads
 * webRedirectUrl unguarded (docs/doku.md §4), so it is always there: `null`, as a host-to-host card payment
 * needs no page for the customer.
 */
function answer(record: Pick<PaymentRecord, 'referenceNo' | 'partnerReferenceNo'>) {
  return { referenceNo: record.referenceNo, partnerReferenceNo: record.partnerReferenceNo, webRedirectUrl: null };
}
