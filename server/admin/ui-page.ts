/**
 * GET /__mock/ui: the dashboard (issue #18). One page of plain HTML, CSS and JavaScript, no
 * library and no build step: it needs nothing a user installs, and nothing from another origin, so
 * it works in an air-gapped CI job. Every value it shows comes from the documented admin API and is
 * written with textContent (never parsed as HTML); it follows `/__mock/events` to stay live. With
 * DOKU_ADMIN_TOKEN set it asks for the token once and keeps it in sessionStorage.
 */
import { createHash } from 'node:crypto';

const STYLE = `
:root{--bg:#f3f5f9;--fg:#17202b;--muted:#5b6778;--card:#fff;--line:#dde3ec;--accent:#c21d14;--ok:#1f7a3a;--warn:#8a5a00;--bad:#a3160e}
@media (prefers-color-scheme:dark){:root{--bg:#12161c;--fg:#e7ecf2;--muted:#9aa6b6;--card:#1b2129;--line:#2c3541;--accent:#ff6b5e;--ok:#5fd38a;--warn:#f0c05a;--bad:#ff8a80}}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:12px 16px;background:var(--card);border-bottom:1px solid var(--line)}
header h1{font-size:1.05rem;margin:0 12px 0 0}header .live{font-size:.8rem;color:var(--muted)}
main{display:grid;gap:16px;padding:16px;grid-template-columns:repeat(auto-fit,minmax(min(100%,700px),1fr))}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px;overflow:auto}
h2{font-size:.95rem;margin:0 0 8px}table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid var(--line);white-space:nowrap}td.wrap{white-space:normal;overflow-wrap:anywhere;min-width:8em}select,input{max-width:100%}.row{max-width:100%}#scenario{max-width:min(18rem,100%)}th{color:var(--muted);font-weight:600}
button,select,input{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
button{cursor:pointer}button:focus-visible,select:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.SUCCESS,.ACTIVE,.DELIVERED,.PAID,.REFUNDED{color:var(--ok)}.PENDING,.PENDING_OTP,.PENDING_UNBIND{color:var(--warn)}.FAILED,.INACTIVE,.EXPIRED,.NOT_SENT,.DELETED,.CANCELED{color:var(--bad)}
a{color:var(--accent)}pre{white-space:pre-wrap;font-size:.8rem}dialog{max-width:min(900px,95vw);border:1px solid var(--line);border-radius:10px;background:var(--card);color:var(--fg)}
label{font-size:.85rem;color:var(--muted)}.row{display:flex;gap:6px;align-items:center;flex-wrap:wrap}#desc{font-size:.8rem;color:var(--muted);max-width:40ch}
#seconds{width:7em}#auth{padding:12px 16px}#auth-why{color:var(--bad)}`;

