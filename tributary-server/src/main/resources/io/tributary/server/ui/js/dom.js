// Small helpers to build DOM without innerHTML (so API values are never interpreted as markup).

/**
 * h('button', {class: 'btn', onclick: fn, dataset: {testid: 'x'}}, 'Text', child…)
 * Attributes: `class`, `dataset`, `style` (object), `on*` handlers, boolean values set or omit the
 * attribute, `value`/`checked`/`disabled`/`selected` are set as properties.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like h(), in the SVG namespace. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Appends children: nodes, strings, numbers; arrays are flattened, null/false skipped. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'indeterminate']);

function applyAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) {
      if (PROPS.has(key)) el[key] = false;
      continue;
    }
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (PROPS.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

/** A state badge: <span class="badge state-streaming" data-state="STREAMING">STREAMING</span>. */
export function stateBadge(state, attrs = {}) {
  const s = state || 'UNKNOWN';
  return h('span', {class: `badge state-${s.toLowerCase()}`, dataset: {state: s}, ...attrs}, s);
}

/** A plain badge with a colour class: 'ok', 'warn', 'bad', 'info', 'muted'. */
export function badge(text, kind = 'muted', attrs = {}) {
  return h('span', {class: `badge badge-${kind}`, ...attrs}, text);
}

/** An error banner for an Error/ApiError, with the field errors listed under it. */
export function errorBanner(error, attrs = {}) {
  const fields = (error && error.fields) || [];
  return h(
    'div',
    {class: 'alert alert-error', role: 'alert', dataset: {testid: 'error-banner'}, ...attrs},
    h('strong', {}, error && error.message ? error.message : String(error)),
    fields.length > 0 &&
      h('ul', {}, fields.map((f) => h('li', {}, h('code', {}, f.field), ': ', f.message))),
  );
}

/** A table with a header row; `rows` are arrays of cells (nodes or text) or <tr> elements. */
export function table(headers, rows, attrs = {}) {
  return h(
    'table',
    {class: 'table', ...attrs},
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
    h(
      'tbody',
      {},
      rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c))))),
    ),
  );
}

/** An empty-state row spanning `columns` columns. */
export function emptyRow(columns, text) {
  return h('tr', {class: 'empty'}, h('td', {colspan: columns}, text));
}

/** Shows a transient message in the toast area; kind 'ok' | 'error'. */
export function toast(message, kind = 'ok') {
  const area = document.getElementById('toasts');
  if (!area) return;
  const el = h('div', {class: `toast toast-${kind}`, role: 'status'}, message);
  area.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

/** A labelled form row: <div class="form-row"><label for=id>…</label>control help error</div>. */
export function formRow(label, control, {help, required, field} = {}) {
  const id = control.id || (control.id = `in-${Math.random().toString(36).slice(2, 9)}`);
  return h(
    'div',
    {class: 'form-row', dataset: field ? {row: field} : {}},
    h('label', {for: id}, label, required ? h('span', {class: 'req', 'aria-hidden': 'true'}, ' *') : null),
    control,
    help ? h('div', {class: 'help'}, help) : null,
    field ? h('div', {class: 'field-error', dataset: {fieldError: field}, 'aria-live': 'polite'}) : null,
  );
}
