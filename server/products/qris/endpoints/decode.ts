/**
 * POST /snap-adapter/b2b/v1.0/qr/qr-mpm-decode — service 48 (docs/doku.md §15.5; thin: DOKU's
 * page lists "Decode QRIS" without a readable body, so SNAP's): what a QR string says — merchant
 * name and city, amount — read from its EMVCo fields, its CRC checked (else `4004801`). A QR this
 * sandbox generated also names its referenceNo.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { invalidFieldFormat } from '../../../snap/errors.js';
import { isoDateTime, str } from '../../../snap/fields.js';
import { decodeQr, readTlv } from '../domain/qr-content.js';

const schema = () =>
  z.object({
    partnerReferenceNo: z.string().max(64).optional(),
    qrContent: str(512),
    scanTime: isoDateTime.optional(),
    merchantId: z.string().max(64).optional(),
    terminalId: z.string().max(16).optional(),
    additionalInfo: z.unknown().optional(),
  });
type Body = z.infer<ReturnType<typeof schema>>;

/** EMVCo's amount (`10000`, `12500.5`) as a SNAP amount value. */
const snapAmount = (v: string) => (Number(v) || 0).toFixed(2);

export const qrisDecode: EndpointDefinition<Body> = {
  name: 'qris-decode',
  path: '/snap-adapter/b2b/v1.0/qr/qr-mpm-decode',
  serviceCode: () => '48',
  auth: 'symmetric',
  readOnly: true,
  schema,
  async handle({ deps, body }) {
    const fields = decodeQr(body.qrContent.trim());
    if (!fields) throw invalidFieldFormat('qrContent', 'qrContent is not an EMVCo QR payload with a correct CRC');
    const extra = readTlv(fields.get('62') ?? '');
    const ours = deps.store.qris.byQrContent(body.qrContent.trim());
    return {
      body: {
        ...(ours ? { referenceNo: ours.referenceNo } : {}),
        ...(body.partnerReferenceNo ? { partnerReferenceNo: body.partnerReferenceNo } : {}),
        merchantName: fields.get('59') ?? '',
        merchantLocation: fields.get('60') ?? '',
        transactionAmount: { value: snapAmount(fields.get('54') ?? '0'), currency: 'IDR' },
        additionalInfo: {
          pointOfInitiation: fields.get('01') === '12' ? 'dynamic' : 'static',
          ...(extra?.get('01') ? { billNumber: extra.get('01') } : {}),
          ...(extra?.get('07') ? { terminalId: extra.get('07') } : {}),
        },
      },
    };
  },
};
