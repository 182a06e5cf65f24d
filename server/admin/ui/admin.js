// The admin API as the dashboard calls it, and the few DOM helpers every section uses.
// Values are written with textContent only: nothing the sandbox answers is parsed as HTML.
export const $ = (s) => document.querySelector(s);

export const el = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

export const token = () => sessionStorage.getItem('doku-admin-token');

// The admin call and its answer, ok or not; api() is it for callers that treat a refusal as an error.
export async function call(path, opts = {}) {
  const headers = { 'Content-Type': 'application/json', ...(token() ? { Authorization: 'Bearer ' + token() } : {}) };
  const res = await fetch('/__mock' + path, { ...opts, headers });
  if (res.status === 401) {
    $('#auth-why').textContent = token()
      ? 'That token was refused: it is not DOKU_ADMIN_TOKEN (nor a merchant’s client secret). Try again.'
      : '';
    $('#auth').hidden = false;
    throw new Error('the admin token is needed');
  }
  const type = res.headers.get('content-type') || '';
  return { ok: res.ok, status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

export async function api(path, opts = {}) {
  const { ok, status, body } = await call(path, opts);
  if (!ok) {
    alert(body.mockError || body);
    throw new Error(String(status));
  }
  return body;
}

export const post = (path, body = {}) => api(path, { method: 'POST', body: JSON.stringify(body) });

/** The merchant chosen in the header ('' for all), as a query string or a body field. */
export const merchant = () => $('#merchant').value;
export const q = (extra = '') => (merchant() ? '?clientId=' + encodeURIComponent(merchant()) + extra.replace('?', '&') : extra);
export const scoped = (body = {}) => ({ ...body, ...(merchant() ? { clientId: merchant() } : {}) });

export function fill(tbody, rows, cells) {
  tbody.replaceChildren(
    ...rows.map((r) => {
      const tr = el('tr');
      cells(r, tr);
      return tr;
    }),
  );
}

export const td = (tr, text, cls) => tr.append(el('td', text ?? '', cls ? { class: cls } : {}));

/** A cell holding a link that opens something (a story). */
export function linkCell(tr, text, open) {
  const link = el('a', text, { href: '#' });
  link.onclick = (e) => {
    e.preventDefault();
    open();
  };
  tr.append(el('td'));
  tr.lastChild.append(link);
  return link;
}

/** A button in the row's actions cell; what it changes is shown once it is done ('sandbox-changed'). */
export function action(tr, label, fn) {
  const b = el('button', label, { type: 'button' });
  b.onclick = () => fn().then(() => document.dispatchEvent(new Event('sandbox-changed')));
  (tr.querySelector('td.actions') || tr.appendChild(el('td', undefined, { class: 'actions' }))).append(b);
}
