// Forms generated from a connector type's field descriptions, and field error display. Every
// control carries data-field="<prefix>.<name>" (e.g. "source.host") and every row a matching
// [data-field-error] element for the API's field errors.

import {h, replace} from './dom.js';
import {fromInputText, groupFields, placeholderFor, setPath, toInputText} from './fieldvalues.js';

/** Fieldsets (one per group) editing `fields` under `prefix`, pre-filled from `values` or defaults. */
export function configFieldsets(prefix, type, values = {}) {
  return groupFields(type.groups, type.fields).map(({group, fields}) =>
    h(
      'fieldset',
      {class: 'fieldset', dataset: {group}},
      h('legend', {}, group),
      h('div', {class: 'form-grid'}, fields.map((f) => fieldRow(prefix, f, values[f.name]))),
    ),
  );
}

/** Reads the values of `fields` under `prefix` from the controls inside `root` into `target`. */
export function readConfigFields(root, prefix, fields, target = {}) {
  for (const field of fields) {
    const path = `${prefix}.${field.name}`;
    const control = root.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (!control) continue;
    const value = field.type === 'boolean' ? control.checked : fromInputText(field, control.value);
    if (value !== undefined) setPath(target, path, value);
  }
  return target;
}

/**
 * Shows each {field, message} next to its control inside `root`; returns the errors that match no
 * control, for a general message. Clears earlier errors first.
 */
export function showFieldErrors(root, errors) {
  clearFieldErrors(root);
  const unmatched = [];
  let first = null;
  for (const error of errors || []) {
    const slot = root.querySelector(`[data-field-error="${CSS.escape(error.field || '')}"]`);
    if (!slot) {
      unmatched.push(error);
      continue;
    }
    slot.append(h('div', {}, error.message));
    const control = root.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  if (first) first.focus({preventScroll: false});
  return unmatched;
}

export function clearFieldErrors(root) {
  for (const slot of root.querySelectorAll('[data-field-error]')) replace(slot);
  for (const c of root.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

/** A text input row for a top-level document field such as the connector `name`. */
export function textRow(path, label, {value = '', help, required = false, placeholder = ''} = {}) {
  const control = h('input', {type: 'text', id: idFor(path), name: path, value, placeholder, required, dataset: {field: path}});
  return row(path, label, control, help, required);
}

function fieldRow(prefix, field, value) {
  const path = `${prefix}.${field.name}`;
  const initial = value !== undefined ? value : field.default;
  return row(path, labelOf(field), control(path, field, initial), field.description, field.required, field.type === 'boolean');
}

function control(path, field, initial) {
  const common = {id: idFor(path), name: path, dataset: {field: path, type: field.type}};
  switch (field.type) {
    case 'boolean':
      return h('input', {...common, type: 'checkbox', checked: initial === true || initial === 'true'});
    case 'enum': {
      const choices = field.choices || [];
      const hasEmpty = !field.required && field.default == null;
      return h(
        'select',
        {...common, required: field.required},
        hasEmpty ? h('option', {value: ''}, '(not set)') : null,
        choices.map((c) => h('option', {value: c, selected: String(initial) === c}, c)),
      );
    }
    case 'password':
      return h('input', {...common, type: 'password', autocomplete: 'new-password', value: toInputText(field, initial), required: field.required});
    case 'int':
    case 'size':
      return h('input', {...common, type: 'text', inputmode: 'numeric', value: toInputText(field, initial), placeholder: placeholderFor(field), required: field.required});
    default:
      return h('input', {...common, type: 'text', value: toInputText(field, initial), placeholder: placeholderFor(field), required: field.required, spellcheck: 'false'});
  }
}

function row(path, label, control, help, required, inline = false) {
  const labelEl = h('label', {for: control.id}, label, required ? h('span', {class: 'req', title: 'required'}, ' *') : null);
  return h(
    'div',
    {class: `form-row${inline ? ' form-row-check' : ''}`, dataset: {row: path}},
    inline ? h('div', {class: 'check'}, control, labelEl) : [labelEl, control],
    help ? h('div', {class: 'help'}, help) : null,
    h('div', {class: 'field-error', dataset: {fieldError: path}, 'aria-live': 'polite'}),
  );
}

function labelOf(field) {
  return field.title || field.name;
}

function idFor(path) {
  return `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