const SCRIPT = `
const $ = (s) => document.querySelector(s);
const el = (tag, text, attrs = {}) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
const token = () => sessionStorage.getItem('doku-admin-token');
// The admin call and its answer, ok or not; api() is it for callers that treat a refusal as an error.
async function call(path, opts = {}) {
  const headers = { 'Content-Type': 'application/json', ...(token() ? { Authorization: 'Bearer ' + token() } : {}) };
  const res = await fetch('/__mock' + path, { ...opts, headers });
  if (res.status === 401) {
    $('#auth-why').textContent = token() ? 'That token was refused: it is not DOKU_ADMIN_TOKEN (nor a merchant’s client secret). Try again.' : '';
    $('#auth').hidden = false; throw new Error('the admin token is needed');
  }
  const type = res.headers.get('content-type') || '';
  return { ok: res.ok, status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}
async function api(path, opts = {}) {
  const { ok, status, body } = await call(path, opts);
  if (!ok) { alert(body.mockError || body); throw new Error(String(status)); }
  return body;
}
const merchant = () => $('#merchant').value;
const q = (extra = '') => (merchant() ? '?clientId=' + encodeURIComponent(merchant()) + extra.replace('?', '&') : extra);
function fill(tbody, rows, cells) {
  tbody.replaceChildren(...rows.map((r) => { const tr = el('tr'); cells(r, tr); return tr; }));
}
// The dialog every story, diagnosis and report opens in: text as is, anything else as JSON.
function showStory(title, value) {
  $('#story-title').textContent = title;
  $('#story-body').textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  $('#story').showModal();
}
const td = (tr, text, cls) => tr.append(el('td', text ?? '', cls ? { class: cls } : {}));
const action = (tr, label, fn) => {
  const b = el('button', label, { type: 'button' });
  b.onclick = () => fn().then(reload);
  (tr.querySelector('td.actions') || tr.appendChild(el('td', undefined, { class: 'actions' }))).append(b);
};
async function loadRequests() {
  const { requests } = await api('/requests' + q('?limit=50'));
  fill($('#requests tbody'), requests.reverse(), (r, tr) => {
    td(tr, r.time.slice(11, 19)); td(tr, r.method); td(tr, r.path, 'wrap'); td(tr, r.responseBody && r.responseBody.responseCode || String(r.status)); td(tr, r.scenario === 'none' ? '' : r.scenario, 'wrap'); td(tr, r.durationMs + ' ms');
    if (r.signatureDiagnosis) action(tr, 'Why?', async () => showStory('Why the signature was refused', r.signatureDiagnosis.join(String.fromCharCode(10))));
    else action(tr, 'Details', async () => showStory(r.method + ' ' + r.path, r));
  });
}
async function loadPayments() {
  const { payments } = await api('/payments' + q('?limit=50'));
  fill($('#payments tbody'), payments, (p, tr) => {
    tr.dataset.ref = p.referenceNo;
    const link = el('a', p.partnerReferenceNo, { href: '#' }); link.onclick = (e) => { e.preventDefault(); story(p.referenceNo); };
    tr.append(el('td')); tr.lastChild.append(link);
    td(tr, p.amount.value); td(tr, p.status, p.status + ' status'); td(tr, p.latestTransactionStatus); td(tr, String(p.refunded)); td(tr, p.clientId);
    if (p.status === 'PENDING') {
      action(tr, 'Settle SUCCESS', () => api('/payments/' + p.referenceNo + '/settle', { method: 'POST', body: '{"status":"SUCCESS"}' }));
      action(tr, 'Settle FAILED', () => api('/payments/' + p.referenceNo + '/settle', { method: 'POST', body: '{"status":"FAILED"}' }));
    }
  });
}
async function loadBindings() {
  const { bindings } = await api('/bindings' + q('?limit=50'));
  fill($('#bindings tbody'), bindings, (b, tr) => {
    td(tr, b.maskedNo); td(tr, b.kind); td(tr, b.status, b.status); td(tr, b.custIdMerchant); td(tr, b.balance);
    if (b.status === 'PENDING_OTP') {
      action(tr, 'OTP success', () => api('/bindings/' + b.referenceNo + '/otp', { method: 'POST', body: '{"result":"success"}' }));
      action(tr, 'OTP fail', () => api('/bindings/' + b.referenceNo + '/otp', { method: 'POST', body: '{"result":"fail"}' }));
    }
  });
}
async function loadNotifications() {
  const { notifications, notice } = await api('/notifications');
  $('#notice').textContent = notice || '';
  fill($('#notifications tbody'), notifications.slice(0, 50), (n, tr) => {
    const last = n.attempts[n.attempts.length - 1];
    td(tr, n.referenceNo); td(tr, n.state, n.state); td(tr, String(n.attempts.length)); td(tr, last ? (last.status ?? last.error) : '');
    action(tr, 'Resend', () => api('/notifications/' + n.id + '/resend', { method: 'POST' }));
  });
}
async function loadVirtualAccounts() {
  const { virtualAccounts } = await api('/virtual-accounts' + q('?limit=50'));
  fill($('#virtual-accounts tbody'), virtualAccounts, (v, tr) => {
    const no = v.virtualAccountNo.split(' ').join('');
    const link = el('a', no, { href: '#' }); link.onclick = (e) => { e.preventDefault(); vaStory(no, v.clientId); };
    tr.append(el('td')); tr.lastChild.append(link);
    if (v.warning) { link.textContent = '⚠ ' + no; link.title = v.warning; }
    td(tr, v.virtualAccountName); td(tr, v.totalAmount ? v.totalAmount.value : 'open'); td(tr, v.state, v.state + ' state'); td(tr, v.numbering); td(tr, String(v.payments.length)); td(tr, v.clientId);
    if (v.state === 'ACTIVE') {
      action(tr, 'Pay', () => payVa(no, v.totalAmount ? '' : prompt('Amount paid (e.g. 10000.00)') || '', v.clientId));
      action(tr, 'Expire', () => api('/virtual-accounts/' + no + '/expire', { method: 'POST', body: JSON.stringify({ clientId: v.clientId }) }));
    }
  });
}
// A refused payment is the bank's answer, not a failure of the page: it is shown, not alerted.
async function payVa(no, amount, clientId) {
  const body = { ...(amount ? { amount } : {}), ...(clientId ? { clientId } : merchant() ? { clientId: merchant() } : {}) };
  const { ok, status, body: out } = await call('/virtual-accounts/' + encodeURIComponent(no) + '/pay', { method: 'POST', body: JSON.stringify(body) });
  $('#va-result').textContent = ok ? 'paid ' + out.payment.paidAmount.value + ' into ' + no + ' (' + out.payment.paymentRequestId + ')' : (out.responseCode ? out.responseCode + ': ' : '') + (out.mockError || status);
}
async function vaStory(no, clientId) {
  const s = await api('/virtual-accounts/' + no + '?clientId=' + encodeURIComponent(clientId));
  showStory('Virtual account ' + no, { virtualAccount: s.virtualAccount.record, attempts: s.attempts, notifications: s.notifications });
}
async function loadQris() {
  const { qris } = await api('/qris' + q('?limit=50'));
  fill($('#qris tbody'), qris, (r, tr) => {
    const link = el('a', r.partnerReferenceNo, { href: '#' }); link.onclick = (e) => { e.preventDefault(); qrisStory(r.referenceNo, r.clientId); };
    tr.append(el('td')); tr.lastChild.append(link);
    td(tr, r.amount.value); td(tr, r.state, r.state + ' state'); td(tr, r.latestTransactionStatus); td(tr, r.issuerName || ''); td(tr, r.clientId);
    if (r.state === 'PENDING') {
      action(tr, 'Pay', () => api('/qris/' + r.referenceNo + '/pay', { method: 'POST', body: JSON.stringify({ clientId: r.clientId }) }));
      action(tr, 'Fail', () => api('/qris/' + r.referenceNo + '/pay', { method: 'POST', body: JSON.stringify({ result: 'fail', clientId: r.clientId }) }));
      action(tr, 'Expire', () => api('/qris/' + r.referenceNo + '/expire', { method: 'POST', body: JSON.stringify({ clientId: r.clientId }) }));
    }
  });
}
async function qrisStory(ref, clientId) {
  const s = await api('/qris/' + ref + '?clientId=' + encodeURIComponent(clientId));
  showStory('QRIS ' + s.qris.partnerReferenceNo + ' (' + ref + ')', { qris: s.qris.record, notifications: s.notifications });
}
async function loadClock() {
  const c = await api('/clock' + q());
  $('#now').textContent = c.now + (c.real ? '' : ' (moved ' + c.offsetSeconds + ' s)');
}
async function loadScenarios() {
  const [{ scenarios }, { scenario }] = await Promise.all([api('/scenarios'), api('/scenario' + q())]);
  // Read after the fetch: a choice made (or a search typed) while it ran is what the tester sees and applies.
  const sel = $('#scenario'); const term = $('#scenario-search').value.toLowerCase(); const chosen = sel.value;
  const groups = new Map();
  for (const s of scenarios.filter((s) => !term || (s.name + ' ' + s.description).toLowerCase().includes(term)))
    for (const e of s.endpoints.slice(0, 1)) { if (!groups.has(e)) groups.set(e, el('optgroup', undefined, { label: e })); groups.get(e).append(el('option', s.name, { value: s.name, title: s.description })); }
  sel.replaceChildren(el('option', '(none)', { value: '' }), ...groups.values());
  sel.value = scenario || '';
  if (chosen && [...sel.options].some((o) => o.value === chosen)) sel.value = chosen;
  $('#active-scenario').textContent = scenario ? 'active: ' + scenario : 'no global scenario';
  window.scenarioDescriptions = Object.fromEntries(scenarios.map((s) => [s.name, s.description]));
  $('#desc').textContent = window.scenarioDescriptions[sel.value] || '';
}
async function loadMerchants() {
  const { merchants } = await api('/merchants');
  const sel = $('#merchant'); const was = sel.value;
  sel.replaceChildren(el('option', 'all merchants', { value: '' }), ...merchants.map((m) => el('option', m.clientId, { value: m.clientId })));
  sel.value = was;
}
async function story(ref) {
  const s = await api('/payments/' + ref);
  showStory('Payment ' + s.payment.partnerReferenceNo + ' (' + ref + ')', { payment: s.payment.record, requests: s.requests, notifications: s.notifications });
}
let pending;
function reload() { clearTimeout(pending); pending = setTimeout(() => Promise.all([loadRequests(), loadPayments(), loadBindings(), loadNotifications(), loadVirtualAccounts(), loadQris(), loadClock()]).catch(() => {}), 150); }
async function follow() {
  try {
    const res = await fetch('/__mock/events', { headers: token() ? { Authorization: 'Bearer ' + token() } : {} });
    if (!res.ok) throw new Error(String(res.status));
    $('#live').textContent = '● live';
    const reader = res.body.getReader();
    for (;;) { const { done } = await reader.read(); if (done) break; reload(); }
  } catch {}
  $('#live').textContent = '○ reconnecting';
  setTimeout(follow, 2000);
}
$('#scenario').onchange = () => ($('#desc').textContent = window.scenarioDescriptions[$('#scenario').value] || '');
$('#scenario-search').oninput = () => loadScenarios();
$('#apply-scenario').onclick = () => ($('#scenario').value ? api('/scenario', { method: 'PUT', body: JSON.stringify({ name: $('#scenario').value, ...(merchant() ? { clientId: merchant() } : {}) }) }) : Promise.resolve()).then(loadScenarios);
$('#clear-scenario').onclick = () => (($('#scenario').value = ''), api('/scenario' + q(), { method: 'DELETE' }).then(loadScenarios));
$('#advance').onclick = () => api('/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: Number($('#seconds').value), ...(merchant() ? { clientId: merchant() } : {}) }) }).then(reload);
$('#real-time').onclick = () => api('/clock' + q(), { method: 'DELETE' }).then(reload);
$('#reset').onclick = () => confirm(merchant() ? 'Reset ' + merchant() + '?' : 'Reset all state?') && api('/reset', { method: 'POST', body: JSON.stringify(merchant() ? { clientId: merchant() } : {}) }).then(() => { loadScenarios(); reload(); });
$('#coverage').onclick = async () => showStory('Coverage', await api('/coverage' + q('?format=md')));
$('#merchant').onchange = () => { loadScenarios(); reload(); };
$('#auth').onsubmit = (e) => { e.preventDefault(); sessionStorage.setItem('doku-admin-token', $('#token').value); $('#auth').hidden = true; start(); };
$('#pay-number').onsubmit = (e) => { e.preventDefault(); payVa($('#va-no').value.trim(), $('#va-amount').value.trim()).then(reload); };
$('#close-story').onclick = () => $('#story').close();
function start() { loadMerchants().then(() => { loadScenarios(); reload(); follow(); }).catch(() => {}); }
start();`;

