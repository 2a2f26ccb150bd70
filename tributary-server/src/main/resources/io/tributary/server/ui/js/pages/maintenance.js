// Maintenance windows: the list (scope, schedule, duration, next occurrence, active until), a form
// to create one (once, or cron with a time zone), delete, and "End now" for an active window.

import {act, submitting} from '../actions.js';
import {del, get, post, seg} from '../api.js';
import {badge, emptyRow, errorBanner, formRow, h, replace} from '../dom.js';
import {formatDateTime, formatRelative, localInputToIso} from '../format.js';
import {canOperate} from '../roles.js';

const COLUMNS = ['Scope', 'Schedule', 'Duration', 'Next occurrence', 'Active until', 'Description', ''];

export function renderMaintenance(ctx) {
  const operate = canOperate(ctx.session);
  const body = h('tbody', {}, emptyRow(COLUMNS.length, 'Loading…'));
  const problem = h('div');
  const formSlot = h('div');
  replace(
    ctx.root,
    h(
      'div',
      {class: 'page'},
      h('div', {class: 'page-header'}, h('h1', {}, 'Maintenance windows')),
      h('p', {class: 'muted'}, 'During a window capture pauses (the replication slot keeps the changes) and resumes by itself afterwards.'),
      problem,
      h('table', {class: 'table', id: 'windows-table', dataset: {testid: 'windows-table'}}, h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col'}, c)))), body),
      formSlot,
    ),
  );

  const refresh = async () => {
    try {
      const {windows} = await get('/maintenance-windows', {signal: ctx.signal});
      replace(problem);
      const now = Date.now();
      replace(body, windows.length === 0 ? emptyRow(COLUMNS.length, 'No maintenance windows.') : windows.map((w) => windowRow(w, now)));
    } catch (e) {
      if (e.name !== 'AbortError') replace(problem, errorBanner(e));
    }
  };
  const poll = ctx.every(5000, refresh);

  const windowRow = (w, now) =>
    h(
      'tr',
      {dataset: {testid: 'window-row', id: w.id, active: String(Boolean(w.active_until))}},
      h('td', {}, w.connector ? h('a', {href: `#/connectors/${encodeURIComponent(w.connector)}`}, w.connector) : badge('global', 'info')),
      h('td', {class: 'nowrap'}, scheduleText(w.schedule)),
      h('td', {}, w.duration),
      h('td', {class: 'nowrap'}, w.next ? [formatDateTime(w.next.start), h('div', {class: 'muted small'}, `until ${formatDateTime(w.next.end)}`)] : h('span', {class: 'muted'}, 'none')),
      h('td', {}, w.active_until ? badge(`active until ${formatDateTime(w.active_until)} (${formatRelative(w.active_until, now)})`, 'warn', {dataset: {testid: 'window-active'}}) : h('span', {class: 'muted'}, '—')),
      h('td', {}, w.description || ''),
      h(
        'td',
        {class: 'right nowrap'},
        operate && w.active_until ? h('button', {type: 'button', class: 'btn btn-small', dataset: {testid: 'window-end', id: w.id}, onclick: () => endNow(w)}, 'End now') : null,
        operate ? h('button', {type: 'button', class: 'btn btn-small btn-danger-outline', dataset: {testid: 'window-delete', id: w.id}, onclick: () => remove(w)}, 'Delete') : null,
      ),
    );

  const endNow = (w) =>
    act(() => post(`/maintenance-windows/${seg(w.id)}/end`, undefined, {signal: ctx.signal}), 'The window has ended; capture resumes.', () => poll.now());
  const remove = async (w) => {
    if (!confirm('Delete this maintenance window?')) return;
    await act(() => del(`/maintenance-windows/${seg(w.id)}`, {signal: ctx.signal}), 'Window deleted.', () => poll.now());
  };

  if (operate) {
    get('/connectors', {signal: ctx.signal})
      .then(({connectors}) => replace(formSlot, windowForm(ctx, connectors.map((c) => c.name), () => poll.now())))
      .catch((e) => e.name !== 'AbortError' && replace(formSlot, errorBanner(e)));
  }
}

function windowForm(ctx, connectorNames, onCreated) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const kind = h('select', {id: 'mw-type', dataset: {testid: 'mw-type'}}, h('option', {value: 'once'}, 'Once'), h('option', {value: 'cron'}, 'Recurring (cron)'));
  const start = h('input', {type: 'datetime-local', id: 'mw-start', dataset: {testid: 'mw-start'}});
  const cron = h('input', {type: 'text', id: 'mw-cron', placeholder: '0 2 * * SUN', spellcheck: 'false', dataset: {testid: 'mw-cron'}});
  const timeZone = h('select', {id: 'mw-time-zone', dataset: {testid: 'mw-time-zone'}}, timeZones(zone).map((z) => h('option', {value: z, selected: z === zone}, z)));
  const duration = h('input', {type: 'text', id: 'mw-duration', value: '1h', placeholder: 'e.g. 30m, 2h', dataset: {testid: 'mw-duration'}});
  const scope = h('select', {id: 'mw-connector', dataset: {testid: 'mw-connector'}}, h('option', {value: ''}, 'Global (every source)'), connectorNames.map((n) => h('option', {value: n}, n)));
  const description = h('input', {type: 'text', id: 'mw-description', placeholder: 'e.g. weekly vacuum', dataset: {testid: 'mw-description'}});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'mw-submit', dataset: {testid: 'mw-submit'}}, 'Create window');
  const message = h('div');
  const onceRow = formRow('Start (your local time)', start, {field: 'schedule.start'});
  const cronRows = [
    formRow('Cron expression', cron, {field: 'schedule.cron', help: 'minute hour day-of-month month day-of-week, e.g. 0 2 * * SUN for Sundays at 02:00'}),
    formRow('Time zone', timeZone, {field: 'schedule.time_zone'}),
  ];
  const sync = () => {
    const once = kind.value === 'once';
    onceRow.hidden = !once;
    cronRows.forEach((r) => (r.hidden = once));
  };
  kind.addEventListener('change', sync);

  const onSubmit = async (event) => {
    event.preventDefault();
    const schedule = kind.value === 'once' ? {type: 'once', start: localInputToIso(start.value)} : {type: 'cron', cron: cron.value.trim(), time_zone: timeZone.value};
    if (kind.value === 'once' && !schedule.start) {
      replace(message, errorBanner({message: 'Pick the start date and time of the window.'}));
      return;
    }
    const window = {connector: scope.value || null, schedule, duration: duration.value.trim(), description: description.value.trim()};
    await submitting(submit, message, () => post('/maintenance-windows', window, {signal: ctx.signal}), 'Maintenance window created.', () => {
      description.value = '';
      onCreated();
    });
  };

  const form = h(
    'form',
    {class: 'form panel', id: 'mw-form', dataset: {testid: 'mw-form'}, onsubmit: onSubmit},
    h('h2', {}, 'New window'),
    h(
      'div',
      {class: 'form-grid'},
      formRow('Scope', scope, {field: 'connector'}),
      formRow('Schedule', kind),
      onceRow,
      cronRows,
      formRow('Duration', duration, {field: 'duration', help: 'e.g. 30m, 2h, 1d'}),
      formRow('Description', description, {field: 'description'}),
    ),
    message,
    h('div', {class: 'form-actions'}, submit),
  );
  sync();
  return form;
}

function scheduleText(s) {
  if (!s) return '—';
  if (s.type === 'once') return ['once at ', formatDateTime(s.start)];
  return [h('code', {}, s.cron), h('span', {class: 'muted'}, ` (${s.time_zone})`)];
}

function timeZones(preferred) {
  let zones = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(['UTC', ...zones]);
  all.add(preferred);
  return [...all];
}
