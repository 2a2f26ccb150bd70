// Hash routing ("#/connectors/shop") and the lifetime of the page shown: each page gets a context
// whose timers, event sources and requests are stopped when the user navigates away.

/**
 * A page's context: where to render, the route parameters, and what to stop on leaving.
 * Pages call `every()` for polling and `onLeave()` for anything else they open.
 */
export class PageContext {
  constructor(root, params, session) {
    this.root = root;
    this.params = params;
    this.session = session;
    this.controller = new AbortController();
    this.cleanups = [];
  }

  /** Aborted when the page is left; pass it to fetches. */
  get signal() {
    return this.controller.signal;
  }

  get active() {
    return !this.controller.signal.aborted;
  }

  /** Runs `fn` now and every `ms` milliseconds, never overlapping, until the page is left. */
  every(ms, fn) {
    let timer = null;
    const tick = async () => {
      if (!this.active) return;
      try {
        await fn();
      } catch (e) {
        if (e.name !== 'AbortError') console.warn(e);
      }
      if (this.active) timer = setTimeout(tick, ms);
    };
    this.onLeave(() => clearTimeout(timer));
    tick();
    return {
      now: () => {
        clearTimeout(timer);
        tick();
      },
    };
  }

  onLeave(fn) {
    this.cleanups.push(fn);
  }

  leave() {
    this.controller.abort();
    for (const fn of this.cleanups.splice(0)) {
      try {
        fn();
      } catch (e) {
        console.warn(e);
      }
    }
  }
}

/**
 * Matches a hash path against route patterns like "/connectors/:name/:tab?". Pure.
 * Returns {route, params} for the first match, or null.
 */
export function matchRoute(routes, path) {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    const params = {};
    let ok = parts.length <= pattern.length;
    for (let i = 0; ok && i < pattern.length; i++) {
      const p = pattern[i];
      const optional = p.endsWith('?');
      if (p.startsWith(':')) {
        if (i >= parts.length) ok = optional;
        else params[p.slice(1).replace(/\?$/, '')] = parts[i];
      } else ok = parts[i] === p;
    }
    if (ok) return {route, params};
  }
  return null;
}

/** The current hash path without the leading "#", "/" when empty. */
export function currentPath() {
  const hash = location.hash.replace(/^#/, '');
  return hash === '' ? '/' : hash;
}

/** Navigates to a hash path ("/connectors/shop"). */
export function navigate(path) {
  if (currentPath() === path) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}

/** A link target for a hash path. */
export const href = (path) => `#${path}`;