/**
 * The page's Content-Security-Policy: its own inline style and script (by their hashes), calls to
 * its own origin, nothing else; no frames, forms or base elsewhere.
 */
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
export const UI_CSP = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const UI_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>doku-sandbox dashboard</title><style>${STYLE}</style></head><body>
<header>
<h1>doku-sandbox</h1><span class="live" id="live" aria-live="polite">○ connecting</span>
<label for="merchant">Merchant</label><select id="merchant"></select>
<span class="row"><label for="scenario-search">Scenario</label><input id="scenario-search" type="search" placeholder="search" aria-label="Search scenarios">
<select id="scenario" aria-label="Global scenario"></select><button type="button" id="apply-scenario">Apply scenario</button><button type="button" id="clear-scenario">Clear</button>
<span id="active-scenario" class="live"></span></span><span id="desc"></span>
<span class="row"><span id="now" class="live"></span><label for="seconds">seconds</label><input id="seconds" type="number" value="900">
<button type="button" id="advance">Advance clock</button><button type="button" id="real-time">Real time</button></span>
<button type="button" id="coverage">Coverage</button><button type="button" id="reset">Reset</button>
</header>
<form id="auth" hidden><label for="token">Admin token (DOKU_ADMIN_TOKEN)</label> <input id="token" type="password" autocomplete="off"> <button>Use</button> <span id="auth-why" role="alert"></span></form>
<main>
<section aria-labelledby="h-payments"><h2 id="h-payments">Payments</h2><table id="payments"><thead><tr><th>partnerReferenceNo</th><th>amount</th><th>status</th><th>SNAP</th><th>refunds</th><th>merchant</th><th>actions</th></tr></thead><tbody></tbody></table></section>
<section aria-labelledby="h-requests"><h2 id="h-requests">Requests</h2><table id="requests"><thead><tr><th>time (UTC)</th><th>method</th><th>path</th><th>code</th><th>scenario</th><th>took</th></tr></thead><tbody></tbody></table></section>
<section aria-labelledby="h-bindings"><h2 id="h-bindings">Bindings</h2><table id="bindings"><thead><tr><th>card / account</th><th>kind</th><th>status</th><th>customer</th><th>balance</th><th>actions</th></tr></thead><tbody></tbody></table></section>
<section aria-labelledby="h-virtual-accounts"><h2 id="h-virtual-accounts">Virtual accounts</h2>
<form id="pay-number" class="row"><label for="va-no">VA number</label><input id="va-no" inputmode="numeric" required pattern="[0-9 ]{1,28}"><label for="va-amount">amount</label><input id="va-amount" placeholder="its bill"><button>Pay at the bank</button></form>
<p id="va-result" class="live" role="status"></p><table id="virtual-accounts"><thead><tr><th>number</th><th>name</th><th>amount</th><th>state</th><th>numbering</th><th>payments</th><th>merchant</th><th>actions</th></tr></thead><tbody></tbody></table></section>
<section aria-labelledby="h-qris"><h2 id="h-qris">QRIS</h2><table id="qris"><thead><tr><th>partnerReferenceNo</th><th>amount</th><th>state</th><th>SNAP</th><th>issuer</th><th>merchant</th><th>actions</th></tr></thead><tbody></tbody></table></section>
<section aria-labelledby="h-notifications"><h2 id="h-notifications">Notifications</h2><p id="notice" class="live"></p><table id="notifications"><thead><tr><th>payment</th><th>state</th><th>attempts</th><th>last answer</th><th>actions</th></tr></thead><tbody></tbody></table></section>
</main>
<dialog id="story" aria-labelledby="story-title"><h2 id="story-title"></h2><pre id="story-body"></pre><button type="button" id="close-story">Close</button></dialog>
<script>${SCRIPT}</script></body></html>`;
