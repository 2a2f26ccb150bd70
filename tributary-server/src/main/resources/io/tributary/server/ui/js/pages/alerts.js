// Alerts: the rules (list, create, delete) and the history of fired and resolved alerts.

import {act, submitting} from '../actions.js';
import {del, get, post, seg} from '../api.js';
import {badge, emptyRow, errorBanner, formRow, h, replace} from '../dom.js';
import {formatBytes, formatDateTime, formatRelative} from '../format.js';
import {canOperate} from '../roles.js';

const CONDITIONS = [
  {type: 'connector_failed', label: 'Connector failed'},
  {type: 'lag_above', label: 'Lag above'},
  {type: 'no_events', label: 'No events for'},
  {type: 'wal_retained_above', label: 'WAL retained above'},
];

export function renderAlerts(ctx) {
  const operate = canOperate(ctx.session);
  const rules = h('div');
  const history = h('div');
  const formSlot = h('div');
  replace(
    ctx.root,
    h('div', {class: 'page'}, h('div', {class: 'page-header'}, h('h1', {}, 'Alerts')), h('h2', {}, 'Rules'), rules, formSlot, h('h2', {}, 'History'), history),
  );

  const loadRules = async () => {
    try {
      const answer = await get('/alert-rules', {signal: ctx.signal});
      replace(rules, rulesTable(answer.rules || answer.alert_rules || [], operate, remove));
    } catch (e) {
      if (e.name !== 'AbortError') replace(rules, errorBanner(e));
    }
  };
  const remove = async (rule) => {
    if (!confirm(`Delete the alert rule ${rule.name}?`)) return;
    await act(() => del(`/alert-rules/${seg(rule.id)}`, {signal: ctx.signal}), 'Rule deleted.', loadRules);
  };
  loadRules();
  ctx.every(10000, async () => {
    try {
      const {alerts} = await get('/alerts?limit=100', {signal: ctx.signal});
      replace(history, historyTable(alerts || []));
    } catch (e) {
      if (e.name !== 'AbortError') replace(history, errorBanner(e));
    }
  });
  if (operate) {
    get('/connectors', {signal: ctx.signal})
      .then(({connectors}) => replace(formSlot, ruleForm(ctx, connectors.map((c) => c.name), loadRules)))
      .catch((e) => e.name !== 'AbortError' && replace(formSlot, errorBanner(e)));
  }
}

function rulesTable(list, operate, remove) {
  return h(
    'table',
    {class: 'table', dataset: {testid: 'rules-table'}},
    h('thead', {}, h('tr', {}, ['Name', 'Source', 'Condition', 'Webhook', ''].map((c) => h('th', {scope: 'col'}, c)))),
    h(
      'tbody',
      {},
      list.length === 0
        ? emptyRow(5, 'No alert rules.')
        : list.map((r) =>
            h(
              'tr',
              {dataset: {testid: 'rule-row', id: r.id}},
              h('td', {class: 'strong'}, r.name),
              h('td', {}, r.connector || badge('any', 'info')),
              h('td', {}, conditionText(r.condition)),
              h('td', {class: 'ellipsis', title: r.webhook && r.webhook.url}, r.webhook ? [badge(r.webhook.format, 'muted'), ' ', r.webhook.url] : '—'),
              h('td', {class: 'right'}, operate ? h('button', {type: 'button', class: 'btn btn-small btn-danger-outline', dataset: {testid: 'rule-delete', id: r.id}, onclick: () => remove(r)}, 'Delete') : null),
            ),
          ),
    ),
  );
}

/** A condition as a sentence: "lag above 60 s for 5m". */
export function conditionText(c) {
  if (!c) return '—';
  switch (c.type) {
    case 'connector_failed':
      return 'connector failed';
    case 'lag_above':
      return `lag above ${c.bytes != null ? formatBytes(c.bytes) : `${c.seconds} s`}${c.for ? ` for ${c.for}` : ''}`;
    case 'no_events':
      return `no events for ${c.for}`;
    case 'wal_retained_above':
      return `WAL retained above ${formatBytes(c.bytes)}`;
    default:
      return c.type;
  }
}

