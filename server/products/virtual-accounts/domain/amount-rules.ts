/**
 * Amount rules of a VA (docs/doku.md §14.4, §14.5): `C` (closed, the default) is paid exactly its
 * totalAmount, which it must have; `O` and `V` (open) take any amount within minAmount..maxAmount,
 * min below max. The other SNAP types are treated as closed (no DOKU page describes them).
 */
import { invalidFieldFormat, invalidMandatoryField } from '../../../snap/errors.js';
import { toCents } from '../../../snap/money.js';
import type { VirtualAccountRecord } from '../../../store/va-records.js';

export const isOpen = (va: Pick<VirtualAccountRecord, 'trxType'>) => va.trxType === 'O' || va.trxType === 'V';

/** Throws the create/update answer for a VA whose amounts do not fit its type. */
export function amountRules(va: VirtualAccountRecord): void {
  if (!isOpen(va) && !va.totalAmount)
    throw invalidMandatoryField('totalAmount', 'a closed VA (virtualAccountTrxType C) is paid its totalAmount');
  if (va.minAmount !== undefined && va.maxAmount !== undefined && toCents(va.minAmount) >= toCents(va.maxAmount))
    throw invalidFieldFormat('additionalInfo.virtualAccountConfig.minAmount', 'minAmount must be below maxAmount');
}

/** Why `amount` cannot be paid into `va`, or undefined when it can. */
export function amountRefusal(va: VirtualAccountRecord, amount: string): string | undefined {
  const cents = toCents(amount);
  if (cents <= 0n) return 'the amount must be more than 0.00';
  if (!isOpen(va)) return cents === toCents(va.totalAmount!.value) ? undefined : `a closed VA is paid exactly ${va.totalAmount!.value}`;
  if (va.minAmount !== undefined && cents < toCents(va.minAmount)) return `below the VA's minAmount ${va.minAmount}`;
  if (va.maxAmount !== undefined && cents > toCents(va.maxAmount)) return `above the VA's maxAmount ${va.maxAmount}`;
  return undefined;
}
