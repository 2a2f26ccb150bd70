// Entry point: restores the session, draws the shell (navigation, current key, logout) and shows
// the page of the current hash route.

import {del, get, onUnauthorized} from './api.js';
import {h, replace, toast} from './dom.js';
import {PageContext, currentPath, href, matchRoute, navigate} from './router.js';
import {renderLogin} from './pages/login.js';
import {renderSources} from './pages/sources.js';
import {renderWizard} from './pages/wizard.js';
import {renderDetail} from './pages/detail.js';
import {renderMaintenance} from './pages/maintenance.js';
import {renderAlerts} from './pages/alerts.js';
import {renderSettings} from './pages/settings.js';

const ROUTES = [
  {path: '/', nav: 'sources', title: 'Sources', render: renderSources},
  {path: '/connectors', nav: 'sources', title: 'Sources', render: renderSources},
  {path: '/add-source', nav: 'sources', title: 'Add source', render: renderWizard},
  {path: '/connectors/:name/:tab?', nav: 'sources', title: 'Source', render: renderDetail},
  {path: '/maintenance', nav: 'maintenance', title: 'Maintenance', render: renderMaintenance},
  {path: '/alerts', nav: 'alerts', title: 'Alerts', render: renderAlerts},
  {path: '/settings', nav: 'settings', title: 'Settings', render: renderSettings, admin: true},
];

const NAV = [
  {id: 'sources', path: '/', label: 'Sources', icon: '⇄'},
  {id: 'maintenance', path: '/maintenance', label: 'Maintenance', icon: '◷'},
  {id: 'alerts', path: '/alerts', label: 'Alerts', icon: '⚑'},
  {id: 'settings', path: '/settings', label: 'Settings', icon: '⚙', admin: true},
];

const app = document.getElementById('app');
let session = null; // {key: {id, name, role}} once logged in
let page = null; // the PageContext shown
let returnTo = '/';

onUnauthorized(() => {
  if (!session) return;
  session = null;
  toast('Your session has ended; log in again.', 'error');
  show();
});

window.addEventListener('hashchange', show);
start();

async function start() {
  try {
    session = await get('/session');
  } catch {
    session = null;
  }
  app.removeAttribute('aria-busy');
  show();
}

function show() {
  if (page) page.leave();
  page = null;
  const path = currentPath();
  if (!session) {
    if (path !== '/login') returnTo = path;
    if (path !== '/login') history.replaceState(null, '', href('/login'));
    showLogin();
    return;
  }
  if (path === '/login') {
    navigate(returnTo || '/');
    return;
  }
  const match = matchRoute(ROUTES, path);
  const main = shell(match ? match.route.nav : null);
  if (!match) {
    replace(main, notFound(path));
    return;
  }
  if (match.route.admin && session.key.role !== 'admin') {
    replace(main, h('div', {class: 'alert alert-error'}, 'Only admin keys can open Settings.'));
    return;
  }
  document.title = `${match.route.title} · Tributary`;
  page = new PageContext(main, match.params, session);
  main.scrollTop = 0;
  match.route.render(page);
}

function showLogin() {
  document.body.dataset.role = '';
  document.title = 'Log in · Tributary';
  const root = h('div', {class: 'login-screen'});
  replace(app, root);
  page = new PageContext(root, {}, null);
  renderLogin(page, (newSession) => {
    session = newSession;
    const target = returnTo && returnTo !== '/login' ? returnTo : '/';
    returnTo = '/';
    navigate(target);
  });
}

// Draws (or reuses) the navigation shell and returns the emptied main area.
function shell(activeNav) {
  const role = session.key.role;
  document.body.dataset.role = role;
  let main = document.getElementById('main');
  if (!main || app.dataset.keyId !== session.key.id) {
    main = h('main', {id: 'main', class: 'main', tabindex: '-1'});
    replace(app, sidebar(role), h('div', {class: 'content'}, topbar(), main));
    app.dataset.keyId = session.key.id;
  }
  for (const link of app.querySelectorAll('.nav a')) {
    const current = link.dataset.nav === activeNav;
    link.classList.toggle('active', current);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  return main;
}

function sidebar(role) {
  return h(
    'nav',
    {class: 'sidebar', 'aria-label': 'Main'},
    h('a', {class: 'brand', href: href('/')}, h('img', {src: '/favicon.svg', alt: ''}), 'Tributary'),
    h(
      'ul',
      {class: 'nav'},
      NAV.filter((n) => !n.admin || role === 'admin').map((n) =>
        h(
          'li',
          {},
          h(
            'a',
            {href: href(n.path), dataset: {nav: n.id, testid: `nav-${n.id}`}},
            h('span', {class: 'nav-icon', 'aria-hidden': 'true'}, n.icon),
            n.label,
          ),
        ),
      ),
    ),
  );
}

function topbar() {
  const key = session.key;
  return h(
    'header',
    {class: 'topbar'},
    h('div', {class: 'topbar-spacer'}),
    h(
      'div',
      {class: 'whoami'},
      h('span', {class: 'key-name', dataset: {testid: 'current-key'}}, key.name),
      h('span', {class: `badge role-${key.role}`, dataset: {testid: 'current-role'}}, key.role),
      h('button', {class: 'btn btn-small', id: 'logout-button', dataset: {testid: 'logout-button'}, onclick: logout}, 'Log out'),
    ),
  );
}

async function logout() {
  try {
    await del('/session');
  } catch (e) {
    if (e.status !== 401) toast(e.message, 'error');
  }
  session = null;
  returnTo = '/';
  app.dataset.keyId = '';
  history.replaceState(null, '', href('/login'));
  show();
}

function notFound(path) {
  return h(
    'div',
    {class: 'page'},
    h('h1', {}, 'Page not found'),
    h('p', {}, `Nothing lives at ${path}. `, h('a', {href: href('/')}, 'Back to the sources.')),
  );
}
