// Add-source wizard: (1) pick a connector type, (2) fill the form generated from its fields,
// (3) test the connection, (4) pick the tables, then save and start.

import {get, post} from '../api.js';
import {badge, errorBanner, h, replace} from '../dom.js';
import {clearFieldErrors, configFieldsets, readConfigFields, showFieldErrors, textRow} from '../forms.js';
import {formatCount} from '../format.js';
import {canOperate, VIEWER_HINT} from '../roles.js';
import {href, navigate} from '../router.js';

const STEPS = ['Type', 'Configure', 'Test connection', 'Tables'];
const CHECK_ICONS = {passed: '✓', warning: '!', failed: '✗'};

export function renderWizard(ctx) {
  const state = {types: null, type: null, document: null, tested: false, discovered: null};
  const steps = h('ol', {class: 'steps', dataset: {testid: 'wizard-steps'}});
  const body = h('div', {class: 'wizard-body'});
  replace(
    ctx.root,
    h(
      'div',
      {class: 'page page-narrow'},
      h('div', {class: 'page-header'}, h('h1', {}, 'Add source'), h('a', {class: 'btn', href: href('/')}, 'Cancel')),
      steps,
      body,
    ),
  );
  if (!canOperate(ctx.session)) {
    replace(body, h('div', {class: 'alert alert-error'}, VIEWER_HINT));
    return;
  }

  const setStep = (n) => {
    replace(
      steps,
      STEPS.map((label, i) =>
        h('li', {class: i + 1 === n ? 'current' : i + 1 < n ? 'done' : '', dataset: {step: i + 1}, 'aria-current': i + 1 === n ? 'step' : null}, h('span', {class: 'step-no'}, i + 1), label),
      ),
    );
    steps.dataset.current = n;
  };

  // Step 1: connector types as cards.
  const showTypes = async () => {
    setStep(1);
    replace(body, h('p', {class: 'muted'}, 'Loading connector types…'));
    try {
      state.types = state.types || (await get('/connector-types', {signal: ctx.signal}));
    } catch (e) {
      if (e.name !== 'AbortError') replace(body, errorBanner(e));
      return;
    }
    replace(
      body,
      h('h2', {}, 'Choose the type of source'),
      h(
        'div',
        {class: 'cards'},
        state.types.types.map((t) =>
          h(
            'button',
            {
              type: 'button',
              class: `card type-card${state.type && state.type.type === t.type ? ' selected' : ''}`,
              dataset: {testid: 'type-card', type: t.type},
              id: `type-card-${t.type}`,
              onclick: () => {
                if (!state.type || state.type.type !== t.type) state.document = null;
                state.type = t;
                showForm();
              },
            },
            h('span', {class: 'card-title'}, t.title || t.type),
            h('span', {class: 'card-text'}, t.description || ''),
          ),
        ),
      ),
    );
  };

  // Steps 2 and 3: the form and, under it, the connection test; errors go next to the fields.
  const showForm = () => {
    setStep(2);
    const type = state.type;
    const doc = state.document || {name: '', source: {}};
    const general = h('div', {class: 'form-general'});
    const results = h('div', {class: 'checks', id: 'validation-result', dataset: {testid: 'validation-result'}});
    const next = h('button', {type: 'button', class: 'btn btn-primary', id: 'wizard-next', dataset: {testid: 'wizard-next'}, disabled: true, onclick: () => showTables()}, 'Next: choose tables →');
    const test = h('button', {type: 'submit', class: 'btn', id: 'test-connection', dataset: {testid: 'test-connection'}}, 'Test connection');
    const form = h(
      'form',
      {class: 'form', id: 'source-form', novalidate: true, onsubmit: (e) => (e.preventDefault(), runTest())},
      h(
        'fieldset',
        {class: 'fieldset'},
        h('legend', {}, 'Source'),
        h(
          'div',
          {class: 'form-grid'},
          textRow('name', 'Name', {
            value: doc.name,
            required: true,
            placeholder: 'e.g. shop',
            help: 'Names the connector and its streams (<name>.<schema>.<table>): lowercase letters, digits and _.',
          }),
          h('div', {class: 'form-row'}, h('span', {class: 'label'}, 'Type'), h('div', {class: 'static'}, type.title || type.type)),
        ),
      ),
      configFieldsets('source', type, doc.source),
      general,
      h('div', {class: 'form-actions'}, h('button', {type: 'button', class: 'btn', onclick: showTypes}, '← Back'), test, next),
      results,
    );
    form.addEventListener('input', () => {
      // A change invalidates the last test: the tables step needs a tested document.
      if (state.tested) {
        state.tested = false;
        next.disabled = true;
        results.classList.add('stale');
      }
    });
    replace(body, form);

    const runTest = async () => {
      state.document = readDocument(form, type);
      state.tested = false;
      next.disabled = true;
      test.disabled = true;
      setStep(3);
      clearFieldErrors(form);
      replace(general);
      results.classList.remove('stale');
      replace(results, h('p', {class: 'muted'}, 'Testing the connection…'));
      try {
        const answer = await post('/connectors/validate', state.document, {signal: ctx.signal});
        const unmatched = showFieldErrors(form, answer.errors);
        if (unmatched.length) replace(general, errorBanner({message: 'The document has errors:', fields: unmatched}));
        replace(results, validationSummary(answer));
        const failed = (answer.checks || []).some((c) => c.status === 'failed');
        state.tested = answer.valid && !failed;
        next.disabled = !state.tested;
        if (state.tested) next.focus();
      } catch (e) {
        if (e.name === 'AbortError') return;
        const unmatched = showFieldErrors(form, e.fields);
        replace(results, errorBanner({message: e.message, fields: unmatched}));
      } finally {
        test.disabled = false;
      }
    };
  };

  // Step 4: discovered tables, all selected by default; their list becomes source.tables.
  const showTables = async () => {
    setStep(4);
    replace(body, h('p', {class: 'muted'}, 'Discovering tables…'));
    try {
      const answer = await post('/connectors/discover', {source: state.document.source}, {signal: ctx.signal});
      state.discovered = answer.tables || [];
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(body, errorBanner(e), h('div', {class: 'form-actions'}, h('button', {type: 'button', class: 'btn', onclick: showForm}, '← Back')));
      return;
    }
    const tables = state.discovered;
    const previous = new Set(state.document.source.tables || []);
    // Keep an earlier explicit choice when coming back; otherwise everything is selected.
    const preselect = (t) => previous.size === 0 || previous.has(t.qualified) || [...previous].some((p) => p.includes('*'));
    const boxes = tables.map((t) =>
      h('input', {type: 'checkbox', checked: preselect(t), id: `table-${t.qualified}`, value: t.qualified, dataset: {testid: 'table-checkbox', table: t.qualified}}),
    );
    const all = h('input', {type: 'checkbox', id: 'tables-all', dataset: {testid: 'tables-all'}, 'aria-label': 'Select all tables'});
    const count = h('span', {class: 'muted', dataset: {testid: 'tables-count'}});
    const error = h('div');
    const start = h('input', {type: 'checkbox', id: 'start-now', checked: true, dataset: {testid: 'start-now'}});
    const save = h('button', {type: 'button', class: 'btn btn-primary', id: 'save-connector', dataset: {testid: 'save-connector'}}, 'Save and start');
    const sync = () => {
      const n = boxes.filter((b) => b.checked).length;
      all.checked = n === boxes.length && n > 0;
      all.indeterminate = n > 0 && n < boxes.length;
      replace(count, `${n} of ${boxes.length} selected`);
      save.disabled = n === 0;
      save.textContent = start.checked ? 'Save and start' : 'Save';
    };
    all.addEventListener('change', () => {
      boxes.forEach((b) => (b.checked = all.checked));
      sync();
    });
    boxes.forEach((b) => b.addEventListener('change', sync));
    start.addEventListener('change', sync);
    save.addEventListener('click', async () => {
      const selected = boxes.filter((b) => b.checked).map((b) => b.value);
      const doc = structuredClone(state.document);
      doc.source.tables = selected;
      state.document.source.tables = selected;
      save.disabled = true;
      replace(error);
      try {
        await post('/connectors', {...doc, start: start.checked}, {signal: ctx.signal});
        navigate(`/connectors/${encodeURIComponent(doc.name)}`);
      } catch (e) {
        if (e.name === 'AbortError') return;
        replace(error, errorBanner(e));
        save.disabled = false;
      }
    });

    replace(
      body,
      h('h2', {}, 'Choose the tables to capture'),
      tables.length === 0
        ? h('div', {class: 'alert alert-warn'}, 'No tables were found. Check that the user can see them (SELECT privilege) and go back to change the settings.')
        : h(
            'table',
            {class: 'table', id: 'tables-table'},
            h(
              'thead',
              {},
              h('tr', {}, h('th', {class: 'col-check'}, all), h('th', {}, 'Table'), h('th', {}, 'Primary key'), h('th', {class: 'num'}, 'Estimated rows')),
            ),
            h(
              'tbody',
              {},
              tables.map((t, i) =>
                h(
                  'tr',
                  {dataset: {testid: 'table-row', table: t.qualified}},
                  h('td', {class: 'col-check'}, boxes[i]),
                  h('td', {}, h('label', {for: boxes[i].id}, t.qualified)),
                  h('td', {}, t.primary_key ? badge('yes', 'ok') : badge('none', 'warn', {title: 'Without a primary key, events of this table carry no key.'})),
                  h('td', {class: 'num'}, formatCount(t.estimated_rows)),
                ),
              ),
            ),
          ),
      h('div', {class: 'form-row-check'}, h('div', {class: 'check'}, start, h('label', {for: 'start-now'}, 'Start capturing right away'))),
      error,
      h('div', {class: 'form-actions'}, h('button', {type: 'button', class: 'btn', onclick: showForm}, '← Back'), count, save),
    );
    sync();
  };

  showTypes();
}

