/**
 * What the sandbox keeps of a generated QRIS (products/qris/, docs/doku.md §15), and the index
 * that finds one by DOKU's referenceNo, by the merchant's partnerReferenceNo, or by its qrContent
 * (the pay action takes a pasted QR string).
 */

/** SNAP's latestTransactionStatus is derived from it (products/qris/domain/qris-state.ts). */
export type QrisStatus = 'PENDING' | 'PAID' | 'REFUNDED' | 'CANCELED' | 'FAILED';

export interface QrisRefundRecord {
  refundNo: string;
  partnerRefundNo: string;
  refundAmount: { value: string; currency: string };
  reason?: string;
  /** epoch ms */
  refundTime: number;
}

export interface QrisRecord {
  /** DOKU's referenceNo */
  referenceNo: string;
  clientId: string;
  partnerReferenceNo: string;
  /** the X-EXTERNAL-ID of the generate request (the query's originalExternalId) */
  externalId: string;
  merchantId: string;
  terminalId: string;
  amount: { value: string; currency: string };
  feeAmount?: { value: string; currency: string };
  /** as answered: `+07:00` */
  validityPeriod: string;
  /** epoch ms */
  expiresAt: number;
  qrContent: string;
  /** the secret of its hosted page's link (products/qris/pages/qr-page.ts) */
  pageId: string;
  status: QrisStatus;
  /** epoch ms, when paid */
  paidAt?: number;
  approvalCode?: string;
  issuerName?: string;
  customerName?: string;
  refunds: QrisRefundRecord[];
  createdAt: number;
  /** the scenario it was generated under */
  scenario?: string;
}

export class QrisIndex {
  private readonly byPartner = new Map<string, QrisRecord>();
  private readonly byQr = new Map<string, QrisRecord>();
  private readonly byPageId = new Map<string, QrisRecord>();

  rebuild(all: Record<string, QrisRecord>): void {
    this.byPartner.clear();
    this.byQr.clear();
    this.byPageId.clear();
    for (const q of Object.values(all).sort((a, b) => a.createdAt - b.createdAt)) this.add(q);
  }

  add(q: QrisRecord): void {
    this.byPartner.set(`${q.clientId}|${q.partnerReferenceNo}`, q);
    this.byQr.set(q.qrContent, q);
    this.byPageId.set(q.pageId, q);
  }

  byPartnerReferenceNo = (clientId: string, partnerReferenceNo: string) => this.byPartner.get(`${clientId}|${partnerReferenceNo}`);
  byQrContent = (qrContent: string) => this.byQr.get(qrContent);
  byPage = (pageId: string) => this.byPageId.get(pageId);
}