function historyTable(alerts) {
  const now = Date.now();
  return h(
    'table',
    {class: 'table table-compact', dataset: {testid: 'alerts-table'}},
    h('thead', {}, h('tr', {}, ['When', 'Source', 'Status', 'Message', 'Delivery'].map((c) => h('th', {scope: 'col'}, c)))),
    h(
      'tbody',
      {},
      alerts.length === 0
        ? emptyRow(5, 'No alerts so far.')
        : alerts.map((a) =>
            h(
              'tr',
              {dataset: {testid: 'alert-row', status: a.status}},
              h('td', {class: 'nowrap', title: formatDateTime(a.at)}, formatRelative(a.at, now)),
              h('td', {}, a.connector || '—'),
              h('td', {}, badge(a.status, a.status === 'firing' ? 'bad' : 'ok')),
              h('td', {}, a.message),
              h('td', {}, a.delivery ? [badge(a.delivery.status, {delivered: 'ok', failed: 'bad', pending: 'warn'}[a.delivery.status] || 'muted'), h('span', {class: 'muted'}, ` ${a.delivery.attempts} attempt${a.delivery.attempts === 1 ? '' : 's'}`)] : '—'),
            ),
          ),
    ),
  );
}

function ruleForm(ctx, connectorNames, onCreated) {
  const name = h('input', {type: 'text', id: 'rule-name', dataset: {testid: 'rule-name'}, required: true});
  const scope = h('select', {id: 'rule-connector', dataset: {testid: 'rule-connector'}}, h('option', {value: ''}, 'Any source'), connectorNames.map((n) => h('option', {value: n}, n)));
  const type = h('select', {id: 'rule-condition', dataset: {testid: 'rule-condition'}}, CONDITIONS.map((c) => h('option', {value: c.type}, c.label)));
  const lagUnit = h('select', {id: 'rule-lag-unit', dataset: {testid: 'rule-lag-unit'}}, h('option', {value: 'seconds'}, 'seconds'), h('option', {value: 'bytes'}, 'bytes'));
  const threshold = h('input', {type: 'number', min: 0, id: 'rule-threshold', dataset: {testid: 'rule-threshold'}});
  const forDuration = h('input', {type: 'text', id: 'rule-for', value: '5m', placeholder: 'e.g. 5m', dataset: {testid: 'rule-for'}});
  const url = h('input', {type: 'url', id: 'rule-webhook-url', placeholder: 'https://hooks.example.com/…', dataset: {testid: 'rule-webhook-url'}, required: true});
  const format = h('select', {id: 'rule-webhook-format', dataset: {testid: 'rule-webhook-format'}}, h('option', {value: 'json'}, 'JSON'), h('option', {value: 'slack'}, 'Slack'));
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'rule-submit', dataset: {testid: 'rule-submit'}}, 'Create rule');
  const message = h('div');
  const unitRow = formRow('Measured in', lagUnit);
  const thresholdRow = formRow('Threshold', threshold, {field: 'condition.threshold'});
  const forRow = formRow('For', forDuration, {field: 'condition.for', help: 'how long the condition must hold, e.g. 5m'});

  const sync = () => {
    const t = type.value;
    unitRow.hidden = t !== 'lag_above';
    thresholdRow.hidden = t !== 'lag_above' && t !== 'wal_retained_above';
    forRow.hidden = t !== 'lag_above' && t !== 'no_events';
    thresholdRow.querySelector('label').textContent = t === 'wal_retained_above' || lagUnit.value === 'bytes' ? 'Threshold (bytes)' : 'Threshold (seconds)';
  };
  type.addEventListener('change', sync);
  lagUnit.addEventListener('change', sync);

  const condition = () => {
    const t = type.value;
    const n = threshold.value === '' ? null : Number(threshold.value);
    if (t === 'lag_above') return {type: t, [lagUnit.value]: n, for: forDuration.value.trim()};
    if (t === 'no_events') return {type: t, for: forDuration.value.trim()};
    if (t === 'wal_retained_above') return {type: t, bytes: n};
    return {type: t};
  };

  const onSubmit = async (event) => {
    event.preventDefault();
    const rule = {name: name.value.trim(), connector: scope.value || null, condition: condition(), webhook: {url: url.value.trim(), format: format.value}};
    await submitting(submit, message, () => post('/alert-rules', rule, {signal: ctx.signal}), 'Alert rule created.', () => {
      name.value = '';
      onCreated();
    });
  };

  const form = h(
    'form',
    {class: 'form panel', id: 'rule-form', dataset: {testid: 'rule-form'}, onsubmit: onSubmit, novalidate: true},
    h('h2', {}, 'New rule'),
    h(
      'div',
      {class: 'form-grid'},
      formRow('Name', name, {field: 'name', required: true}),
      formRow('Source', scope, {field: 'connector'}),
      formRow('Condition', type, {field: 'condition.type'}),
      unitRow,
      thresholdRow,
      forRow,
      formRow('Webhook URL', url, {field: 'webhook.url', required: true}),
      formRow('Payload format', format, {field: 'webhook.format'}),
    ),
    message,
    h('div', {class: 'form-actions'}, submit),
  );
  sync();
  return form;
}
