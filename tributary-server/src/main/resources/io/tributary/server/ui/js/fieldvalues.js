// Conversions between connector config values and form control text, by field type (the
// ConfigSpec types: string, password, int, boolean, list, enum, duration, size, path). Pure.

/** The text a control shows for `value` (a default or a stored value); null → "". */
export function toInputText(field, value) {
  if (value == null) return '';
  if (field.type === 'list') return Array.isArray(value) ? value.join(', ') : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The config value for a control's text, or undefined to leave the field out (empty). Text that
 * does not parse is sent as typed so the server's validation explains what is wrong with it.
 */
export function fromInputText(field, text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return undefined;
  switch (field.type) {
    case 'int':
      return /^[-+]?\d+$/.test(raw) ? Number(raw) : raw;
    case 'size':
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'list':
      return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'password':
      return String(text); // passwords keep their spaces
    default:
      return raw;
  }
}

/** Sets `value` at a dotted path ("source.host") of `target`, creating objects on the way. */
export function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] == null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
  return target;
}

/** The value at a dotted path of `source`, or undefined. */
export function getPath(source, path) {
  let node = source;
  for (const key of path.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return node;
}

/** Fields by group, in the order of `groups` then any group not listed. */
export function groupFields(groups, fields) {
  const order = [...(groups || [])];
  for (const f of fields) if (!order.includes(f.group || 'General')) order.push(f.group || 'General');
  return order
    .map((group) => ({group, fields: fields.filter((f) => (f.group || 'General') === group)}))
    .filter((g) => g.fields.length > 0);
}

/** A placeholder hinting the expected syntax of a field type. */
export function placeholderFor(field) {
  switch (field.type) {
    case 'list':
      return 'comma-separated, e.g. a, b';
    case 'duration':
      return 'e.g. 500ms, 10s, 5m, 2h';
    case 'size':
      return 'bytes';
    case 'path':
      return '/path/on/the/server';
    default:
      return '';
  }
}
