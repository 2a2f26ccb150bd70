// Login page: exchanges an API key for the session cookie.

import {post} from '../api.js';
import {h, replace} from '../dom.js';

/** Renders the login form; calls `onLogin(session)` once the key is accepted. */
export function renderLogin(ctx, onLogin) {
  const input = h('input', {
    id: 'login-key',
    name: 'api_key',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    placeholder: 'trb_…',
    dataset: {testid: 'login-key'},
  });
  const error = h('div', {class: 'form-error', role: 'alert', dataset: {testid: 'login-error'}});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary btn-block', id: 'login-submit', dataset: {testid: 'login-submit'}}, 'Log in');

  const onSubmit = async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      replace(error, 'Enter an API key.');
      input.focus();
      return;
    }
    submit.disabled = true;
    replace(error);
    try {
      const session = await post('/session', {api_key: key});
      onLogin(session);
    } catch (e) {
      replace(error, e.status === 401 ? 'This API key is not valid; check it or ask an admin for a new one.' : e.message);
      input.select();
    } finally {
      submit.disabled = false;
    }
  };

  replace(
    ctx.root,
    h(
      'form',
      {class: 'login-card', id: 'login-form', onsubmit: onSubmit, novalidate: true},
      h('div', {class: 'login-brand'}, h('img', {src: '/favicon.svg', alt: ''}), h('span', {}, 'Tributary')),
      h('h1', {}, 'Log in'),
      h('p', {class: 'muted'}, 'Use an API key of this server; admins create keys under Settings.'),
      h('div', {class: 'form-row'}, h('label', {for: 'login-key'}, 'API key'), input),
      error,
      submit,
    ),
  );
  input.focus();
}
