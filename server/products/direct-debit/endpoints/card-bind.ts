/**
 * POST /direct-debit/core/v1/registration-card-bind — service 01 (docs/doku.md §4). Decrypts cardData
 * (docs/doku.md §4.3), refuses a card another customer of the merchant holds (`4090101`, docs/doku.md §4), and starts a
 * binding waiting for its OTP: `CHANNEL-ID: DH` (default) answers with a redirectUrl to the
 * sandbox's hosted OTP page, `H2H` with additionalInfo.authCode for otp-verification (docs/doku.md §4.5).
 */
import { z } from 'zod';
import { holdsCard, maskCardNo } from '../domain/binding-status.js';
import { instrumentFingerprint } from '../domain/instrument.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { snapError } from '../../../snap/errors.js';
import { startBinding } from '../domain/start-binding.js';
import { readCardData } from './card-data-payload.js';
import { channel, customerInfo, httpUrl, optional, str } from './fields.js';
import type { Config } from '../../../config/load.js';
import type { Ctx, EndpointDefinition } from '../../../endpoint.js';

function schema(config: Config) {
  const strict = config.bindFieldsMode === 'strict';
  return z.object({
    partnerReferenceNo: str(64).optional(),
    cardData: z.string().min(1).max(4096),
    custIdMerchant: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-zA-Z0-9]+$/, 'must be alphanumeric'),
    phoneNo: optional(z.string().regex(strict ? /^62\d{7,14}$/ : /^\+?\d{9,16}$/, 'must be 9-16 digits, e.g. 6281234567890'), strict),
    accountName: str(128).optional(),
    journeyId: str(32).optional(),
    sendOtpFlag: z.enum(['YES', 'NO'], { message: 'must be YES or NO' }).optional(),
    type: str(20).optional(), // SNAP: "subscribe" / "unsubscribe"; at most 20 (docs/doku.md §4)
    additionalInfo: optional(
      z.object({
        channel: optional(channel(config), strict),
        successRegistrationUrl: optional(httpUrl, strict),
        failedRegistrationUrl: optional(httpUrl, strict),
        ...customerInfo,
      }),
      strict,
    ),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const cardBind: EndpointDefinition<Body> = {
  name: 'card-bind',
  path: '/direct-debit/core/v1/registration-card-bind',
  serviceCode: () => SERVICE_CODES.cardBind,
  docs: { headers: [{ name: H.channelId, required: false, description: 'DH (default: hosted OTP page) or H2H' }] },
  auth: 'symmetric',
  schema,
  async handle(ctx) {
    const { deps, body, merchant, now } = ctx;
    const card = readCardData(body.cardData, merchant.sharedKeys, deps.config, now);
    const fingerprint = instrumentFingerprint(merchant.clientId, card.bankCardNo);
    const holder = deps.store.bindings.withInstrument(fingerprint).find((b) => b.clientId === merchant.clientId && holdsCard(b, now));
    if (holder && holder.custIdMerchant !== body.custIdMerchant) {
      throw snapError('409_01', 'this card is already bound to another customer of this merchant');
    }
    const binding = startBinding(deps, now, cardBinding(ctx, fingerprint, card));
    const common = {
      referenceNo: binding.referenceNo,
      ...(body.partnerReferenceNo ? { partnerReferenceNo: body.partnerReferenceNo } : {}),
    };
    // DOKU's KKI binding page lists chargeToken, the otp-verification handle, top-level; Python's
    // closed DTO refuses a top-level key it does not know, so it goes in additionalInfo unless asked (docs/doku.md §4.5)
    const where = deps.config.bindChargeToken;
    if (where === 'top') Object.assign(common, { chargeToken: binding.chargeToken });
    const info = {
      custIdMerchant: binding.custIdMerchant,
      status: 'PENDING',
      ...(where === 'additionalInfo' ? { chargeToken: binding.chargeToken } : {}),
    };
    return binding.mode === 'DH'
      ? { body: { ...common, redirectUrl: `${ctx.baseUrl}/direct-debit/kki/binding/${binding.sessionId}`, additionalInfo: info } }
      : { body: { ...common, additionalInfo: { ...info, authCode: binding.authCode } } };
  },
};

function cardBinding({ body, header, merchant }: Ctx<Body>, fingerprint: string, card: ReturnType<typeof readCardData>) {
  const info = body.additionalInfo;
  return {
    kind: 'CARD' as const,
    clientId: merchant.clientId,
    custIdMerchant: body.custIdMerchant,
    partnerReferenceNo: body.partnerReferenceNo,
    channel: info?.channel,
    // DH unless the merchant asks for H2H; the SDKs send DH or a caller-chosen value (docs/sdks.md).
    mode: header(H.channelId)?.toUpperCase() === 'H2H' ? ('H2H' as const) : ('DH' as const),
    fingerprint,
    maskedNo: maskCardNo(card.bankCardNo),
    bankCardType: card.bankCardType,
    expiryDate: card.expiryDate,
    phoneNo: body.phoneNo,
    customerName: info?.customerName ?? body.accountName,
    successRegistrationUrl: info?.successRegistrationUrl,
    failedRegistrationUrl: info?.failedRegistrationUrl,
  };
}
