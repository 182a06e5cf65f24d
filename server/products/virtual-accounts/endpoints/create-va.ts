/**
 * POST /virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va — service 27 (docs/doku.md §14.4).
 * MGPC keeps the merchant's number; DGPC completes it (DOKU_VA_NUMBERING). The answer echoes the
 * merchant's own padding. A trxId or a VA number already ACTIVE for this merchant is `4092701`
 * (DOKU's code is not documented: the SNAP case). Aliases: the paths of DOKU's archived pages.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { invalidFieldFormat, invalidMandatoryField, snapError } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import { vaKey, type VirtualAccountRecord } from '../../../store/va-records.js';
import { asAmountValue, vaFields } from '../fields.js';
import { vaData } from '../domain/answer.js';
import { completeCustomerNo, isConcatenation, numberingOf } from '../domain/va-number.js';
import { stateAt } from '../domain/va-state.js';
import { amountRules } from '../domain/amount-rules.js';

const schema = (config: Parameters<typeof vaFields>[0]) => z.object(vaFields(config));
type Body = z.infer<ReturnType<typeof schema>>;

export const createVa: EndpointDefinition<Body> = {
  name: 'va-create',
  path: '/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va',
  aliases: ['/virtual-accounts/bi-snap-va/v1/transfer-va/create-va', '/bi-snap-va/v1/transfer-va/create-va'],
  serviceCode: () => '27',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now, baseUrl, scenario }) {
    const { config, store, ids } = deps;
    const strict = config.vaMode === 'strict';
    const trxType = body.virtualAccountTrxType ?? body.virtualAccounTrxType;
    if (strict && !trxType) throw invalidMandatoryField('virtualAccountTrxType');
    if (strict && !body.expiredDate) throw invalidMandatoryField('expiredDate');
    const numbering = numberingOf(config, body);
    if (numbering === 'MGPC' && !body.customerNo) throw invalidMandatoryField('customerNo');
    if (numbering === 'MGPC' && !isConcatenation(body.partnerServiceId, body.customerNo!, body.virtualAccountNo ?? '', strict))
      throw invalidFieldFormat('virtualAccountNo', 'virtualAccountNo must be partnerServiceId + customerNo');
    const customerNo =
      numbering === 'DGPC' ? completeCustomerNo(store, merchant.clientId, body.partnerServiceId, body.customerNo ?? '') : body.customerNo!;
    const virtualAccountNo = numbering === 'DGPC' ? `${body.partnerServiceId}${customerNo}` : body.virtualAccountNo!;
    const cfg = body.additionalInfo.virtualAccountConfig;
    const va: VirtualAccountRecord = {
      id: ids.tokenId(),
      clientId: merchant.clientId,
      partnerServiceId: body.partnerServiceId,
      customerNo,
      virtualAccountNo,
      key: vaKey(virtualAccountNo),
      numbering,
      virtualAccountName: body.virtualAccountName,
      ...(body.virtualAccountEmail ? { virtualAccountEmail: body.virtualAccountEmail } : {}),
      ...(body.virtualAccountPhone ? { virtualAccountPhone: body.virtualAccountPhone } : {}),
      trxId: body.trxId,
      ...(body.totalAmount ? { totalAmount: body.totalAmount } : {}),
      trxType: trxType ?? 'C',
      expiredDate: body.expiredDate ?? formatJakarta(now + config.vaExpiryMinutes * 60_000),
      expiresAt: body.expiredDate ? Date.parse(body.expiredDate) : now + config.vaExpiryMinutes * 60_000,
      channel: body.additionalInfo.channel,
      reusable: cfg?.reusableStatus ?? false,
      ...(cfg?.minAmount !== undefined ? { minAmount: asAmountValue(cfg.minAmount) } : {}),
      ...(cfg?.maxAmount !== undefined ? { maxAmount: asAmountValue(cfg.maxAmount) } : {}),
      ...freeTextOf(body),
      status: 'ACTIVE',
      payments: [],
      createdAt: now,
      ...(scenario ? { scenario: scenario.scenario.name } : {}),
    };
    amountRules(va); // a closed VA needs totalAmount; min below max
    const same = store.virtualAccounts.byTrxId(merchant.clientId, body.trxId);
    if (same && live(same, now))
      throw snapError('409_01', `trxId ${body.trxId} already has an active VA (${same.virtualAccountNo.trim()})`);
    const taken = store.virtualAccounts.byVaNo(merchant.clientId, virtualAccountNo);
    if (taken && live(taken, now))
      throw snapError('409_01', `the VA number ${virtualAccountNo.trim()} is already active (trxId ${taken.trxId})`);
    store.insertVa(va);
    return { body: { virtualAccountData: vaData(va, baseUrl, 'create') } };
  },
};

/** A VA still holding its number and trxId: one that can be paid, or made ACTIVE again. */
const live = (va: VirtualAccountRecord, now: number) => ['ACTIVE', 'INACTIVE'].includes(stateAt(va, now));

function freeTextOf(body: Body): Pick<VirtualAccountRecord, 'freeText'> {
  if (body.freeTexts) return { freeText: { key: 'freeTexts', items: body.freeTexts } };
  return body.freeText ? { freeText: { key: 'freeText', items: body.freeText } } : {};
}
