/**
 * What the sandbox keeps of a virtual account (products/virtual-accounts/, docs/doku.md §14), and
 * the index that finds one by the number a request names whatever its padding (§14.2): the digits,
 * spaces and leading zeros gone, per merchant.
 */

export type VaStatus = 'ACTIVE' | 'INACTIVE' | 'PAID' | 'DELETED';

/** One payment into a VA (a reusable one takes several). */
export interface VaPaymentRecord {
  /** DOKU's id of the payment (the notification's and status check's paymentRequestId) */
  paymentRequestId: string;
  paidAmount: { value: string; currency: string };
  /** epoch ms */
  paidAt: number;
  /** ISO 18245 merchant category of the paying channel (6011 ATM, …), as the bank reports it */
  channelCode: string;
  senderName?: string;
}

export interface VirtualAccountRecord {
  id: string;
  clientId: string;
  /** as the merchant sent them, echoed back: DOKU's samples mix spaces, zeros and none (docs/doku.md §14.2) */
  partnerServiceId: string;
  customerNo: string;
  virtualAccountNo: string;
  /** how the VA is found whatever the padding (vaKey) */
  key: string;
  /** DGPC: DOKU completed the customerNo (docs/doku.md §14.3); MGPC: the merchant's own; DIPC: the merchant's inquiry answer made it (§14.11) */
  numbering: 'MGPC' | 'DGPC' | 'DIPC';
  virtualAccountName: string;
  virtualAccountEmail?: string;
  virtualAccountPhone?: string;
  trxId: string;
  totalAmount?: { value: string; currency: string };
  /** C closed (pay exactly totalAmount), O/V open (any amount within min/max) */
  trxType: string;
  /** as answered: the merchant's own text, or the default expiry with +07:00 */
  expiredDate: string;
  /** epoch ms */
  expiresAt: number;
  channel: string;
  reusable: boolean;
  minAmount?: string;
  maxAmount?: string;
  /** `freeText` (Node, PHP, DOKU's sample) or `freeTexts` (Go, Java, SNAP): echoed under the name sent */
  freeText?: { key: 'freeText' | 'freeTexts'; items: unknown[] };
  status: VaStatus;
  payments: VaPaymentRecord[];
  createdAt: number;
  /** the scenario it was created under */
  scenario?: string;
}

/** DOKU's inquiry call to the merchant before a DIPC payment (docs/doku.md §14.11), as it went. */
export interface VaInquiryLog {
  url: string;
  inquiryRequestId: string;
  /** the body sent, and what came back: the merchant's HTTP status (null: no answer) and the start of its body */
  request: Record<string, unknown>;
  status: number | null;
  responseBody?: string;
  error?: string;
  latencyMs: number;
}

/** One try at paying a VA at the bank, paid or refused, and why: the bank's journal (GET /__mock/virtual-accounts/{no}). */
export interface VaBankAttempt {
  id: string;
  clientId: string;
  /** the number as the payer typed it, and its key (vaKey) */
  virtualAccountNo: string;
  key: string;
  at: number;
  amount?: string;
  channelCode: string;
  outcome: 'PAID' | 'REFUSED';
  /** refused: DOKU's code for it (service 25), or the merchant's own when its inquiry answer declined */
  responseCode?: string;
  why?: string;
  paymentRequestId?: string;
  inquiry?: VaInquiryLog;
}

/** The key a VA number is found by: digits only, leading zeros gone (`"   19008"+"01"`, `"1900801"`, `"0001900801"`). */
export const vaKey = (virtualAccountNo: string): string => virtualAccountNo.replace(/\s+/g, '').replace(/^0+(?=\d)/, '');

export class VaIndex {
  /** `clientId|key` → the latest VA with that number (a number may be created again once the old VA is gone) */
  private readonly byNumber = new Map<string, VirtualAccountRecord>();
  private readonly byTrx = new Map<string, VirtualAccountRecord>();
  private readonly byPaymentRequestId = new Map<string, VirtualAccountRecord>();

  rebuild(all: Record<string, VirtualAccountRecord>): void {
    this.byNumber.clear();
    this.byTrx.clear();
    this.byPaymentRequestId.clear();
    for (const va of Object.values(all).sort((a, b) => a.createdAt - b.createdAt)) this.add(va);
  }

  add(va: VirtualAccountRecord): void {
    this.byNumber.set(`${va.clientId}|${va.key}`, va);
    this.byTrx.set(`${va.clientId}|${va.trxId}`, va);
    for (const p of va.payments) this.byPaymentRequestId.set(p.paymentRequestId, va);
  }

  byVaNo = (clientId: string, virtualAccountNo: string) => this.byNumber.get(`${clientId}|${vaKey(virtualAccountNo)}`);
  byTrxId = (clientId: string, trxId: string) => this.byTrx.get(`${clientId}|${trxId}`);
  byPayment = (paymentRequestId: string) => this.byPaymentRequestId.get(paymentRequestId);
  /** Every merchant's VA with that number (the admin's pay action, when no merchant is named). */
  everyWithNo(virtualAccountNo: string): VirtualAccountRecord[] {
    const key = vaKey(virtualAccountNo);
    return [...this.byNumber.entries()].filter(([k]) => k.endsWith(`|${key}`)).map(([, va]) => va);
  }
}