function readDocument(form, type) {
  const name = form.querySelector('[data-field="name"]').value.trim();
  const doc = {name, source: {type: type.type}};
  readConfigFields(form, 'source', type.fields, doc);
  return doc;
}

function validationSummary(answer) {
  const checks = answer.checks || [];
  const head = answer.valid
    ? checks.some((c) => c.status === 'failed')
      ? h('div', {class: 'alert alert-error'}, 'The connection test failed; fix what the failed checks say and test again.')
      : h('div', {class: 'alert alert-ok'}, checks.some((c) => c.status === 'warning') ? 'The connection works, with warnings.' : 'The connection works.')
    : h('div', {class: 'alert alert-error'}, 'The settings have errors (shown next to their fields); fix them and test again.');
  return [
    head,
    checks.length > 0 &&
      h(
        'ul',
        {class: 'check-list'},
        checks.map((c) =>
          h(
            'li',
            {class: `check-row check-${c.status}`, dataset: {testid: 'check-row', status: c.status, name: c.name}},
            h('span', {class: 'check-icon', 'aria-label': c.status}, CHECK_ICONS[c.status] || '?'),
            h('div', {class: 'check-text'}, h('strong', {}, c.name), h('div', {}, c.message), c.fix && c.status !== 'passed' ? h('div', {class: 'fix'}, 'Fix: ', c.fix) : null),
          ),
        ),
      ),
  ];
}
