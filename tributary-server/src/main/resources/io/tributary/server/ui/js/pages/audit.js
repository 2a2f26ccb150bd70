// The audit log as a table, shared by the source detail page and Settings.

import {emptyRow, h} from '../dom.js';
import {formatDateTime, formatRelative} from '../format.js';

/** A table of audit entries {at, actor, action, target, details}, newest first. */
export function auditTable(entries, {showTarget = true} = {}) {
  const columns = ['When', 'Actor', 'Action', showTarget ? 'Target' : null, 'Details'].filter(Boolean);
  const now = Date.now();
  return h(
    'table',
    {class: 'table table-compact', dataset: {testid: 'audit-table'}},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col'}, c)))),
    h(
      'tbody',
      {},
      (entries || []).length === 0
        ? emptyRow(columns.length, 'No entries.')
        : entries.map((e) =>
            h(
              'tr',
              {dataset: {testid: 'audit-row', action: e.action}},
              h('td', {class: 'nowrap', title: formatDateTime(e.at)}, formatRelative(e.at, now)),
              h('td', {}, e.actor),
              h('td', {}, h('code', {}, e.action)),
              showTarget ? h('td', {}, e.target) : null,
              h('td', {class: 'mono small ellipsis', title: details(e.details)}, details(e.details)),
            ),
          ),
    ),
  );
}

function details(value) {
  if (value == null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
