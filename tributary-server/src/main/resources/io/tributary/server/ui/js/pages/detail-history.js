// History tab: the connector's versions; pick two to see a line diff of their documents, or roll
// back to one (which creates a new version equal to it).

import {act} from '../actions.js';
import {get, post} from '../api.js';
import {emptyRow, errorBanner, h, replace} from '../dom.js';
import {diffLines, diffStats, prettyJson} from '../diff.js';
import {formatDateTime, formatRelative} from '../format.js';
import {canOperate} from '../roles.js';

export function renderHistoryTab({root, base, session, signal, reload}) {
  const operate = canOperate(session);
  const configs = new Map(); // version → document, fetched once
  const list = h('div');
  const diffBox = h('div', {class: 'diff-box', id: 'version-diff', dataset: {testid: 'version-diff'}});
  replace(root, list, diffBox);
  let versions = [];
  let from = null;
  let to = null;

  const configOf = async (version) => {
    if (!configs.has(version)) configs.set(version, (await get(`${base}/versions/${version}`, {signal})).config);
    return configs.get(version);
  };

  const showDiff = async () => {
    if (from == null || to == null) {
      replace(diffBox, h('p', {class: 'muted'}, versions.length < 2 ? 'Only one version so far.' : 'Pick two versions to compare.'));
      return;
    }
    replace(diffBox, h('p', {class: 'muted'}, 'Loading…'));
    try {
      const [a, b] = await Promise.all([configOf(from), configOf(to)]);
      replace(diffBox, diffView(from, to, diffLines(prettyJson(a), prettyJson(b))));
    } catch (e) {
      if (e.name !== 'AbortError') replace(diffBox, errorBanner(e));
    }
  };

  const rollback = async (version) => {
    if (!confirm(`Roll back to version ${version}? This saves a new version equal to it, and a running connector restarts with it.`)) return;
    await act(
      () => post(`${base}/rollback`, {version}, {signal}),
      (saved) => `Rolled back: version ${saved.version} equals version ${version}.`,
      async () => {
        await reload();
        await load();
      },
    );
  };

  const radio = (group, v, checked) =>
    h('input', {
      type: 'radio',
      name: `diff-${group}`,
      value: v.version,
      checked,
      'aria-label': `Compare ${group} version ${v.version}`,
      dataset: {testid: `diff-${group}`, version: v.version},
      onchange: () => {
        if (group === 'from') from = v.version;
        else to = v.version;
        showDiff();
      },
    });

  const load = async () => {
    try {
      versions = (await get(`${base}/versions`, {signal})).versions || [];
    } catch (e) {
      if (e.name !== 'AbortError') replace(list, errorBanner(e));
      return;
    }
    const now = Date.now();
    const newest = versions.length ? versions[0].version : null;
    to = newest;
    from = versions.length > 1 ? versions[1].version : null;
    replace(
      list,
      h(
        'table',
        {class: 'table table-compact', dataset: {testid: 'versions-table'}},
        h('thead', {}, h('tr', {}, ['From', 'To', 'Version', 'Saved', 'By', 'Comment', ''].map((c) => h('th', {scope: 'col'}, c)))),
        h(
          'tbody',
          {},
          versions.length === 0
            ? emptyRow(7, 'No versions.')
            : versions.map((v) =>
                h(
                  'tr',
                  {dataset: {testid: 'version-row', version: v.version}},
                  h('td', {}, radio('from', v, v.version === from)),
                  h('td', {}, radio('to', v, v.version === to)),
                  h('td', {class: 'strong'}, `v${v.version}`, v.version === newest ? h('span', {class: 'badge badge-info badge-after'}, 'current') : null),
                  h('td', {title: formatDateTime(v.created_at)}, formatRelative(v.created_at, now)),
                  h('td', {}, v.created_by || '—'),
                  h('td', {}, v.comment || h('span', {class: 'muted'}, '—')),
                  h(
                    'td',
                    {class: 'right'},
                    operate && v.version !== newest
                      ? h('button', {type: 'button', class: 'btn btn-small', dataset: {testid: 'rollback-button', version: v.version}, onclick: () => rollback(v.version)}, 'Roll back to this version')
                      : null,
                  ),
                ),
              ),
        ),
      ),
    );
    showDiff();
  };
  load();
}

function diffView(from, to, diff) {
  const {added, deleted} = diffStats(diff);
  const sign = {same: ' ', add: '+', del: '-'};
  return [
    h('div', {class: 'diff-head'}, h('strong', {}, `v${from} → v${to}`), h('span', {class: 'diff-add'}, ` +${added}`), h('span', {class: 'diff-del'}, ` −${deleted}`), added + deleted === 0 ? h('span', {class: 'muted'}, ' (identical)') : null),
    h(
      'table',
      {class: 'diff'},
      h(
        'tbody',
        {},
        diff.map((line) =>
          h(
            'tr',
            {class: `dl-${line.op}`, dataset: {op: line.op}},
            h('td', {class: 'ln'}, line.oldLine ?? ''),
            h('td', {class: 'ln'}, line.newLine ?? ''),
            h('td', {class: 'sign'}, sign[line.op]),
            h('td', {class: 'code'}, line.text),
          ),
        ),
      ),
    ),
  ];
}
