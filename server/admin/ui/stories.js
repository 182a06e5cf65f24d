// What happened to a payment, a VA or a QR, as the events of a timeline (dialog.js draws it): its
// record's own times, the requests that named it, the bank's tries, each notification attempt.
import { api } from './admin.js';
import { notificationEvents, requestEvent, showTimeline } from './dialog.js';

export async function paymentStory(ref) {
  const s = await api('/payments/' + ref);
  const p = s.payment.record;
  const events = [
    {
      at: p.createdAt,
      kind: 'payment',
      text: 'created: ' + p.amount.value + ' ' + p.amount.currency + ' by ' + p.channel,
      outcome: p.responseCode,
      cls: p.status,
    },
    ...s.requests.map(requestEvent),
    ...(p.paidTime
      ? [
          {
            at: p.paidTime,
            kind: 'payment',
            text: 'paid' + (p.approvalCode ? ' (approval ' + p.approvalCode + ')' : ''),
            outcome: 'SUCCESS',
            cls: 'SUCCESS',
          },
        ]
      : []),
    ...(p.refunds || []).map((r) => ({
      at: r.refundTime,
      kind: 'refund',
      text: 'refund ' + r.partnerRefundNo + ': ' + r.refundAmount.value,
    })),
    ...s.notifications.flatMap(notificationEvents),
  ];
  showTimeline('Payment ' + s.payment.partnerReferenceNo + ' (' + ref + ')', events, {
    payment: p,
    requests: s.requests,
    notifications: s.notifications,
  });
}

export async function vaStory(no, clientId) {
  const s = await api('/virtual-accounts/' + no + '?clientId=' + encodeURIComponent(clientId));
  const v = s.virtualAccount;
  const events = [
    {
      at: v.createdAt,
      kind: 'va',
      text: 'created: ' + (v.totalAmount ? v.totalAmount.value : 'open amount') + ' by ' + v.channel + ', ' + v.numbering,
      outcome: 'ACTIVE',
      cls: 'ACTIVE',
    },
    // before the bank's tries: the view's times are to the second, and a tie keeps this order
    ...(v.state === 'EXPIRED' ? [{ at: v.expiredDate, kind: 'va', text: 'expired', outcome: 'EXPIRED', cls: 'EXPIRED' }] : []),
    ...s.attempts.map((a) => ({
      at: a.at,
      kind: 'bank',
      text:
        a.outcome === 'PAID'
          ? 'paid' + (a.amount ? ' ' + a.amount : '') + ' at the bank (channel ' + a.channelCode + ')'
          : 'refused: ' + (a.why || ''),
      outcome: a.responseCode || a.outcome,
      cls: a.outcome === 'PAID' ? 'PAID' : 'FAILED',
    })),
    ...s.notifications.flatMap(notificationEvents),
  ];
  showTimeline('Virtual account ' + no, events, { virtualAccount: v.record, attempts: s.attempts, notifications: s.notifications });
}

export async function qrisStory(ref, clientId) {
  const s = await api('/qris/' + ref + '?clientId=' + encodeURIComponent(clientId));
  const r = s.qris.record;
  const events = [
    {
      at: r.createdAt,
      kind: 'qris',
      text: 'generated: ' + r.amount.value + ' ' + r.amount.currency + ', valid until ' + r.validityPeriod,
      outcome: 'PENDING',
      cls: 'PENDING',
    },
    // a failed payment keeps no time of its own: its notification's is when it failed
    ...(r.status === 'PAID' || r.status === 'REFUNDED' || r.status === 'FAILED'
      ? [
          {
            at: r.paidAt ?? s.notifications.at(-1)?.createdAt,
            kind: 'qris',
            text:
              r.status === 'FAILED'
                ? 'the payment failed (' + r.issuerName + ')'
                : 'paid by ' + r.issuerName + (r.customerName ? ', ' + r.customerName : ''),
            outcome: r.status,
            cls: r.status,
          },
        ]
      : []),
    ...(r.refunds || []).map((f) => ({
      at: f.refundTime,
      kind: 'refund',
      text: 'refund ' + f.partnerRefundNo + ': ' + f.refundAmount.value,
    })),
    ...(s.qris.state === 'EXPIRED' ? [{ at: r.expiresAt, kind: 'qris', text: 'expired', outcome: 'EXPIRED', cls: 'EXPIRED' }] : []),
    ...s.notifications.flatMap(notificationEvents),
  ];
  showTimeline('QRIS ' + s.qris.partnerReferenceNo + ' (' + ref + ')', events, { qris: r, notifications: s.notifications });
}
