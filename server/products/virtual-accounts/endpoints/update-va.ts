/**
 * PUT /virtual-accounts/bi-snap-va/v1.1/transfer-va/update-va — service 28 (docs/doku.md §14.6).
 * Changes what the body gives (name, contact, amount, type, expiry, min/max); `virtualAccountConfig.status`
 * INACTIVE stops payments and ACTIVE re-enables them (Go's `reusableStatus` there is ignored, §15
 * #15). Unknown VA, or a trxId that is not the VA's: `4042812`; a paid single-use VA: `4042814`.
 */
import { z } from 'zod';
import type { EndpointDefinition } from '../../../endpoint.js';
import { snapError } from '../../../snap/errors.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';
import { asAmountValue, vaFields, virtualAccountNo } from '../fields.js';
import { vaData } from '../domain/answer.js';
import { amountRules } from '../domain/amount-rules.js';
import { findVa, stateAt } from '../domain/va-state.js';

const schema = (config: Parameters<typeof vaFields>[0]) =>
  z.object({ ...vaFields(config), virtualAccountName: z.string().max(255).optional(), virtualAccountNo });
type Body = z.infer<ReturnType<typeof schema>>;

export const updateVa: EndpointDefinition<Body> = {
  name: 'va-update',
  method: 'PUT',
  path: '/virtual-accounts/bi-snap-va/v1.1/transfer-va/update-va',
  serviceCode: () => '28',
  auth: 'symmetric',
  schema,
  async handle({ deps, body, merchant, now, baseUrl }) {
    const va = findVa(deps.store, merchant.clientId, body);
    if (!va || va.status === 'DELETED') throw snapError('404_12', 'no VA of this merchant has that number');
    if (va.trxId !== body.trxId) throw snapError('404_12', `the VA's trxId is ${va.trxId}, not ${body.trxId}`);
    if (stateAt(va, now) === 'PAID') throw snapError('404_14', 'a paid single-use VA cannot change');
    const cfg = body.additionalInfo.virtualAccountConfig;
    const patch: Partial<VirtualAccountRecord> = {
      ...(body.virtualAccountName ? { virtualAccountName: body.virtualAccountName } : {}),
      ...(body.virtualAccountEmail ? { virtualAccountEmail: body.virtualAccountEmail } : {}),
      ...(body.virtualAccountPhone ? { virtualAccountPhone: body.virtualAccountPhone } : {}),
      ...(body.totalAmount ? { totalAmount: body.totalAmount } : {}),
      ...((body.virtualAccountTrxType ?? body.virtualAccounTrxType)
        ? { trxType: (body.virtualAccountTrxType ?? body.virtualAccounTrxType)! }
        : {}),
      ...(body.expiredDate ? { expiredDate: body.expiredDate, expiresAt: Date.parse(body.expiredDate) } : {}),
      ...(cfg?.minAmount !== undefined ? { minAmount: asAmountValue(cfg.minAmount) } : {}),
      ...(cfg?.maxAmount !== undefined ? { maxAmount: asAmountValue(cfg.maxAmount) } : {}),
      ...(cfg?.status ? { status: cfg.status } : {}),
    };
    amountRules({ ...va, ...patch }); // checked on the VA as it would become, before anything changes
    deps.store.updateVa(va, patch);
    return { body: { virtualAccountData: vaData(va, baseUrl, 'update') } };
  },
};
