// The REST API client: one fetch wrapper that sends the session cookie and the CSRF header, and
// turns every failure into an ApiError carrying the API's {error: {status, code, message, fields}}.

const BASE = '/api/v1';

/** An API call that failed: the HTTP status (0 when the server could not be reached) and the error. */
export class ApiError extends Error {
  constructor(status, code, message, fields = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = Array.isArray(fields) ? fields : [];
  }
}

let unauthorizedHandler = () => {};

/** Sets what happens when a call answers 401 (the app returns to the login page). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Calls `method path` under /api/v1 with an optional JSON body; resolves to the parsed answer
 * (null for 204) or rejects with an ApiError.
 */
export async function api(method, path, body, {signal} = {}) {
  const headers = {Accept: 'application/json'};
  // The server rejects cookie-authenticated changes without this header (CSRF guard).
  if (method !== 'GET') headers['X-Requested-With'] = 'tributary-ui';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Cannot reach the Tributary server; check that it is running.');
  }
  const data = await readJson(response);
  if (response.ok) return data;
  const error = toError(response, data);
  const isLogin = method === 'POST' && path === '/session';
  if (response.status === 401 && !isLogin) unauthorizedHandler(error);
  throw error;
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body, opts) => api('POST', path, body, opts);
export const put = (path, body, opts) => api('PUT', path, body, opts);
export const del = (path, opts) => api('DELETE', path, undefined, opts);

/** A path segment, encoded. */
export const seg = (value) => encodeURIComponent(value);

/** A query string from the defined entries of `params`, with its leading "?" ("" when empty). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function readJson(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return {raw: text};
  }
}

function toError(response, data) {
  const e = data && data.error;
  if (e && e.message) {
    return new ApiError(response.status, e.code || 'error', e.message, e.fields);
  }
  const reason = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(
    response.status,
    'http',
    `The server answered HTTP ${response.status}${reason} without an explanation; see its log.`,
  );
}
