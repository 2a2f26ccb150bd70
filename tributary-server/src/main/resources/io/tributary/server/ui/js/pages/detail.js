// Source detail page (#/connectors/{name}[/{tab}]): state and controls, charts, snapshot progress,
// recent errors, live event preview, and the Configuration / History / Audit tabs.

import {del, get, post, seg} from '../api.js';
import {errorBanner, h, replace, stateBadge, toast} from '../dom.js';
import {lineChart} from '../charts.js';
import {formatBytes, formatCount, formatDateTime, formatMillis, formatRate, formatRelative, formatSeconds, percent} from '../format.js';
import {canOperate, VIEWER_HINT} from '../roles.js';
import {href, navigate} from '../router.js';
import {livePreview} from './preview.js';
import {renderConfigTab} from './detail-config.js';
import {renderHistoryTab} from './detail-history.js';
import {auditTable} from './audit.js';

/** Which control applies in which state; the API answers 409 to the others. */
export const ACTIONS = [
  {id: 'pause', label: 'Pause', states: ['SNAPSHOTTING', 'STREAMING'], done: 'Pause requested'},
  {id: 'resume', label: 'Resume', states: ['PAUSED'], done: 'Resume requested'},
  {id: 'restart', label: 'Restart', states: ['CREATED', 'SNAPSHOTTING', 'STREAMING', 'PAUSED', 'FAILED', 'STOPPED'], done: 'Restart requested'},
  {id: 'snapshot', label: 'Re-snapshot', states: ['STREAMING'], done: 'Re-snapshot started', confirm: 'Copy every table of this source again while streaming continues?', body: {tables: []}},
];

const TABS = [
  {id: 'config', label: 'Configuration', render: renderConfigTab},
  {id: 'history', label: 'History', render: renderHistoryTab},
  {id: 'audit', label: 'Audit', render: renderAuditTab},
];

