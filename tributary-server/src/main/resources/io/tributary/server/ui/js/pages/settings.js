// Settings (admin only): API keys (list, create with the token shown once, delete) and the full
// audit log.

import {act} from '../actions.js';
import {del, get, post, seg} from '../api.js';
import {badge, emptyRow, errorBanner, formRow, h, replace} from '../dom.js';
import {formatDateTime, formatRelative} from '../format.js';
import {auditTable} from './audit.js';

export function renderSettings(ctx) {
  const keys = h('div');
  const created = h('div', {dataset: {testid: 'new-token-slot'}});
  const audit = h('div');
  replace(
    ctx.root,
    h(
      'div',
      {class: 'page'},
      h('div', {class: 'page-header'}, h('h1', {}, 'Settings')),
      h('h2', {}, 'API keys'),
      h('p', {class: 'muted'}, 'viewer reads everything; operator also changes and controls sources, windows and alert rules; admin also manages keys.'),
      keys,
      created,
      keyForm(ctx, (answer) => {
        replace(created, tokenBox(answer));
        loadKeys();
      }),
      h('h2', {}, 'Audit log'),
      audit,
    ),
  );

  const remove = async (key) => {
    const self = key.id === ctx.session.key.id;
    if (!confirm(self ? `Delete ${key.name}? It is the key you are logged in with: you will be logged out.` : `Delete the key ${key.name}? Anything using it loses access at once.`)) return;
    await act(() => del(`/api-keys/${seg(key.id)}`, {signal: ctx.signal}), `Deleted the key ${key.name}.`, loadKeys);
  };

  const loadKeys = async () => {
    try {
      const answer = await get('/api-keys', {signal: ctx.signal});
      replace(keys, keysTable(answer.keys || [], ctx.session.key.id, remove));
    } catch (e) {
      if (e.name !== 'AbortError') replace(keys, errorBanner(e));
    }
  };
  loadKeys();
  ctx.every(10000, async () => {
    try {
      const {entries} = await get('/audit?limit=100', {signal: ctx.signal});
      replace(audit, auditTable(entries));
    } catch (e) {
      if (e.name !== 'AbortError') replace(audit, errorBanner(e));
    }
  });
}

function keysTable(list, currentId, remove) {
  const now = Date.now();
  return h(
    'table',
    {class: 'table', dataset: {testid: 'keys-table'}},
    h('thead', {}, h('tr', {}, ['Name', 'Role', 'Created', 'Last used', ''].map((c) => h('th', {scope: 'col'}, c)))),
    h(
      'tbody',
      {},
      list.length === 0
        ? emptyRow(5, 'No keys.')
        : list.map((k) =>
            h(
              'tr',
              {dataset: {testid: 'key-row', id: k.id, name: k.name}},
              h('td', {class: 'strong'}, k.name, k.id === currentId ? badge('you', 'info', {class: 'badge badge-info badge-after'}) : null),
              h('td', {}, h('span', {class: `badge role-${k.role}`}, k.role)),
              h('td', {title: formatDateTime(k.created_at)}, formatRelative(k.created_at, now)),
              h('td', {title: formatDateTime(k.last_used_at)}, formatRelative(k.last_used_at, now)),
              h('td', {class: 'right'}, h('button', {type: 'button', class: 'btn btn-small btn-danger-outline', dataset: {testid: 'key-delete', id: k.id}, onclick: () => remove(k)}, 'Delete')),
            ),
          ),
    ),
  );
}

function keyForm(ctx, onCreated) {
  const name = h('input', {type: 'text', id: 'key-name', dataset: {testid: 'key-name'}, required: true, placeholder: 'e.g. ci-deploy'});
  const role = h('select', {id: 'key-role', dataset: {testid: 'key-role'}}, ['viewer', 'operator', 'admin'].map((r) => h('option', {value: r}, r)));
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'key-submit', dataset: {testid: 'key-submit'}}, 'Create key');
  const message = h('div');
  const onSubmit = async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      const answer = await post('/api-keys', {name: name.value.trim(), role: role.value}, {signal: ctx.signal});
      name.value = '';
      onCreated(answer);
    } catch (e) {
      if (e.name !== 'AbortError') replace(message, errorBanner(e));
    } finally {
      submit.disabled = false;
    }
  };
  return h(
    'form',
    {class: 'form panel', id: 'key-form', onsubmit: onSubmit, novalidate: true},
    h('h3', {}, 'New key'),
    h('div', {class: 'form-grid'}, formRow('Name', name, {field: 'name', required: true}), formRow('Role', role, {field: 'role'})),
    message,
    h('div', {class: 'form-actions'}, submit),
  );
}

function tokenBox(answer) {
  const token = h('input', {type: 'text', readonly: true, value: answer.token, id: 'new-token', class: 'mono', dataset: {testid: 'new-token'}, 'aria-label': 'New API key'});
  const copy = h('button', {type: 'button', class: 'btn', dataset: {testid: 'copy-token'}}, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(answer.token);
    } catch {
      // The clipboard API needs a secure context and permission; selecting the text lets the user copy.
      token.select();
      document.execCommand('copy');
    }
    copy.textContent = 'Copied';
    setTimeout(() => (copy.textContent = 'Copy'), 2000);
  });
  return h(
    'div',
    {class: 'alert alert-ok token-box', role: 'status'},
    h('strong', {}, `Key ${answer.key ? answer.key.name : ''} created. Copy it now: it is shown only once.`),
    h('div', {class: 'copy-line'}, token, copy),
  );
}
