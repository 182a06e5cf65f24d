/**
 * POST /snap-adapter/b2b/v1.0/qr/qr-mpm-query — service 51 (docs/doku.md §15.3): a QR's
 * latestTransactionStatus (domain/qris-state.ts), found by either reference: a client puts its own
 * order id in both, so each is tried as DOKU's referenceNo and as the partnerReferenceNo. Unknown:
 * `4045101`. serviceCode must be `47` only when strict (DOKU_QRIS_MODE).
 */
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import type { EndpointDefinition } from '../../../endpoint.js';
import { invalidFieldFormat, snapError } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { QrisRecord } from '../../../store/qris-records.js';
import { latestStatus } from '../domain/qris-state.js';
import { queryFields } from '../fields.js';

const schema = () => z.object(queryFields);
type Body = z.infer<ReturnType<typeof schema>>;

/** The merchant's QR a reference names, whichever field holds it. */
export function findQris(deps: Deps, clientId: string, refs: (string | undefined)[]): QrisRecord | undefined {
  for (const ref of refs) {
    if (!ref) continue;
    const byDoku = Object.hasOwn(deps.store.data.qris, ref) ? deps.store.data.qris[ref] : undefined;
    if (byDoku?.clientId === clientId) return byDoku;
    const byPartner = deps.store.qris.byPartnerReferenceNo(clientId, ref);
    if (byPartner) return byPartner;
  }
  return undefined;
}

/** The QR a cancel or refund names: its originalPartnerReferenceNo (M), and originalReferenceNo when sent, must both be it; else `404xx01`. */
export function originalQris(
  deps: Deps,
  clientId: string,
  body: { originalPartnerReferenceNo: string; originalReferenceNo?: string },
): QrisRecord {
  const q = findQris(deps, clientId, [body.originalReferenceNo, body.originalPartnerReferenceNo]);
  if (!q || q.partnerReferenceNo !== body.originalPartnerReferenceNo)
    throw snapError('404_01', 'no QR of this merchant has this originalPartnerReferenceNo (and originalReferenceNo)');
  return q;
}

export const qrisQuery: EndpointDefinition<Body> = {
  name: 'qris-query',
  path: '/snap-adapter/b2b/v1.0/qr/qr-mpm-query',
  serviceCode: () => '51',
  auth: 'symmetric',
  readOnly: true,
  schema,
  async handle({ deps, body, merchant, now }) {
    if (deps.config.qrisMode === 'strict' && body.serviceCode !== '47')
      throw invalidFieldFormat('serviceCode', 'serviceCode is 47 (generate)');
    const q = findQris(deps, merchant.clientId, [body.originalReferenceNo, body.originalPartnerReferenceNo]);
    if (!q) throw snapError('404_01', 'no QR of this merchant has that originalReferenceNo or originalPartnerReferenceNo');
    const paid = q.paidAt !== undefined;
    return {
      body: {
        originalReferenceNo: q.referenceNo,
        originalPartnerReferenceNo: q.partnerReferenceNo,
        originalExternalId: q.externalId,
        serviceCode: '47',
        ...latestStatus(deps.config, q, now),
        ...(paid ? { paidTime: formatJakarta(q.paidAt!) } : {}),
        amount: q.amount,
        ...(q.feeAmount ? { feeAmount: q.feeAmount } : {}),
        terminalId: q.terminalId,
        additionalInfo: paid
          ? {
              issuerId: ISSUERS[q.issuerName ?? 'BCAD'] ?? '93600501',
              approvalCode: q.approvalCode,
              issuerName: q.issuerName,
              customerName: q.customerName,
            }
          : {},
      },
    };
  },
};

/** The issuer's national id by its QRIS name (DOKU's sample: BCAD 93600501). */
const ISSUERS: Record<string, string> = { BCAD: '93600501', OVO: '93600912', GOPAY: '93600914', DANA: '93600915', SHOPEEPAY: '93600918' };
