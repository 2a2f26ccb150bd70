// Small time-series line charts as inline SVG. `scaleSeries` and `niceMax` are pure; `lineChart`
// builds the DOM.

import {h, replace, svg} from './dom.js';
import {formatTime} from './format.js';

const W = 400;
const H = 130;
const PAD = {left: 44, right: 8, top: 8, bottom: 20};

/** The smallest 1/2/2.5/5 × 10^k at or above `value` (1 for 0 or less), for a readable axis. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * exp >= value) return m * exp;
  return 10 * exp;
}

/**
 * Maps points {t (ms), v (number|null)} into a width × height box: the SVG path of the line
 * (gaps where v is null), the closed area under it, the y maximum and the time range.
 */
export function scaleSeries(points, width, height, {from, to} = {}) {
  const times = points.map((p) => p.t);
  const t0 = from ?? Math.min(...times);
  const t1 = to ?? Math.max(...times);
  const span = Math.max(1, t1 - t0);
  const values = points.map((p) => p.v).filter((v) => v != null && !Number.isNaN(v));
  const yMax = niceMax(values.length ? Math.max(...values) : 0);
  const x = (t) => ((t - t0) / span) * width;
  const y = (v) => height - (Math.max(0, v) / yMax) * height;
  let line = '';
  let area = '';
  let run = [];
  const closeRun = () => {
    if (run.length === 0) return;
    line += run.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
    area += `M${run[0][0].toFixed(1)},${height}` + run.map(([px, py]) => `L${px.toFixed(1)},${py.toFixed(1)}`).join('') + `L${run[run.length - 1][0].toFixed(1)},${height}Z`;
    run = [];
  };
  for (const p of points) {
    if (p.v == null || Number.isNaN(p.v)) closeRun();
    else run.push([x(p.t), y(p.v)]);
  }
  closeRun();
  return {line, area, yMax, from: t0, to: t1, x, y};
}

/**
 * A chart card: title, the latest (or hovered) value formatted by `format`, and the SVG.
 * `series` is [{t, v}] sorted by time.
 */
export function lineChart({title, series, format, testid, color = 'var(--accent)'}) {
  const readout = h('span', {class: 'chart-value'});
  const card = h('figure', {class: 'chart', dataset: {testid}}, h('figcaption', {}, h('span', {class: 'chart-title'}, title), readout));
  if (series.length === 0) {
    card.append(h('div', {class: 'chart-empty'}, 'No data yet'));
    return card;
  }
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const s = scaleSeries(series, iw, ih);
  const last = [...series].reverse().find((p) => p.v != null);
  const showLatest = () => replace(readout, last ? format(last.v) : '—');
  showLatest();

  const cursor = svg('line', {class: 'chart-cursor', x1: 0, x2: 0, y1: 0, y2: ih, visibility: 'hidden'});
  const overlay = svg('rect', {x: 0, y: 0, width: iw, height: ih, fill: 'transparent'});
  const plot = svg(
    'g',
    {transform: `translate(${PAD.left},${PAD.top})`},
    gridLine(0, iw),
    gridLine(ih / 2, iw),
    gridLine(ih, iw),
    svg('path', {d: s.area, fill: color, 'fill-opacity': '0.12', stroke: 'none'}),
    svg('path', {d: s.line, fill: 'none', stroke: color, 'stroke-width': '1.6', 'stroke-linejoin': 'round'}),
    cursor,
    overlay,
  );
  const chart = svg(
    'svg',
    {viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-label': `${title}, latest ${last ? format(last.v) : 'none'}`},
    plot,
    axisLabel(PAD.left - 4, PAD.top + 4, format(s.yMax), 'end'),
    axisLabel(PAD.left - 4, PAD.top + ih / 2 + 4, format(s.yMax / 2), 'end'),
    axisLabel(PAD.left - 4, PAD.top + ih + 4, format(0), 'end'),
    axisLabel(PAD.left, H - 4, formatTime(new Date(s.from).toISOString()).slice(0, 5), 'start'),
    axisLabel(W - PAD.right, H - 4, formatTime(new Date(s.to).toISOString()).slice(0, 5), 'end'),
  );
  overlay.addEventListener('mousemove', (e) => {
    const box = overlay.getBoundingClientRect();
    const t = s.from + ((e.clientX - box.left) / box.width) * (s.to - s.from);
    const nearest = series.reduce((a, b) => (Math.abs(b.t - t) < Math.abs(a.t - t) ? b : a));
    const px = s.x(nearest.t);
    cursor.setAttribute('x1', px);
    cursor.setAttribute('x2', px);
    cursor.setAttribute('visibility', 'visible');
    replace(readout, `${nearest.v == null ? '—' : format(nearest.v)} at ${formatTime(new Date(nearest.t).toISOString())}`);
  });
  overlay.addEventListener('mouseleave', () => {
    cursor.setAttribute('visibility', 'hidden');
    showLatest();
  });
  card.append(chart);
  return card;
}

function gridLine(y, width) {
  return svg('line', {class: 'chart-grid', x1: 0, x2: width, y1: y, y2: y});
}

function axisLabel(x, y, text, anchor) {
  return svg('text', {class: 'chart-axis', x, y, 'text-anchor': anchor}, text);
}
