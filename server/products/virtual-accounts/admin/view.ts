/** How the admin routes and the dashboard show a VA and a try at paying one (times in Jakarta's ISO-8601). */
import type { Deps } from '../../../deps.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { VaBankAttempt, VirtualAccountRecord } from '../../../store/va-records.js';
import { stateAt } from '../domain/va-state.js';

export const vaSummary = (deps: Deps, va: VirtualAccountRecord) => ({
  virtualAccountNo: va.virtualAccountNo,
  partnerServiceId: va.partnerServiceId,
  customerNo: va.customerNo,
  clientId: va.clientId,
  trxId: va.trxId,
  virtualAccountName: va.virtualAccountName,
  channel: va.channel,
  numbering: va.numbering,
  virtualAccountTrxType: va.trxType,
  totalAmount: va.totalAmount,
  reusable: va.reusable,
  state: stateAt(va, deps.clock.now(va.clientId)),
  expiredDate: va.expiredDate,
  payments: va.payments.map((p) => ({ ...p, paidAt: formatJakarta(p.paidAt) })),
  ...(va.scenario ? { scenario: va.scenario } : {}),
  createdAt: formatJakarta(va.createdAt),
});

export const attemptView = (a: VaBankAttempt) => ({ ...a, at: formatJakarta(a.at) });
