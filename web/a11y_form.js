// invitekit admin page: the accessible form — the canvas form mirrored as native, labelled DOM
// controls that screen readers read and keyboards use. Visually hidden until one of its controls
// has focus; then it shows as a panel over the canvas, so focus is always visible.
//
// Built only from what the app publishes (contract in web/accessible_form.h): the fields, their
// labels, choices and the core's error words come from the endpoint descriptions through the app;
// nothing here knows a field or judges a value. Edits go back to the app as they are typed, and
// the app's changes (typing on the canvas) come here as a new model. Loaded before app.js.
'use strict';

{
  const form = document.createElement('form');
  form.id = 'a11y-form';
  form.className = 'a11y-layer';
  form.noValidate = true;  // the core says what is wrong, under each field
  form.hidden = true;      // until the app publishes its first model
  form.setAttribute('aria-label', 'Invite form');

  const heading = element('h2', { id: 'a11y-form-title' }, 'Invite form');
  const intro = element('p', { className: 'a11y-hint' },
    'The same form as on the canvas, for keyboards and screen readers. Changes here show there.');
  const endpointSelect = element('select', { id: 'a11y-endpoint' });
  const endpointRow = row(element('label', { htmlFor: endpointSelect.id }, 'Endpoint'), endpointSelect);
  const connection = element('fieldset', { className: 'a11y-group' }, element('legend', {}, 'Connection'));
  const fieldsBox = element('div', { className: 'a11y-fields' });
  const summary = element('div', { id: 'a11y-summary', className: 'a11y-summary' });
  // No submit button: a form with a password field that submits looks like a login to the browser,
  // which then offers to save the key as a password. Enter in a field sends instead (below).
  const sendButton = element('button', { type: 'button', id: 'a11y-send', disabled: true }, 'Send invite');
  sendButton.setAttribute('aria-describedby', summary.id);
  const curlButton = element('button', { type: 'button', id: 'a11y-curl', disabled: true }, 'Copy as curl');
  curlButton.setAttribute('aria-describedby', 'a11y-curl-help');
  const curlHelp = element('p', { id: 'a11y-curl-help', className: 'a11y-hint' },
    'The exact request as a curl command; secrets are read from environment variables.');
  // Where focus lands after a send: what happened, said as the response panel says it.
  const outcomeTitle = element('h3', { id: 'a11y-outcome-title' }, 'Outcome');
  const outcomeBox = element('section', { id: 'a11y-outcome', tabIndex: -1, className: 'a11y-group' });
  outcomeBox.setAttribute('aria-labelledby', outcomeTitle.id);
  const outcomeBody = element('div', {});
  outcomeBox.append(outcomeTitle, outcomeBody);
  const historyBox = element('section', { id: 'a11y-history', className: 'a11y-group' });
  historyBox.setAttribute('aria-labelledby', 'a11y-history-title');
  const historyList = element('ul', {});
  historyBox.append(element('h3', { id: 'a11y-history-title' }, 'History'), historyList);
  form.append(heading, intro, endpointRow, connection, fieldsBox, summary, sendButton, curlButton, curlHelp,
    outcomeBox, historyBox);

  const server = textControl('a11y-server', 'Server', 'text');
  const remember = element('input', { type: 'checkbox', id: 'a11y-remember' });
  const rememberRow = row(element('label', { className: 'a11y-choice' }, remember, ' Remember in this tab'),
    element('p', { className: 'a11y-hint' },
      'Keeps the credentials in this tab until it is closed; never in localStorage, history or logs.'));
  // The sandbox's keys (by name: their values stay in the app) and its website and group ids.
  const sandboxKeys = element('div', { className: 'a11y-row' });
  const sandboxIds = element('div', { className: 'a11y-row' });
  connection.append(server.row, rememberRow, sandboxKeys, sandboxIds);  // credentials go before rememberRow

  const credentials = new Map();  // credential name → control (kept across endpoints: values stay)
  const endpointFields = new Map();  // endpoint id → {box, controls: Map(path → control)}
  let current = null;  // the last model
  let sentFromHere = null;  // the outcome's sendId when this form sent: focus moves to the next one

  // ---- building blocks -----------------------------------------------------------------------

  function element(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  function row(...children) {
    return element('div', { className: 'a11y-row' }, ...children);
  }

  function idFor(...parts) {
    return `a11y-${parts.join('-').replace(/[^A-Za-z0-9_-]+/g, '_')}`;
  }

  // The app (web/accessible_form.cpp) and this form call each other directly, never through
  // events: credentials pass both ways, and an event on window is heard by every listener. The
  // object cannot be replaced, and only the first `connect` (the app's, as it starts) counts.
  let toApp = null;
  Object.defineProperty(globalThis, 'invitekitAccessibleForm', {
    value: Object.freeze({
      connect(send) { toApp ??= send; },
      setCredential(name, value) {  // a secret changed on the canvas (typed, or a sandbox key used)
        const made = credentials.get(name);  // the model (published first) made its control
        if (made && made.control.value !== value) made.control.value = value;
      },
    }),
  });

  // Tells the app what the user did.
  function input(action, name = '', value = '') {
    toApp?.(action, String(name), String(value));
  }

  // What a control's aria-describedby names: its errors (the core's words), then its help.
  function notes(id, help) {
    const errors = element('div', { id: `${id}-errors`, className: 'a11y-errors' });
    const helpNode = element('p', { id: `${id}-help`, className: 'a11y-hint' }, help);
    return { errors, helpNode, describe: (control) => control.setAttribute('aria-describedby', `${errors.id} ${helpNode.id}`) };
  }

  function setMessages(box, texts) {
    const joined = texts.join('\n');
    if (box.dataset.text === joined) return;
    box.dataset.text = joined;
    box.replaceChildren(...texts.map((text) => element('p', {}, text)));
  }

  function textControl(id, label, type, { multiline = false, help = '', optional = false } = {}) {
    const control = element(multiline ? 'textarea' : 'input', { id, autocomplete: 'off', spellcheck: false });
    if (!multiline) control.type = type;
    if (multiline) control.rows = 3;
    const labelNode = element('label', { htmlFor: id }, label);
    if (optional) labelNode.append(element('span', { className: 'a11y-optional' }, ' (optional)'));
    const { errors, helpNode, describe } = notes(id, help);
    describe(control);
    return { row: row(labelNode, control, errors, helpNode), control, errors };
  }

  // ---- one field, by the widget the endpoint description gives it ---------------------------

  function radioField(f) {
    const id = idFor(current.endpoint, f.path);
    const { errors, helpNode, describe } = notes(id, f.help);
    // A radiogroup, not a plain group: aria-invalid (set below) is defined for it.
    const group = element('fieldset', { className: 'a11y-group', id }, element('legend', {}, f.label));
    group.setAttribute('role', 'radiogroup');
    describe(group);
    const radios = f.choices.map((choice) => {
      const radio = element('input', { type: 'radio', name: id, value: choice.value, id: `${id}-${choice.value.replace(/[^A-Za-z0-9_-]+/g, '_')}` });
      radio.addEventListener('change', () => { if (radio.checked) input('setField', f.path, choice.value); });
      group.append(element('label', { className: 'a11y-choice' }, radio, ` ${choice.label}`));
      return radio;
    });
    group.append(errors, helpNode);
    return {
      row: group, errors,
      setValue(value) { for (const radio of radios) radio.checked = radio.value === value; },
      setInvalid(invalid) { group.setAttribute('aria-invalid', String(invalid)); },
    };
  }

  function selectField(f) {
    const id = idFor(current.endpoint, f.path);
    const select = element('select', { id });
    const empty = element('option', { value: '' }, 'Choose…');
    select.append(empty, ...f.choices.map((choice) => element('option', { value: choice.value }, choice.label)));
    select.addEventListener('change', () => input('setField', f.path, select.value));
    const { errors, helpNode, describe } = notes(id, f.help);
    describe(select);
    return {
      row: row(element('label', { htmlFor: id }, f.label), select, errors, helpNode), errors, control: select,
      setValue(value) {
        empty.hidden = value !== '';
        if (select.value !== value) select.value = value;
      },
    };
  }

  function typedField(f) {
    const list = f.widget === 'idList';
    const help = list ? `One per line. ${f.help}` : f.help;
    const made = textControl(idFor(current.endpoint, f.path), f.label, 'text', { multiline: list, help, optional: f.optional });
    if (f.widget === 'number') made.control.inputMode = 'numeric';
    if (f.placeholder) made.control.placeholder = `e.g. ${f.placeholder}`;
    made.control.addEventListener('input', () => input('setField', f.path, made.control.value));
    return made;
  }

  function makeField(f) {
    const made = f.widget === 'radio' && f.choices.length ? radioField(f)
      : f.widget === 'combo' && f.choices.length ? selectField(f)
        : typedField(f);
    made.setValue ??= (value) => {
      // The control being typed into already holds what the user typed (and told the app).
      if (document.activeElement !== made.control && made.control.value !== value) made.control.value = value;
    };
    made.setInvalid ??= (invalid) => made.control.setAttribute('aria-invalid', String(invalid));
    if (!f.optional && made.control) made.control.setAttribute('aria-required', 'true');
    return made;
  }

  // ---- the model, applied ------------------------------------------------------------------

  function fieldsOf(model) {
    let entry = endpointFields.get(model.endpoint);
    if (!entry) {
      entry = { box: element('div', { className: 'a11y-endpoint-fields' }), controls: new Map() };
      for (const f of model.fields) {
        const made = makeField(f);
        entry.controls.set(f.path, made);
        entry.box.append(made.row);
      }
      endpointFields.set(model.endpoint, entry);
      fieldsBox.append(entry.box);
    }
    return entry;
  }

  function credentialFor(c) {
    let made = credentials.get(c.name);
    if (!made) {
      // Secrets: a password input, never logged nor stored by the page (the app keeps them).
      made = textControl(idFor('credential', c.name), c.label, 'password');
      // Not a password to the browser's password manager, which skips one-time codes: no offer
      // to save an API key, none to fill one in elsewhere.
      made.control.autocomplete = 'one-time-code';
      made.control.addEventListener('input', () => input('setCredential', c.name, made.control.value));
      credentials.set(c.name, made);
      rememberRow.before(made.row);
    }
    return made;
  }

  function update(model) {
    current = model;
    form.hidden = false;

    if (endpointSelect.options.length !== model.endpoints.length) {
      endpointSelect.replaceChildren(...model.endpoints.map((e) => element('option', { value: e.id }, e.title)));
    }
    if (endpointSelect.value !== model.endpoint) endpointSelect.value = model.endpoint;

    if (document.activeElement !== server.control && server.control.value !== model.server.value) {
      server.control.value = model.server.value;
    }
    setMessages(server.errors, model.server.errors);
    server.control.setAttribute('aria-invalid', String(model.server.errors.length > 0));

    const shownCredentials = new Set(model.credentials.map((c) => c.name));
    for (const c of model.credentials) {
      const made = credentialFor(c);
      setMessages(made.errors, c.errors);
      made.control.setAttribute('aria-invalid', String(c.errors.length > 0 && made.control.value !== ''));
    }
    for (const [name, made] of credentials) made.row.hidden = !shownCredentials.has(name);
    remember.checked = model.remember;

    const entry = fieldsOf(model);
    for (const [id, other] of endpointFields) other.box.hidden = id !== model.endpoint;
    for (const f of model.fields) {
      const made = entry.controls.get(f.path);
      made.row.hidden = !f.visible;
      made.setValue(f.value);
      setMessages(made.errors, [...f.errors, ...f.warnings.map((w) => `Warning: ${w}`)]);
      made.setInvalid(f.invalid);
    }

    setMessages(summary, [model.summary, ...model.formErrors]);
    sendButton.disabled = !model.sendEnabled;
    sendButton.setAttribute('aria-busy', String(model.inFlight));
    curlButton.disabled = !model.sendEnabled;
    showSandbox(model.sandbox);
    showOutcome(model.outcome);
    showHistory(model.history);
    if (sentFromHere !== null && !model.inFlight && model.outcome && model.outcome.sendId !== sentFromHere) {
      sentFromHere = null;
      outcomeBox.focus();
    }
  }

  // Replaces a box's children only when what it shows changed (focus inside it stays put).
  function showOnce(box, key, make) {
    const text = JSON.stringify(key);
    if (box.dataset.shown === text) return;
    box.dataset.shown = text;
    box.replaceChildren(...make());
  }

  function showSandbox(sandbox) {
    showOnce(sandboxKeys, sandbox?.keys ?? [], () => (sandbox?.keys ?? []).map((key) => {
      const button = element('button', { type: 'button' }, key.label);
      button.addEventListener('click', () => input('useSandboxKey', key.name));
      return button;
    }));
    showOnce(sandboxIds, sandbox?.ids ?? [], () => (sandbox?.ids ?? []).map((id) => {
      const button = element('button', { type: 'button' }, `Use ${id.kind} ${id.value}`);
      button.addEventListener('click', () => input('useSandboxId', id.kind, id.value));
      return button;
    }));
  }

  function showOutcome(outcome) {
    showOnce(outcomeBody, outcome, () => {
      if (!outcome) return [element('p', { className: 'a11y-hint' }, 'Nothing sent yet.')];
      const lines = [element('p', {}, `${outcome.headline}${outcome.status ? `, HTTP ${outcome.status}` : ''}.`)];
      if (outcome.message) lines.push(element('p', {}, outcome.message));
      for (const [name, value] of Object.entries(outcome.ids ?? {})) if (value) lines.push(element('p', {}, `${name} ID ${value}`));
      if (outcome.rows.length) {
        lines.push(element('ul', {}, ...outcome.rows.map((row) =>
          element('li', {}, `${row.target}: ${row.success ? 'added' : 'failed'}. ${row.message}${row.id ? ` (${row.id})` : ''}`))));
      }
      lines.push(element('p', { className: 'a11y-hint' },
        `For the invite sent at ${outcome.sentAt}: ${outcome.endpoint}${outcome.who ? `, ${outcome.who}` : ''}.`));
      if (outcome.stale) lines.push(element('p', { className: 'a11y-hint' }, 'The form has changed since: this is the outcome of that earlier invite.'));
      return lines;
    });
  }

  function showHistory(history) {
    showOnce(historyList, history, () => {
      if (!history.length) return [element('li', { className: 'a11y-hint' }, 'Nothing sent yet.')];
      return history.map((entry) => {
        const what = `${entry.time}, ${entry.endpoint}${entry.who ? `, ${entry.who}` : ''}: ${entry.outcome}${entry.status ? ` (HTTP ${entry.status})` : ''}`;
        const open = element('button', { type: 'button' }, 'Open as the draft');
        open.setAttribute('aria-label', `Open the invite of ${what} as the draft`);
        open.addEventListener('click', () => input('openHistory', '', String(entry.index)));
        return element('li', {}, `${what} `, open);
      });
    });
  }

  // ---- wiring ------------------------------------------------------------------------------

  endpointSelect.addEventListener('change', () => input('chooseEndpoint', endpointSelect.value));
  server.control.addEventListener('input', () => input('setServer', '', server.control.value));
  remember.addEventListener('change', () => input('setRemember', '', String(remember.checked)));
  // The app sends when it can. The same invite as the one just sent goes again only when asked.
  const send = () => {
    if (sendButton.disabled) return;
    let again = '';
    if (current.repeatOf) {
      if (!window.confirm(`You sent this exact invite at ${current.repeatOf}. Send it again?`)) return;
      again = 'again';
    }
    sentFromHere = current.outcome?.sendId ?? 0;
    input('send', '', again);
  };
  sendButton.addEventListener('click', send);
  curlButton.addEventListener('click', () => input('copyCurl'));
  // Enter in a field sends, as a form's would. On window, capturing, and registered before the
  // page shell's key guard (app.js), which keeps keys aimed at the page from reaching the canvas
  // app and so from reaching this form's own listeners too.
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing || event.target.tagName !== 'INPUT' || !form.contains(event.target)) return;
    event.preventDefault();
    send();
  }, true);

  window.addEventListener('invitekit-form', (event) => update(event.detail));

  document.getElementById('canvas').after(form);
}
