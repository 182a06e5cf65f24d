/**
 * The customer pays a VA number at the bank (docs/doku.md §14.8, §14.11): the admin action and the
 * bank-transfer page both come here. A VA the merchant created is paid by its rules (pay.ts); a
 * number it never created is a DIPC one when the merchant has an Inquiry URL (inquiry.ts). Every
 * try, paid or refused, is written to the bank's journal (Store.vaAttempted) with why.
 */
import type { Deps } from '../../../deps.js';
import type { Merchant } from '../../../config/keys.js';
import { CASES, responseCode } from '../../../snap/response-codes.js';
import { vaKey, type VaBankAttempt, type VaPaymentRecord, type VirtualAccountRecord } from '../../../store/va-records.js';
import { payByInquiry, type DipcInput, type DipcOutcome } from './inquiry.js';
import { payVa, type PayOutcome } from './pay.js';

/** Who pays: the merchant named, else any the caller may act for. */
export interface Payer {
  clientId?: string;
  may(clientId: string): boolean;
}

export type BankOutcome =
  | { kind: 'paid'; va: VirtualAccountRecord; payment: VaPaymentRecord; attempt: VaBankAttempt }
  | { kind: 'refused'; va?: VirtualAccountRecord; responseCode: string; responseMessage: string; why: string; attempt: VaBankAttempt }
  | { kind: 'unknown'; why: string }
  | { kind: 'ambiguous'; clientIds: string[] };

/** `named`: the VA a page is for (its link names the record, not only the number). */
export async function payAtBank(
  deps: Deps,
  payer: Payer,
  no: string,
  input: DipcInput,
  named?: VirtualAccountRecord,
): Promise<BankOutcome> {
  const mine = (clientId: string) => (payer.clientId ? clientId === payer.clientId : payer.may(clientId));
  const found = named ? [named] : deps.store.virtualAccounts.everyWithNo(no).filter((va) => va.status !== 'DELETED' && mine(va.clientId));
  if (found.length > 1) return { kind: 'ambiguous', clientIds: found.map((va) => va.clientId) };
  const va = found[0];
  if (va && va.numbering !== 'DIPC') return journal(deps, no, input, va.clientId, va, payVa(deps, va, input, deps.clock.now(va.clientId)));
  const merchant = inquiredMerchant(deps, mine, va?.clientId);
  if (merchant === 'ambiguous') return { kind: 'ambiguous', clientIds: withInquiry(deps, mine).map((m) => m.clientId) };
  if (!merchant)
    return {
      kind: 'unknown',
      why: `no virtual account ${no.trim()}; a merchant-held (DIPC) number needs the merchant's Inquiry URL: DOKU_VA_INQUIRY_URL, or vaInquiryUrl when registering`,
    };
  const outcome = await payByInquiry(deps, merchant, no, input, deps.clock.now(merchant.clientId));
  const made = outcome.ok ? deps.store.virtualAccounts.byPayment(outcome.payment.paymentRequestId) : undefined;
  return journal(deps, no, input, merchant.clientId, made, outcome);
}

const withInquiry = (deps: Deps, mine: (clientId: string) => boolean) =>
  deps.merchants.list().filter((m) => m.vaInquiryUrl && mine(m.clientId));

/** The merchant DOKU asks: the one whose DIPC number it is, else the only one (of the caller's) with an Inquiry URL. */
function inquiredMerchant(deps: Deps, mine: (clientId: string) => boolean, owner?: string): Merchant | 'ambiguous' | undefined {
  if (owner) {
    const merchant = deps.merchants.find(owner);
    return merchant?.vaInquiryUrl ? merchant : undefined;
  }
  const candidates = withInquiry(deps, mine);
  return candidates.length > 1 ? 'ambiguous' : candidates[0];
}

function journal(
  deps: Deps,
  no: string,
  input: DipcInput,
  clientId: string,
  va: VirtualAccountRecord | undefined,
  outcome: PayOutcome | DipcOutcome,
): BankOutcome {
  const inquiry = 'inquiry' in outcome ? outcome.inquiry : undefined;
  const own = 'own' in outcome ? outcome.own : undefined;
  const refusedCode = outcome.ok ? undefined : (own?.responseCode ?? responseCode(outcome.caseKey, '25'));
  const attempt: VaBankAttempt = {
    id: deps.ids.tokenId(),
    clientId,
    virtualAccountNo: no,
    key: vaKey(no),
    at: deps.clock.now(clientId),
    ...(input.amount ? { amount: input.amount } : {}),
    channelCode: input.channelCode ?? '6011',
    outcome: outcome.ok ? 'PAID' : 'REFUSED',
    ...(refusedCode ? { responseCode: refusedCode } : {}),
    ...(outcome.ok ? { paymentRequestId: outcome.payment.paymentRequestId } : { why: outcome.why }),
    ...(inquiry ? { inquiry } : {}),
  };
  deps.store.vaAttempted(attempt);
  if (outcome.ok) return { kind: 'paid', va: va!, payment: outcome.payment, attempt };
  deps.log.info({ virtualAccountNo: no, responseCode: refusedCode, why: outcome.why }, 'virtual account payment refused');
  return {
    kind: 'refused',
    ...(va ? { va } : {}),
    responseCode: refusedCode!,
    responseMessage: own?.responseMessage ?? CASES[outcome.caseKey],
    why: outcome.why,
    attempt,
  };
}
