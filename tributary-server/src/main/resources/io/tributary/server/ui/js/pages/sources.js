// Sources list (home): every connector with its state, throughput, lag and last event, refreshed
// every 2 seconds.

import {get} from '../api.js';
import {emptyRow, errorBanner, h, replace, stateBadge} from '../dom.js';
import {formatBytes, formatDateTime, formatRate, formatRelative, formatSeconds} from '../format.js';
import {canOperate} from '../roles.js';
import {href, navigate} from '../router.js';

const COLUMNS = ['Name', 'Type', 'State', 'Events/s', 'Lag', 'Last event', 'Version'];
const NUMERIC = new Set(['Events/s', 'Lag', 'Version']);

export function renderSources(ctx) {
  const body = h('tbody', {}, emptyRow(COLUMNS.length, 'Loading…'));
  const status = h('div', {class: 'status-line'});
  const addButton = canOperate(ctx.session)
    ? h('a', {class: 'btn btn-primary', href: href('/add-source'), id: 'add-source', dataset: {testid: 'add-source'}}, '+ Add source')
    : null;

  replace(
    ctx.root,
    h(
      'div',
      {class: 'page'},
      h('div', {class: 'page-header'}, h('h1', {}, 'Sources'), h('div', {class: 'actions'}, addButton)),
      status,
      h(
        'table',
        {class: 'table table-hover', id: 'sources-table', dataset: {testid: 'sources-table'}},
        h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', class: NUMERIC.has(c) ? 'num' : null}, c)))),
        body,
      ),
    ),
  );

  ctx.every(2000, async () => {
    try {
      const {connectors} = await get('/connectors', {signal: ctx.signal});
      replace(status);
      const now = Date.now();
      replace(
        body,
        connectors.length === 0
          ? emptyRow(COLUMNS.length, canOperate(ctx.session) ? 'No sources yet. Add one to start capturing changes.' : 'No sources yet.')
          : connectors.map((c) => row(c, now)),
      );
    } catch (e) {
      if (e.name !== 'AbortError') replace(status, errorBanner(e));
    }
  });
}

function row(c, now) {
  const link = href(`/connectors/${encodeURIComponent(c.name)}`);
  return h(
    'tr',
    {
      class: 'clickable',
      dataset: {testid: 'source-row', name: c.name},
      onclick: (e) => {
        if (e.target.closest('a')) return;
        navigate(`/connectors/${encodeURIComponent(c.name)}`);
      },
    },
    h('td', {}, h('a', {href: link, class: 'strong'}, c.name)),
    h('td', {}, c.type),
    h('td', {}, stateBadge(c.state, {dataset: {testid: 'state-badge', state: c.state}})),
    h('td', {class: 'num'}, formatRate(c.events_per_second)),
    h('td', {class: 'num'}, formatBytes(c.lag_bytes), h('span', {class: 'muted'}, ` · ${formatSeconds(c.lag_seconds)}`)),
    h('td', {title: formatDateTime(c.last_event_at)}, formatRelative(c.last_event_at, now)),
    h('td', {class: 'num muted'}, c.version != null ? `v${c.version}` : '—'),
  );
}
