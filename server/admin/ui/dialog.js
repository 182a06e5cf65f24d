// The dialog every story, diagnosis and report opens in: a payment's (VA's, QR's) story as a
// timeline of what happened to it, the coverage report as a table, text as it is. The raw JSON of
// a story stays one click away ("Raw JSON") for whoever wants every field.
import { $, el } from './admin.js';

const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta', // the sandbox's and DOKU's time zone (X-TIMESTAMP +07:00)
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }); // YYYY-MM-DD

function open(title, ...content) {
  $('#story-title').textContent = title;
  $('#story-body').replaceChildren(...content);
  $('#story').showModal();
}

/** Text (a signature diagnosis) as it is; anything else as JSON. */
export function showText(title, value) {
  open(title, el('pre', typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
}

/**
 * events: [{ at (epoch ms or ISO), kind, text, outcome?, cls? }], drawn in time order; the day is
 * written when it changes (a moved clock can put events on another day).
 */
export function showTimeline(title, events, raw) {
  const ol = el('ol', undefined, { class: 'timeline' });
  let lastDay = '';
  const known = events.filter((e) => e.at !== undefined && !Number.isNaN(new Date(e.at).getTime()));
  for (const e of known.sort((a, b) => new Date(a.at) - new Date(b.at))) {
    const at = new Date(e.at);
    const li = el('li', undefined, { class: 'event ' + e.kind });
    const d = day.format(at);
    li.append(el('time', (d === lastDay ? '' : d + ' ') + time.format(at), { datetime: at.toISOString() }));
    lastDay = d;
    li.append(el('span', e.kind, { class: 'kind' }), el('span', e.text, { class: 'what' }));
    if (e.outcome !== undefined && e.outcome !== null) li.append(el('span', String(e.outcome), { class: 'outcome ' + (e.cls || '') }));
    ol.append(li);
  }
  const details = el('details');
  details.append(el('summary', 'Raw JSON'), el('pre', JSON.stringify(raw, null, 2), { id: 'story-raw' }));
  open(title, known.length ? ol : el('p', 'Nothing has happened to it yet.'), details);
}

const ok = (code) => /^2/.test(String(code));

/** A request of the journal as an event. */
export const requestEvent = (r) => {
  const code = (r.responseBody && r.responseBody.responseCode) || r.status;
  const scenario = r.scenario && r.scenario !== 'none' ? ' (scenario ' + r.scenario + ')' : '';
  // when it was made: the journal's time is when it was answered
  return {
    at: Date.parse(r.time) - (r.durationMs || 0),
    kind: 'request',
    text: r.method + ' ' + r.path + scenario,
    outcome: code,
    cls: ok(code) ? 'SUCCESS' : 'FAILED',
  };
};

/** A notification as events: each delivery attempt, and what is still to come. */
export function notificationEvents(n) {
  const events = n.attempts.map((a) => ({
    at: a.at,
    kind: 'notification',
    text: 'to ' + a.url + (a.latencyMs !== undefined ? ' (' + a.latencyMs + ' ms)' : ''),
    outcome: a.status ?? a.error,
    cls: a.status && ok(a.status) ? 'DELIVERED' : 'FAILED',
  }));
  if (n.state === 'NOT_SENT')
    events.push({ at: n.createdAt, kind: 'notification', text: 'not sent: ' + (n.reason || 'no URL'), outcome: n.state, cls: n.state });
  if (n.state === 'PENDING' && n.nextAt)
    events.push({ at: n.nextAt, kind: 'notification', text: 'next attempt', outcome: n.state, cls: n.state });
  if (n.state === 'FAILED' && n.reason)
    events.push({ at: n.attempts.at(-1)?.at ?? n.createdAt, kind: 'notification', text: n.reason, outcome: n.state, cls: n.state });
  return events;
}

/** The coverage report: per endpoint, each documented code answered (by state or a scenario) or not yet. */
export function showCoverage(report, markdown) {
  const table = el('table', undefined, { class: 'coverage' });
  const head = el('tr');
  for (const h of ['endpoint', 'covered', 'documented codes (answered ones marked)']) head.append(el('th', h));
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const e of report.endpoints) {
    const tr = el('tr');
    tr.append(el('td', e.name), el('td', e.covered + ' / ' + e.documented, { class: e.covered === e.documented ? 'SUCCESS' : '' }));
    const codes = el('td', undefined, { class: 'wrap codes' });
    for (const c of e.codes) {
      const hit = c.byState + c.byScenario > 0;
      const title = hit ? 'answered ' + c.byState + '× by state, ' + c.byScenario + '× by a scenario' : 'not answered yet';
      codes.append(el('span', (hit ? '✓ ' : '') + c.responseCode, { class: 'code ' + (hit ? 'hit' : 'miss'), title }));
    }
    for (const c of e.others)
      codes.append(el('span', '? ' + c.responseCode, { class: 'code other', title: 'answered, not documented for this endpoint' }));
    tr.append(codes);
    table.tBodies[0].append(tr);
  }
  const summary = el('p', report.covered + ' of ' + report.documented + ' documented response codes answered (' + report.percent + ' %)', {
    class: 'summary',
  });
  const md = el('details');
  md.append(el('summary', 'As Markdown (for a pull request)'), el('pre', markdown));
  open('Coverage', summary, table, md);
}
