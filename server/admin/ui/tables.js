// The dashboard's tables, one loader per section, and the stories their rows open.
import { $, action, api, call, fill, linkCell, post, q, scoped, td } from './admin.js';
import { showText } from './dialog.js';
import { paymentStory, qrisStory, vaStory } from './stories.js';

export async function loadRequests() {
  const { requests } = await api('/requests' + q('?limit=50'));
  fill($('#requests tbody'), requests.reverse(), (r, tr) => {
    td(tr, r.time.slice(11, 19));
    td(tr, r.method);
    td(tr, r.path, 'wrap');
    td(tr, (r.responseBody && r.responseBody.responseCode) || String(r.status));
    td(tr, r.scenario === 'none' ? '' : r.scenario, 'wrap');
    td(tr, r.durationMs + ' ms');
    if (r.signatureDiagnosis) action(tr, 'Why?', async () => showText('Why the signature was refused', r.signatureDiagnosis.join('\n')));
    else action(tr, 'Details', async () => showText(r.method + ' ' + r.path, r));
  });
}

export async function loadPayments() {
  const { payments } = await api('/payments' + q('?limit=50'));
  fill($('#payments tbody'), payments, (p, tr) => {
    tr.dataset.ref = p.referenceNo;
    linkCell(tr, p.partnerReferenceNo, () => paymentStory(p.referenceNo));
    td(tr, p.amount.value);
    td(tr, p.status, p.status + ' status');
    td(tr, p.latestTransactionStatus);
    td(tr, String(p.refunded));
    td(tr, p.clientId);
    if (p.status === 'PENDING') {
      action(tr, 'Settle SUCCESS', () => post('/payments/' + p.referenceNo + '/settle', { status: 'SUCCESS' }));
      action(tr, 'Settle FAILED', () => post('/payments/' + p.referenceNo + '/settle', { status: 'FAILED' }));
    }
  });
}

export async function loadBindings() {
  const { bindings } = await api('/bindings' + q('?limit=50'));
  fill($('#bindings tbody'), bindings, (b, tr) => {
    td(tr, b.maskedNo);
    td(tr, b.kind);
    td(tr, b.status, b.status);
    td(tr, b.custIdMerchant);
    td(tr, b.balance);
    if (b.status === 'PENDING_OTP') {
      action(tr, 'OTP success', () => post('/bindings/' + b.referenceNo + '/otp', { result: 'success' }));
      action(tr, 'OTP fail', () => post('/bindings/' + b.referenceNo + '/otp', { result: 'fail' }));
    }
  });
}

export async function loadNotifications() {
  const { notifications, notice } = await api('/notifications');
  $('#notice').textContent = notice || '';
  fill($('#notifications tbody'), notifications.slice(0, 50), (n, tr) => {
    const last = n.attempts[n.attempts.length - 1];
    td(tr, n.referenceNo);
    td(tr, n.state, n.state);
    td(tr, String(n.attempts.length));
    td(tr, last ? (last.status ?? last.error) : '');
    action(tr, 'Resend', () => post('/notifications/' + n.id + '/resend'));
  });
}

export async function loadVirtualAccounts() {
  const { virtualAccounts } = await api('/virtual-accounts' + q('?limit=50'));
  fill($('#virtual-accounts tbody'), virtualAccounts, (v, tr) => {
    const no = v.virtualAccountNo.split(' ').join('');
    const link = linkCell(tr, no, () => vaStory(no, v.clientId));
    if (v.warning) {
      link.textContent = '⚠ ' + no;
      link.title = v.warning;
    }
    td(tr, v.virtualAccountName);
    td(tr, v.totalAmount ? v.totalAmount.value : 'open');
    td(tr, v.state, v.state + ' state');
    td(tr, v.numbering);
    td(tr, String(v.payments.length));
    td(tr, v.clientId);
    if (v.state === 'ACTIVE') {
      action(tr, 'Pay', () => payVa(no, v.totalAmount ? '' : prompt('Amount paid (e.g. 10000.00)') || '', v.clientId));
      action(tr, 'Expire', () => post('/virtual-accounts/' + no + '/expire', { clientId: v.clientId }));
    }
  });
}

// A refused payment is the bank's answer, not a failure of the page: it is shown, not alerted.
export async function payVa(no, amount, clientId) {
  const body = { ...(amount ? { amount } : {}), ...(clientId ? { clientId } : scoped()) };
  const path = '/virtual-accounts/' + encodeURIComponent(no) + '/pay';
  const { ok, status, body: out } = await call(path, { method: 'POST', body: JSON.stringify(body) });
  $('#va-result').textContent = ok
    ? 'paid ' + out.payment.paidAmount.value + ' into ' + no + ' (' + out.payment.paymentRequestId + ')'
    : (out.responseCode ? out.responseCode + ': ' : '') + (out.mockError || status);
}

export async function loadQris() {
  const { qris } = await api('/qris' + q('?limit=50'));
  fill($('#qris tbody'), qris, (r, tr) => {
    linkCell(tr, r.partnerReferenceNo, () => qrisStory(r.referenceNo, r.clientId));
    td(tr, r.amount.value);
    td(tr, r.state, r.state + ' state');
    td(tr, r.latestTransactionStatus);
    td(tr, r.issuerName || '');
    td(tr, r.clientId);
    if (r.state === 'PENDING') {
      action(tr, 'Pay', () => post('/qris/' + r.referenceNo + '/pay', { clientId: r.clientId }));
      action(tr, 'Fail', () => post('/qris/' + r.referenceNo + '/pay', { result: 'fail', clientId: r.clientId }));
      action(tr, 'Expire', () => post('/qris/' + r.referenceNo + '/expire', { clientId: r.clientId }));
    }
  });
}
