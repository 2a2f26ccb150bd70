// Running a request for a button or a form: how it ends (a toast, then a refresh) and where a
// refusal is shown. An aborted request (the page was left) ends silently.

import {errorBanner, replace, toast} from './dom.js';

const message = (done, result) => (typeof done === 'function' ? done(result) : done);

/**
 * Runs `request()`, then toasts `done` (a text, or a function of the request's result) and awaits
 * `then()`; a failure becomes an error toast.
 */
export async function act(request, done, then = () => {}) {
  try {
    const result = await request();
    toast(message(done, result));
    await then();
  } catch (e) {
    if (e.name !== 'AbortError') toast(e.message, 'error');
  }
}

/**
 * A form's submission: runs `request()` with `button` disabled and `banner` cleared, then toasts
 * `done` and awaits `then()`; a refusal is shown in `banner`, next to the form.
 */
export async function submitting(button, banner, request, done, then = () => {}) {
  button.disabled = true;
  replace(banner);
  try {
    const result = await request();
    toast(message(done, result));
    await then();
  } catch (e) {
    if (e.name !== 'AbortError') replace(banner, errorBanner(e));
  } finally {
    button.disabled = false;
  }
}
