/**
 * POST /direct-debit/core/v1/registration-account-binding — service 07 (docs/doku.md §10.2): Allo Bank,
 * CIMB, OVO. Like a DH card bind: a pending binding, a redirectUrl to the hosted OTP page, then
 * authCode → customer token. X-IP-ADDRESS is mandatory; Allo also needs X-DEVICE-ID and its
 * device fields (docs/sdks.md). The number a phone+channel is held by one customer (`4090701`).
 */
import { z } from 'zod';
import { holdsCard } from '../domain/binding-status.js';
import { instrumentFingerprint } from '../domain/instrument.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { invalidFieldFormat, invalidMandatoryField, snapError } from '../../../snap/errors.js';
import type { Config } from '../../../config/load.js';
import { startBinding } from '../domain/start-binding.js';
import { channel, customerInfo, httpUrl, str } from './fields.js';
import type { EndpointDefinition } from '../../../endpoint.js';

const ALLO = 'DIRECT_DEBIT_ALLO_SNAP';

function schema(config: Config) {
  return z.object({
    phoneNo: z.string().regex(/^\+?\d{9,16}$/, 'must be 9-16 digits, e.g. 62813941306101'),
    additionalInfo: z.object({
      channel: channel(config),
      custIdMerchant: z.string().min(1).max(64),
      successRegistrationUrl: httpUrl,
      failedRegistrationUrl: httpUrl,
      ...customerInfo,
      deviceModel: str(64).optional(),
      // ios/android as DOKU's Allo page; Python's SDK checks them case-insensitively, so does the sandbox.
      osType: z
        .string()
        .regex(/^(ios|android)$/i, 'must be ios or android')
        .optional(),
      // Free text: Go's README sends "CH001" where DOKU's Allo page lists app/web.
      channelId: str(64).optional(),
    }),
  });
}

type Body = z.infer<ReturnType<typeof schema>>;

export const accountBinding: EndpointDefinition<Body> = {
  name: 'account-binding',
  path: '/direct-debit/core/v1/registration-account-binding',
  serviceCode: () => SERVICE_CODES.accountBinding,
  auth: 'symmetric',
  extraHeaders: [H.ipAddress],
  schema,
  async handle(ctx) {
    const { deps, body, merchant, now, header } = ctx;
    const info = body.additionalInfo;
    if (info.channel === ALLO) {
      if (!header(H.deviceId)) throw invalidMandatoryField(H.deviceId, 'Allo Bank needs X-DEVICE-ID');
      for (const field of ['deviceModel', 'osType', 'channelId'] as const) {
        if (!info[field]) throw invalidMandatoryField(`additionalInfo.${field}`, `Allo Bank needs additionalInfo.${field}`);
      }
      // app or web on DOKU's Allo page; other channels take any text (Go's README sends CH001)
      if (!/^(app|web)$/i.test(info.channelId!))
        throw invalidFieldFormat('additionalInfo.channelId', 'Allo Bank: channelId must be app or web');
    }
    const fingerprint = instrumentFingerprint(merchant.clientId, `${info.channel}:${body.phoneNo}`);
    const holder = deps.store.bindings.withInstrument(fingerprint).find((b) => b.clientId === merchant.clientId && holdsCard(b, now));
    if (holder && holder.custIdMerchant !== info.custIdMerchant)
      throw snapError('409_01', 'this account is already bound to another customer of this merchant');
    const binding = startBinding(deps, now, {
      kind: 'ACCOUNT',
      clientId: merchant.clientId,
      custIdMerchant: info.custIdMerchant,
      channel: info.channel,
      mode: 'DH',
      fingerprint,
      maskedNo: `${'*'.repeat(Math.max(0, body.phoneNo.length - 4))}${body.phoneNo.slice(-4)}`,
      phoneNo: body.phoneNo,
      customerName: info.customerName,
      successRegistrationUrl: info.successRegistrationUrl,
      failedRegistrationUrl: info.failedRegistrationUrl,
    });
    return {
      body: {
        referenceNo: binding.referenceNo,
        redirectUrl: `${ctx.baseUrl}/direct-debit/account/binding/${binding.sessionId}`,
        // PHP reads accountStatus and authCode unguarded (docs/sdks.md). The authCode is
        // null until the customer finishes on redirectUrl, whose redirect then carries it.
        additionalInfo: { custIdMerchant: binding.custIdMerchant, status: 'PENDING', accountStatus: 'PENDING', authCode: null },
      },
    };
  },
};
