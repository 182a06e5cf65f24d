/**
 * POST /snap-adapter/b2b/v1.0/qr/qr-mpm-generate — service 47 (docs/doku.md §15.1): a dynamic QR
 * for one order, its `qrContent` an EMVCo/QRIS payload (domain/qr-content.ts). validityPeriod: 30
 * days unless given (DOKU's page); in the past, or (strict) beyond 30 days, `4004701`; lenient
 * clamps it to 30 days. A partnerReferenceNo already generated and unpaid is `4094701` (mock choice).
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { invalidFieldFormat, snapError } from '../../../snap/errors.js';
import { H } from '../../../snap/headers.js';
import { toCents } from '../../../snap/money.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { QrisRecord } from '../../../store/qris-records.js';
import { qrContent } from '../domain/qr-content.js';
import { stateAt } from '../domain/qris-state.js';
import { generateFields } from '../fields.js';

const schema = () => z.object(generateFields);
type Body = z.infer<ReturnType<typeof schema>>;
const DAYS_30 = 30 * 86400_000;

/** The QRIS national merchant id (NMID) of a DOKU merchant id: `ID10` + 11 digits (made up: DOKU assigns real ones). */
const nmidOf = (merchantId: string) => `ID10${merchantId.replace(/\D/g, '').padStart(11, '0').slice(-11)}`;

export const qrisGenerate: EndpointDefinition<Body> = {
  name: 'qris-generate',
  path: '/snap-adapter/b2b/v1.0/qr/qr-mpm-generate',
  serviceCode: () => '47',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, header, merchant, now, baseUrl, scenario }) {
    const { config, store, ids } = deps;
    if (toCents(body.amount.value) <= 0n) throw invalidFieldFormat('amount.value', 'the amount must be more than 0.00');
    const asked = body.validityPeriod ? Date.parse(body.validityPeriod) : now + DAYS_30;
    if (asked <= now) throw invalidFieldFormat('validityPeriod', 'validityPeriod is in the past');
    if (asked > now + DAYS_30 && config.qrisMode === 'strict')
      throw invalidFieldFormat('validityPeriod', "validityPeriod is at most 30 days ahead (DOKU's page)");
    const expiresAt = Math.min(asked, now + DAYS_30);
    const same = store.qris.byPartnerReferenceNo(merchant.clientId, body.partnerReferenceNo);
    if (same && stateAt(same, now) === 'PENDING')
      throw snapError('409_01', `partnerReferenceNo ${body.partnerReferenceNo} already has a QR to pay (referenceNo ${same.referenceNo})`);
    const referenceNo = ids.referenceNo(now);
    const q: QrisRecord = {
      referenceNo,
      clientId: merchant.clientId,
      partnerReferenceNo: body.partnerReferenceNo,
      externalId: header(H.externalId) ?? '',
      merchantId: body.merchantId,
      terminalId: body.terminalId,
      amount: body.amount,
      ...(body.feeAmount ? { feeAmount: body.feeAmount } : {}),
      validityPeriod: formatJakarta(expiresAt),
      expiresAt,
      qrContent: qrContent({
        merchantId: body.merchantId,
        terminalId: body.terminalId,
        amount: body.amount.value,
        merchantName: config.qrisMerchantName,
        merchantCity: config.qrisMerchantCity,
        postalCode: body.additionalInfo?.postalCode ?? config.qrisPostalCode,
        billNumber: body.partnerReferenceNo,
        nmid: nmidOf(body.merchantId),
        mcc: '5812',
      }),
      pageId: ids.tokenId(),
      status: 'PENDING',
      refunds: [],
      createdAt: now,
      ...(scenario ? { scenario: scenario.scenario.name } : {}),
    };
    store.insertQris(q);
    return {
      body: {
        referenceNo,
        partnerReferenceNo: q.partnerReferenceNo,
        qrContent: q.qrContent,
        // SNAP's own field for the QR as an image; the page beside it is the sandbox's (docs/doku.md §15.6)
        qrUrl: `${baseUrl}/qris/page/${q.pageId}.png`,
        terminalId: q.terminalId,
        additionalInfo: { validityPeriod: q.validityPeriod, qrPage: `${baseUrl}/qris/page/${q.pageId}` },
      },
    };
  },
};
