// The dashboard's header (merchant, scenario, clock, coverage, reset), the live refresh that follows
// /__mock/events, and the start. The sections' tables are tables.js; the dialog is dialog.js.
import { $, api, el, merchant, post, q, scoped, token } from './admin.js';
import { showCoverage } from './dialog.js';
import { loadBindings, loadNotifications, loadPayments, loadQris, loadRequests, loadVirtualAccounts, payVa } from './tables.js';

let descriptions = {};

async function loadClock() {
  const c = await api('/clock' + q());
  $('#now').textContent = c.now + (c.real ? '' : ' (moved ' + c.offsetSeconds + ' s)');
}

async function loadScenarios() {
  const [{ scenarios }, { scenario }] = await Promise.all([api('/scenarios'), api('/scenario' + q())]);
  // Read after the fetch: a choice made (or a search typed) while it ran is what the tester sees and applies.
  const sel = $('#scenario');
  const term = $('#scenario-search').value.toLowerCase();
  const chosen = sel.value;
  const groups = new Map();
  for (const s of scenarios.filter((s) => !term || (s.name + ' ' + s.description).toLowerCase().includes(term)))
    for (const e of s.endpoints.slice(0, 1)) {
      if (!groups.has(e)) groups.set(e, el('optgroup', undefined, { label: e }));
      groups.get(e).append(el('option', s.name, { value: s.name, title: s.description }));
    }
  sel.replaceChildren(el('option', '(none)', { value: '' }), ...groups.values());
  sel.value = scenario || '';
  if (chosen && [...sel.options].some((o) => o.value === chosen)) sel.value = chosen;
  $('#active-scenario').textContent = scenario ? 'active: ' + scenario : 'no global scenario';
  descriptions = Object.fromEntries(scenarios.map((s) => [s.name, s.description]));
  $('#desc').textContent = descriptions[sel.value] || '';
}

async function loadMerchants() {
  const { merchants } = await api('/merchants');
  const sel = $('#merchant');
  const was = sel.value;
  sel.replaceChildren(
    el('option', 'all merchants', { value: '' }),
    ...merchants.map((m) => el('option', m.clientId, { value: m.clientId })),
  );
  sel.value = was;
}

let pending;
function reload() {
  clearTimeout(pending);
  const all = [loadRequests, loadPayments, loadBindings, loadNotifications, loadVirtualAccounts, loadQris, loadClock];
  pending = setTimeout(() => Promise.all(all.map((load) => load())).catch(() => {}), 150);
}

async function follow() {
  try {
    const res = await fetch('/__mock/events', { headers: token() ? { Authorization: 'Bearer ' + token() } : {} });
    if (!res.ok) throw new Error(String(res.status));
    $('#live').textContent = '● live';
    const reader = res.body.getReader();
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      reload();
    }
  } catch {
    // reconnect below
  }
  $('#live').textContent = '○ reconnecting';
  setTimeout(follow, 2000);
}

document.addEventListener('sandbox-changed', reload);
$('#scenario').onchange = () => ($('#desc').textContent = descriptions[$('#scenario').value] || '');
$('#scenario-search').oninput = () => loadScenarios();
$('#apply-scenario').onclick = () =>
  ($('#scenario').value
    ? api('/scenario', { method: 'PUT', body: JSON.stringify(scoped({ name: $('#scenario').value })) })
    : Promise.resolve()
  ).then(loadScenarios);
$('#clear-scenario').onclick = () => (($('#scenario').value = ''), api('/scenario' + q(), { method: 'DELETE' }).then(loadScenarios));
$('#advance').onclick = () => post('/clock', scoped({ advanceSeconds: Number($('#seconds').value) })).then(reload);
$('#real-time').onclick = () => api('/clock' + q(), { method: 'DELETE' }).then(reload);
$('#reset').onclick = () =>
  confirm(merchant() ? 'Reset ' + merchant() + '?' : 'Reset all state?') &&
  post('/reset', scoped()).then(() => {
    loadScenarios();
    reload();
  });
$('#coverage').onclick = async () => {
  const [report, markdown] = await Promise.all([api('/coverage' + q()), api('/coverage' + q('?format=md'))]);
  showCoverage(report, markdown);
};
$('#merchant').onchange = () => {
  loadScenarios();
  reload();
};
$('#auth').onsubmit = (e) => {
  e.preventDefault();
  sessionStorage.setItem('doku-admin-token', $('#token').value);
  $('#auth').hidden = true;
  start();
};
$('#pay-number').onsubmit = (e) => {
  e.preventDefault();
  payVa($('#va-no').value.trim(), $('#va-amount').value.trim()).then(reload);
};
$('#close-story').onclick = () => $('#story').close();

function start() {
  loadMerchants()
    .then(() => {
      loadScenarios();
      reload();
      follow();
    })
    .catch(() => {});
}
start();