export function renderDetail(ctx) {
  const name = ctx.params.name;
  const base = `/connectors/${seg(name)}`;
  const operate = canOperate(ctx.session);
  let connector = null;
  let status = null;
  let busy = false;

  const title = h('h1', {}, name);
  const meta = h('div', {class: 'meta muted'});
  const badgeSlot = h('span', {class: 'badge-slot'});
  const message = h('div', {class: 'state-message', id: 'state-message', dataset: {testid: 'state-message'}});
  const maintenance = h('div', {class: 'maintenance-info', id: 'maintenance-info', dataset: {testid: 'maintenance-info'}});
  const problem = h('div');
  const buttons = ACTIONS.map((a) =>
    h('button', {type: 'button', class: 'btn', id: `${a.id}-button`, dataset: {testid: `${a.id}-button`, action: a.id}, disabled: true, title: operate ? null : VIEWER_HINT, onclick: () => act(a)}, a.label),
  );
  const deleteButton = operate ? h('button', {type: 'button', class: 'btn btn-danger-outline', id: 'delete-button', dataset: {testid: 'delete-button'}, onclick: () => confirmDelete()}, 'Delete') : null;
  const tiles = h('div', {class: 'tiles'});
  const charts = h('div', {class: 'charts', dataset: {testid: 'charts'}});
  const snapshot = h('section', {class: 'panel', dataset: {testid: 'snapshot-progress'}});
  const errors = h('section', {class: 'panel', dataset: {testid: 'recent-errors'}});
  const tabBar = h('div', {class: 'tabs', role: 'tablist'});
  const tabBody = h('div', {class: 'tab-body', role: 'tabpanel'});

  replace(
    ctx.root,
    h(
      'div',
      {class: 'page'},
      h('nav', {class: 'breadcrumb'}, h('a', {href: href('/')}, 'Sources'), ' / ', name),
      h(
        'div',
        {class: 'page-header'},
        h('div', {class: 'title-block'}, h('div', {class: 'title-line'}, title, badgeSlot), meta),
        h('div', {class: 'actions', role: 'group', 'aria-label': 'Controls'}, operate ? buttons : null, deleteButton),
      ),
      message,
      maintenance,
      problem,
      tiles,
      charts,
      h('div', {class: 'two-col'}, snapshot, errors),
      h('section', {class: 'panel', id: 'live-preview'}, livePreview(ctx, name)),
      h('section', {class: 'panel panel-tabs'}, tabBar, tabBody),
    ),
  );

  const loadConnector = async () => {
    connector = await get(base, {signal: ctx.signal});
    replace(meta, `${connector.type} · version ${connector.version} · created ${formatDateTime(connector.created_at)} · updated ${formatRelative(connector.updated_at, Date.now())}`);
    if (connector.status) showStatus(connector.status);
    return connector;
  };

  const showStatus = (s) => {
    status = s;
    const state = s.state;
    replace(badgeSlot, stateBadge(state, {id: 'state-badge', dataset: {testid: 'state-badge', state}, title: `since ${formatDateTime(s.since)}`}));
    replace(message, s.message ? h('div', {class: `alert ${state === 'FAILED' ? 'alert-error' : 'alert-info'}`}, s.message) : null);
    showMaintenance(maintenance, s.maintenance);
    for (const [i, a] of ACTIONS.entries()) buttons[i].disabled = busy || !operate || !a.states.includes(state);
    showTiles(tiles, s);
    showSnapshot(snapshot, s.snapshot);
    showErrors(errors, s.errors);
  };

  const act = async (action) => {
    if (action.confirm && !confirm(action.confirm)) return;
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    try {
      const answer = await post(`${base}/${action.id}`, action.body, {signal: ctx.signal});
      toast(`${action.done} for ${name}.`);
      busy = false;
      if (answer && answer.state) showStatus(answer);
      poll.now();
    } catch (e) {
      busy = false;
      if (e.name === 'AbortError') return;
      toast(e.message, 'error');
      if (status) showStatus(status);
    }
  };

  const confirmDelete = () => {
    const dropSlot = h('input', {type: 'checkbox', id: 'drop-slot', dataset: {testid: 'drop-slot'}});
    const dialog = h(
      'dialog',
      {class: 'dialog', dataset: {testid: 'delete-dialog'}},
      h(
        'form',
        {method: 'dialog'},
        h('h2', {}, `Delete ${name}?`),
        h('p', {}, 'The connector stops and its configuration is removed; the audit log keeps a record of the deletion.'),
        h('div', {class: 'form-row-check'}, h('div', {class: 'check'}, dropSlot, h('label', {for: 'drop-slot'}, 'Also drop its replication slot and publication (the source database then stops retaining WAL for it)'))),
        h('div', {class: 'form-actions'}, h('button', {value: 'cancel', class: 'btn'}, 'Cancel'), h('button', {value: 'delete', class: 'btn btn-danger', dataset: {testid: 'confirm-delete'}}, 'Delete')),
      ),
    );
    dialog.addEventListener('close', async () => {
      dialog.remove();
      if (dialog.returnValue !== 'delete') return;
      try {
        await del(`${base}${dropSlot.checked ? '?drop_slot=true' : ''}`);
        toast(`Deleted ${name}.`);
        navigate('/');
      } catch (e) {
        toast(e.message, 'error');
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  };

  // Tabs switch in place (keeping the live preview open) and record the tab in the URL.
  let tabCtx = null;
  const showTab = (id, record = true) => {
    const tab = TABS.find((t) => t.id === id) || TABS[0];
    for (const b of tabBar.children) {
      const on = b.dataset.tab === tab.id;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', String(on));
    }
    if (tabCtx) tabCtx.abort();
    tabCtx = new AbortController();
    ctx.signal.addEventListener('abort', () => tabCtx.abort());
    replace(tabBody);
    tab.render({root: tabBody, name, base, session: ctx.session, signal: tabCtx.signal, connector: () => connector, reload: () => loadConnector().then(() => poll.now())});
    if (record) history.replaceState(null, '', href(`/connectors/${encodeURIComponent(name)}/${tab.id}`));
  };
  replace(
    tabBar,
    TABS.map((t) => h('button', {type: 'button', role: 'tab', class: 'tab', id: `tab-${t.id}`, dataset: {tab: t.id, testid: `tab-${t.id}`}, onclick: () => showTab(t.id)}, t.label)),
  );

  const poll = {now: () => {}};
  loadConnector()
    .then(() => {
      Object.assign(poll, ctx.every(2000, async () => {
        try {
          showStatus(await get(`${base}/status`, {signal: ctx.signal}));
          replace(problem);
        } catch (e) {
          if (e.name !== 'AbortError') replace(problem, errorBanner(e));
        }
      }));
      ctx.every(10000, () => loadCharts(ctx, base, charts));
      showTab(ctx.params.tab || 'config', false);
    })
    .catch((e) => {
      if (e.name === 'AbortError') return;
      replace(
        ctx.root,
        h('div', {class: 'page'}, h('h1', {}, name), errorBanner(e.status === 404 ? {message: `There is no source named ${name}; it may have been deleted.`} : e), h('a', {href: href('/')}, '← Back to the sources')),
      );
    });
}

function showMaintenance(el, m) {
  const parts = [];
  if (m && m.active) {
    parts.push(h('div', {class: 'alert alert-warn', dataset: {testid: 'maintenance-active'}}, `In maintenance until ${formatDateTime(m.active.until)} (${formatRelative(m.active.until, Date.now())}); capture resumes by itself.`));
  }
  if (m && m.next) {
    parts.push(h('div', {class: 'muted', dataset: {testid: 'maintenance-next'}}, `Next window ${formatDateTime(m.next.start)} – ${formatDateTime(m.next.end)} (${formatRelative(m.next.start, Date.now())}).`));
  }
  replace(el, parts);
}

function showTiles(el, s) {
  const latency = s.latency_ms || {};
  const tile = (label, value, testid, sub) => h('div', {class: 'tile', dataset: {testid}}, h('div', {class: 'tile-label'}, label), h('div', {class: 'tile-value'}, value), sub ? h('div', {class: 'tile-sub muted'}, sub) : null);
  replace(
    el,
    tile('Events/s', formatRate(s.events_per_second), 'tile-rate', `${formatCount(s.events_total)} total`),
    tile('Lag', formatSeconds(s.lag_seconds), 'tile-lag', formatBytes(s.lag_bytes)),
    tile('Latency p99', formatMillis(latency.p99), 'tile-latency', `p50 ${formatMillis(latency.p50)}`),
    tile('Last event', formatRelative(s.last_event_at, Date.now()), 'tile-last-event', formatDateTime(s.last_event_at)),
    tile('WAL retained', formatBytes(s.wal_retained_bytes), 'tile-wal', 'by the replication slot'),
  );
}

function showSnapshot(el, snapshot) {
  const tables = (snapshot && snapshot.tables) || [];
  replace(
    el,
    h('h2', {}, 'Snapshot'),
    tables.length === 0
      ? h('p', {class: 'muted'}, 'No snapshot in progress.')
      : h(
          'ul',
          {class: 'progress-list'},
          tables.map((t) => {
            const pct = t.done ? 100 : percent(t.rows_done, t.rows_total);
            return h(
              'li',
              {dataset: {testid: 'snapshot-row', table: t.table, done: String(Boolean(t.done))}},
              h('div', {class: 'progress-head'}, h('span', {class: 'strong'}, t.table), h('span', {class: 'muted'}, t.done ? `done · ${formatCount(t.rows_done)} rows` : `${formatCount(t.rows_done)} / ${t.rows_total != null ? formatCount(t.rows_total) : '?'} rows${t.eta_seconds != null ? ` · ETA ${formatSeconds(t.eta_seconds)}` : ''}`)),
              h('div', {class: 'progress', role: 'progressbar', 'aria-label': `${t.table} snapshot`, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct == null ? null : Math.round(pct)}, h('div', {class: `progress-bar${t.done ? ' done' : ''}`, style: {width: `${pct ?? 0}%`}})),
            );
          }),
        ),
  );
}

function showErrors(el, errors) {
  const list = errors || [];
  replace(
    el,
    h('h2', {}, 'Recent errors'),
    list.length === 0
      ? h('p', {class: 'muted'}, 'No errors.')
      : h('ul', {class: 'error-list'}, list.map((e) => h('li', {dataset: {testid: 'error-row'}}, h('time', {datetime: e.at, title: formatDateTime(e.at)}, formatRelative(e.at, Date.now())), h('span', {}, e.message)))),
  );
}

async function loadCharts(ctx, base, el) {
  let points;
  try {
    ({points} = await get(`${base}/metrics?minutes=60`, {signal: ctx.signal}));
  } catch (e) {
    if (e.name !== 'AbortError') replace(el, errorBanner(e));
    return;
  }
  const series = (pick) => (points || []).map((p) => ({t: Date.parse(p.at), v: pick(p)}));
  const p99 = (p) => (p.latency_ms != null && typeof p.latency_ms === 'object' ? p.latency_ms.p99 : p.latency_ms);
  replace(
    el,
    lineChart({title: 'Throughput (events/s)', series: series((p) => p.events_per_second), format: formatRate, testid: 'chart-throughput'}),
    lineChart({title: 'Lag (seconds)', series: series((p) => p.lag_seconds), format: formatSeconds, testid: 'chart-lag', color: 'var(--warn)'}),
    lineChart({title: 'Latency p99 (ms)', series: series(p99), format: formatMillis, testid: 'chart-latency', color: 'var(--purple)'}),
  );
}

async function renderAuditTab({root, name, signal}) {
  replace(root, h('p', {class: 'muted'}, 'Loading…'));
  try {
    const {entries} = await get(`/audit?connector=${seg(name)}&limit=100`, {signal});
    replace(root, auditTable(entries, {showTarget: false}));
  } catch (e) {
    if (e.name !== 'AbortError') replace(root, errorBanner(e));
  }
}
