// Live preview of a connector's latest events: one EventSource on the chosen stream's tail (one at
// a time, since browsers allow few connections per host over HTTP/1.1), the last 20 events shown.

import {get, seg} from '../api.js';
import {emptyRow, h, replace} from '../dom.js';
import {formatTime} from '../format.js';

const KEEP = 20;
const OPS = {c: 'insert', u: 'update', d: 'delete', r: 'read', t: 'truncate', m: 'message'};

/** The preview panel for connector `name`; its event source closes when the page is left. */
export function livePreview(ctx, name) {
  const select = h('select', {id: 'preview-stream', dataset: {testid: 'preview-stream'}, 'aria-label': 'Stream'});
  const live = h('span', {class: 'live-dot', dataset: {testid: 'preview-status'}}, 'connecting');
  const pauseButton = h('button', {type: 'button', class: 'btn btn-small', dataset: {testid: 'preview-pause'}}, 'Pause');
  const body = h('tbody', {}, emptyRow(4, 'Loading streams…'));
  let source = null;
  let events = [];
  let paused = false;

  const close = () => {
    if (source) source.close();
    source = null;
  };
  ctx.onLeave(close);

  const setLive = (text, kind) => {
    live.textContent = text;
    live.className = `live-dot live-${kind}`;
  };

  const render = () => {
    replace(body, events.length === 0 ? emptyRow(4, 'Waiting for events…') : events.map(eventRow));
  };

  const open = (stream) => {
    close();
    events = [];
    render();
    if (!stream) return;
    // Start 20 events before the end so the preview is filled at once.
    const after = stream.next_offset != null && stream.next_offset > KEEP ? `?after=${stream.next_offset - KEEP - 1}` : '';
    setLive('connecting', 'wait');
    source = new EventSource(`/api/v1/streams/${seg(stream.name)}/tail${after}`, {withCredentials: true});
    source.onopen = () => setLive(paused ? 'paused' : 'live', paused ? 'wait' : 'ok');
    source.onerror = () => setLive(source && source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting', 'bad');
    source.onmessage = (message) => {
      if (paused) return;
      events.unshift(parseEvent(message, stream.name));
      if (events.length > KEEP) events.length = KEEP;
      render();
    };
  };

  pauseButton.addEventListener('click', () => {
    paused = !paused;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
    setLive(paused ? 'paused' : 'live', paused ? 'wait' : 'ok');
  });

  let streams = [];
  let loaded = false;
  const loadStreams = async () => {
    const answer = await get('/streams', {signal: ctx.signal});
    const mine = (answer.streams || []).filter((s) => s.connector === name);
    const changed = !loaded || mine.map((s) => s.name).join() !== streams.map((s) => s.name).join();
    streams = mine;
    if (!changed) return;
    loaded = true;
    const current = select.value;
    replace(select, mine.map((s) => h('option', {value: s.name, selected: s.name === current}, s.name)));
    if (mine.length === 0) {
      close();
      replace(body, emptyRow(4, 'No streams yet; they appear with the first captured events.'));
      setLive('idle', 'wait');
    } else if (!source || select.value !== current) {
      open(mine.find((s) => s.name === select.value));
    }
  };
  select.addEventListener('change', () => open(streams.find((s) => s.name === select.value)));
  ctx.every(10000, loadStreams);

  return [
    h('div', {class: 'panel-head'}, h('h2', {}, 'Live events'), h('div', {class: 'actions'}, h('label', {for: 'preview-stream', class: 'sr-only'}, 'Stream'), select, live, pauseButton)),
    h(
      'table',
      {class: 'table table-compact events', dataset: {testid: 'preview-table'}},
      h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Op'), h('th', {}, 'Offset'), h('th', {}, 'Key / row'))),
      body,
    ),
  ];
}

/** The displayed form of one SSE message carrying an envelope. Pure apart from JSON parsing. */
export function parseEvent(message, stream) {
  let envelope = null;
  try {
    envelope = JSON.parse(message.data);
  } catch {
    envelope = null;
  }
  const op = envelope && envelope.op;
  const row = envelope ? (op === 'd' ? envelope.before : envelope.after) : null;
  const ts = envelope && (envelope.ts_ms || (envelope.source && envelope.source.ts_ms));
  const summary = envelope ? compact(envelope.key !== undefined ? {key: envelope.key, ...(row ? {row} : {})} : row ?? envelope) : message.data;
  return {offset: message.lastEventId, op, stream, at: ts ? new Date(ts).toISOString() : null, summary};
}

function eventRow(e) {
  return h(
    'tr',
    {dataset: {testid: 'preview-event', op: e.op || ''}},
    h('td', {class: 'nowrap'}, e.at ? formatTime(e.at, true) : '—'),
    h('td', {}, h('span', {class: `op op-${e.op || 'x'}`}, OPS[e.op] || e.op || '?')),
    h('td', {class: 'num muted'}, e.offset || ''),
    h('td', {class: 'mono ellipsis', title: e.summary}, e.summary),
  );
}

function compact(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
