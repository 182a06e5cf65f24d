/**
 * The QRIS's own /__mock routes (docs/doku.md §15.6): what DOKU's dashboard simulator does, scriptable.
 * - GET  /qris                       the merchant's QRs (or everyone's), newest first
 * - GET  /qris/{referenceNo}         one QR, and its notifications
 * - POST /qris/{referenceNo}/pay     {result?: success|fail, issuerName?, customerName?}: the customer pays in their app
 * - POST /qris/pay                   {qrContent, …}: the same, by the scanned QR string
 * - POST /qris/{referenceNo}/expire  its validityPeriod is now
 * A QR that cannot be paid answers 409 and why; nothing changes.
 */
import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import type { AdminKit } from '../../../product.js';
import { mayAct, targetOf } from '../../../admin/scope.js';
import { MockError } from '../../../scenario/mock-error.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { QrisRecord } from '../../../store/qris-records.js';
import { payQris, type QrisPayInput } from '../domain/pay.js';
import { latestStatus, stateAt } from '../domain/qris-state.js';

const limitOf = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 200);

function payInput(body: unknown): QrisPayInput {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.result !== undefined && b.result !== 'success' && b.result !== 'fail')
    throw new MockError('result is "success" (the default) or "fail"', { field: 'result' });
  for (const field of ['issuerName', 'customerName'] as const)
    if (b[field] !== undefined && (typeof b[field] !== 'string' || !/^[\x20-\x7e]{1,40}$/.test(b[field] as string)))
      throw new MockError(`${field} is up to 40 printable ASCII characters`, { field });
  return {
    ...(b.result ? { result: b.result as 'success' | 'fail' } : {}),
    ...(b.issuerName ? { issuerName: b.issuerName as string } : {}),
    ...(b.customerName ? { customerName: b.customerName as string } : {}),
  };
}

export function qrisAdminRoutes(deps: Deps, { outbox }: AdminKit): Router {
  const router = Router();
  const { store, clock } = deps;
  const summary = (q: QrisRecord) => {
    const now = clock.now(q.clientId);
    return {
      referenceNo: q.referenceNo,
      partnerReferenceNo: q.partnerReferenceNo,
      clientId: q.clientId,
      merchantId: q.merchantId,
      terminalId: q.terminalId,
      amount: q.amount,
      state: stateAt(q, now),
      ...latestStatus(deps.config, q, now),
      validityPeriod: q.validityPeriod,
      qrContent: q.qrContent,
      ...(q.paidAt !== undefined ? { paidTime: formatJakarta(q.paidAt) } : {}),
      ...(q.issuerName ? { issuerName: q.issuerName } : {}),
      refunds: q.refunds.map((r) => ({ ...r, refundTime: formatJakarta(r.refundTime) })),
      ...(q.scenario ? { scenario: q.scenario } : {}),
      createdAt: formatJakarta(q.createdAt),
    };
  };
  const mine = (req: Request, res: Response, q: QrisRecord | undefined) => {
    const clientId = targetOf(req, res);
    return q && (clientId ? q.clientId === clientId : mayAct(res, q.clientId)) ? q : undefined;
  };
  const byRef = (req: Request, res: Response): QrisRecord => {
    const ref = String(req.params.referenceNo);
    const q = mine(req, res, Object.hasOwn(store.data.qris, ref) ? store.data.qris[ref] : undefined);
    if (!q) throw new MockError(`no QR ${ref.slice(0, 64)}`, {}, 404);
    return q;
  };
  const pay = async (q: QrisRecord, body: unknown, res: Response) => {
    const outcome = payQris(deps, q, payInput(body), clock.now(q.clientId));
    if (!outcome.ok) throw new MockError(`the QR cannot be paid: ${outcome.why}`, { qris: summary(q) }, 409);
    await store.commit();
    const notification = outbox.list(q.referenceNo)[0];
    res.json({
      qris: summary(q),
      notification: notification ?? null,
      ...(notification ? {} : { notice: 'no notification URL for QRIS (DOKU_QRIS_NOTIFICATION_URL, DOKU_NOTIFICATION_URL)' }),
    });
  };

  router.get('/qris', (req, res) => {
    const clientId = targetOf(req, res);
    const all = Object.values(store.data.qris).filter((q) => (clientId ? q.clientId === clientId : mayAct(res, q.clientId)));
    res.json({ qris: all.slice(-limitOf(req.query.limit)).reverse().map(summary) });
  });
  // before /{referenceNo}: `pay` is not a referenceNo
  router.post('/qris/pay', async (req, res) => {
    const content = (req.body ?? {}).qrContent;
    if (typeof content !== 'string' || content.length > 512)
      throw new MockError('send {"qrContent": "000201…"} (the scanned QR string)', { field: 'qrContent' });
    const q = mine(req, res, store.qris.byQrContent(content.trim()));
    if (!q) throw new MockError('no QR the sandbox generated has this qrContent', { field: 'qrContent' }, 404);
    await pay(q, req.body, res);
  });
  router.get('/qris/:referenceNo', (req, res) => {
    const q = byRef(req, res);
    res.json({ qris: { ...summary(q), record: q }, notifications: outbox.list(q.referenceNo) });
  });
  router.post('/qris/:referenceNo/pay', async (req, res) => pay(byRef(req, res), req.body, res));
  router.post('/qris/:referenceNo/expire', async (req, res) => {
    const q = byRef(req, res);
    const now = clock.now(q.clientId);
    if (stateAt(q, now) !== 'PENDING') throw new MockError(`the QR is ${stateAt(q, now)}: nothing to expire`, {}, 409);
    store.updateQris(q, { expiresAt: now, validityPeriod: formatJakarta(now) });
    await store.commit();
    res.json({ qris: summary(q) });
  });
  return router;
}
