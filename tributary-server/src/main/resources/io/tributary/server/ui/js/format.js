// Formatting of numbers, sizes, durations and times for display. Pure functions: no DOM, no clock
// (the current time is a parameter), so they can be checked in isolation.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB"; null/undefined → "—". */
export function formatBytes(bytes) {
  if (bytes == null || Number.isNaN(Number(bytes))) return '—';
  let value = Math.abs(Number(bytes));
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = Number(bytes) < 0 ? '-' : '';
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${trimZeros(value.toFixed(digits))} ${BYTE_UNITS[unit]}`;
}

/** Seconds as a short human duration: 0.4 → "0.4 s", 200 → "3 min 20 s", 90000 → "1 d 1 h". */
export function formatSeconds(seconds) {
  if (seconds == null || Number.isNaN(Number(seconds))) return '—';
  const s = Number(seconds);
  if (s < 0) return '-' + formatSeconds(-s);
  if (s < 10) return `${trimZeros(s.toFixed(s < 1 ? 2 : 1))} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const total = Math.round(s);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}

/** An instant relative to `now` (ms since epoch): "3 s ago", "5 min ago", "in 2 h"; null → "never". */
export function formatRelative(iso, now) {
  if (!iso) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return String(iso);
  const diff = Math.round((now - at) / 1000);
  const abs = Math.abs(diff);
  let text;
  if (abs < 60) text = `${abs} s`;
  else if (abs < 3600) text = `${Math.floor(abs / 60)} min`;
  else if (abs < 86400) text = `${Math.floor(abs / 3600)} h`;
  else text = `${Math.floor(abs / 86400)} d`;
  if (abs < 1) return 'just now';
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** Events per second: 35.24 → "35.2", 1234 → "1,234", 0 → "0". */
export function formatRate(value) {
  if (value == null || Number.isNaN(Number(value))) return '—';
  const v = Number(value);
  if (v === 0) return '0';
  if (v < 10) return trimZeros(v.toFixed(2));
  if (v < 100) return trimZeros(v.toFixed(1));
  return Math.round(v).toLocaleString('en-US');
}

/** An integer with thousands separators; null → "—". */
export function formatCount(value) {
  if (value == null || Number.isNaN(Number(value))) return '—';
  return Number(value).toLocaleString('en-US');
}

/** Milliseconds: 3.2 → "3.2 ms", 1500 → "1.5 s". */
export function formatMillis(ms) {
  if (ms == null || Number.isNaN(Number(ms))) return '—';
  const v = Number(ms);
  if (v >= 1000) return formatSeconds(v / 1000);
  return `${trimZeros(v.toFixed(v < 10 ? 1 : 0))} ms`;
}

/** An ISO instant as local date and time, "2026-11-26 21:56:48"; invalid → the input. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (n) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
  );
}

/** Local time of day with seconds, "21:56:48.544" when `millis`. */
export function formatTime(iso, millis = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n, w = 2) => String(n).padStart(w, '0');
  const t = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return millis ? `${t}.${p(d.getMilliseconds(), 3)}` : t;
}

/** A `datetime-local` input value ("2026-11-26T21:56") as an ISO UTC instant; "" → null. */
export function localInputToIso(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Percentage 0–100 of done over total, clamped; unknown total → null. */
export function percent(done, total) {
  if (!total || total <= 0 || done == null) return null;
  return Math.max(0, Math.min(100, (100 * done) / total));
}

function trimZeros(text) {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
