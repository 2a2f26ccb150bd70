// Configuration tab: the current document (secrets as ********) in a JSON editor, saved as a new
// version with a comment.

import {put} from '../api.js';
import {errorBanner, h, replace, toast} from '../dom.js';
import {prettyJson} from '../diff.js';
import {canOperate, VIEWER_HINT} from '../roles.js';

export function renderConfigTab({root, base, session, signal, connector, reload}) {
  const operate = canOperate(session);
  const current = connector();
  const editor = h('textarea', {
    id: 'config-editor',
    class: 'code-editor',
    dataset: {testid: 'config-editor'},
    spellcheck: 'false',
    rows: 22,
    readonly: !operate,
    'aria-label': 'Connector document (JSON)',
  });
  editor.value = prettyJson(current.config);
  const comment = h('input', {type: 'text', id: 'config-comment', dataset: {testid: 'config-comment'}, placeholder: 'What changed and why', maxlength: 500});
  const save = h('button', {type: 'submit', class: 'btn btn-primary', id: 'config-save', dataset: {testid: 'config-save'}}, 'Save new version');
  const reset = h('button', {type: 'button', class: 'btn', onclick: () => ((editor.value = prettyJson(connector().config)), replace(message))}, 'Discard changes');
  const message = h('div');

  const onSave = async (event) => {
    event.preventDefault();
    let doc;
    try {
      doc = JSON.parse(editor.value);
    } catch (e) {
      replace(message, errorBanner({message: `The document is not valid JSON: ${e.message}. Fix it and save again.`}));
      return;
    }
    if (doc == null || typeof doc !== 'object' || Array.isArray(doc)) {
      replace(message, errorBanner({message: 'The document must be a JSON object with name, source and destination.'}));
      return;
    }
    const body = {...doc};
    if (comment.value.trim()) body.comment = comment.value.trim();
    save.disabled = true;
    replace(message);
    try {
      const saved = await put(`${base}/config`, body, {signal});
      toast(`Saved version ${saved.version}${saved.status && saved.status.state !== 'PAUSED' ? '; the connector restarts with it' : ''}.`);
      comment.value = '';
      await reload();
      editor.value = prettyJson(connector().config);
    } catch (e) {
      if (e.name !== 'AbortError') replace(message, errorBanner(e));
    } finally {
      save.disabled = false;
    }
  };

  replace(
    root,
    h(
      'form',
      {class: 'form', id: 'config-form', onsubmit: onSave},
      h('p', {class: 'muted'}, `Version ${current.version}. Secrets show as ********; leave them so to keep the stored values.`),
      editor,
      operate
        ? [
            h('div', {class: 'form-row'}, h('label', {for: 'config-comment'}, 'Comment'), comment),
            message,
            h('div', {class: 'form-actions'}, reset, save),
          ]
        : h('p', {class: 'muted'}, VIEWER_HINT),
    ),
  );
}
