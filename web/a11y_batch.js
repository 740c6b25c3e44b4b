// invitekit admin page: the accessible batch — the tab "Invite many people" as native, labelled DOM
// controls for keyboards and screen readers: a table pasted (or typed) or a .csv file opened, the
// rows to fix in words, Send / Pause / Resume / Cancel / Retry failed / Download, and the progress
// with a live summary. Visually hidden until one of its controls has focus, like the accessible
// form it follows (same look, web/app.css).
//
// Built only from what the app publishes (contract in web/accessible_batch.h): the counts, the
// core's words for each bad row and the canvas' own progress sentences. Loaded after
// a11y_form.js and before app.js.
'use strict';

{
  const LIVE_EVERY_MS = 5000;  // the progress is read out at most this often while it runs

  function element(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  const section = element('section', { id: 'a11y-batch', className: 'a11y-layer', hidden: true });
  section.setAttribute('aria-labelledby', 'a11y-batch-title');
  const heading = element('h2', { id: 'a11y-batch-title' }, 'Invite many people');
  const intro = element('p', { className: 'a11y-hint' },
    'One invite per row of a table, sent with the server and credentials of the Invite form\u2019s Connection section.');

  const endpointSelect = element('select', { id: 'a11y-batch-endpoint' });
  const endpointRow = element('div', { className: 'a11y-row' },
    element('label', { htmlFor: endpointSelect.id }, 'Invite with'), endpointSelect);

  const text = element('textarea', { id: 'a11y-batch-text', rows: 4, spellcheck: false, autocomplete: 'off' });
  text.setAttribute('aria-describedby', 'a11y-batch-text-help');
  const readButton = element('button', { type: 'button', id: 'a11y-batch-read' }, 'Read the table');
  const textRow = element('div', { className: 'a11y-row' },
    element('label', { htmlFor: text.id }, 'Table of people'), text,
    element('p', { id: 'a11y-batch-text-help', className: 'a11y-hint' },
      'Paste from a spreadsheet, or type CSV: the first line names the columns (Email, First name, \u2026), each other line is one person.'),
    readButton);
  const file = element('input', { type: 'file', id: 'a11y-batch-file', accept: '.csv,.tsv,.txt,text/csv,text/plain' });
  const fileRow = element('div', { className: 'a11y-row' }, element('label', { htmlFor: file.id }, 'Or open a .csv file'), file);

  // When a new table would replace rows that have outcomes.
  const replaceBox = element('div', { className: 'a11y-group', hidden: true, id: 'a11y-batch-replace' });
  replaceBox.setAttribute('role', 'group');
  replaceBox.setAttribute('aria-label', 'Replace this batch?');
  const replaceText = element('p', {});
  const replaceYes = element('button', { type: 'button' }, 'Replace the batch');
  const replaceNo = element('button', { type: 'button' }, 'Keep this batch');
  replaceBox.append(replaceText, replaceYes, replaceNo);

  const summary = element('div', { id: 'a11y-batch-summary', className: 'a11y-summary' });
  const problemsBox = element('section', { className: 'a11y-group', hidden: true });
  problemsBox.setAttribute('aria-labelledby', 'a11y-batch-problems-title');
  const problemsTitle = element('h3', { id: 'a11y-batch-problems-title' }, 'Rows to look at');
  const problemsList = element('ul', {});
  problemsBox.append(problemsTitle, problemsList);

  const concurrency = element('input', { type: 'number', id: 'a11y-batch-concurrency', min: 1, max: 16, step: 1 });
  const concurrencyRow = element('div', { className: 'a11y-row' },
    element('label', { htmlFor: concurrency.id }, 'Sends at once'), concurrency);

  const buttons = element('div', { className: 'a11y-row' });
  const sendButton = element('button', { type: 'button', id: 'a11y-batch-send', disabled: true }, 'Send');
  const pauseButton = element('button', { type: 'button', id: 'a11y-batch-pause', hidden: true }, 'Pause');
  const cancelButton = element('button', { type: 'button', id: 'a11y-batch-cancel', hidden: true }, 'Cancel');
  const retryButton = element('button', { type: 'button', id: 'a11y-batch-retry', disabled: true }, 'Retry failed');
  const unknownButton = element('button', { type: 'button', id: 'a11y-batch-unknown', hidden: true }, 'Send unknown rows too');
  unknownButton.setAttribute('aria-describedby', 'a11y-batch-unknown-help');
  const unknownHelp = element('p', { id: 'a11y-batch-unknown-help', className: 'a11y-hint', hidden: true },
    'Unknown rows were being sent when the page went away: they may have arrived, and an email invite sent twice sends two emails.');
  const downloadButton = element('button', { type: 'button', id: 'a11y-batch-download', disabled: true }, 'Download results');
  buttons.append(sendButton, pauseButton, cancelButton, retryButton, unknownButton, downloadButton);

  const progress = element('progress', { id: 'a11y-batch-bar', max: 1, value: 0 });
  progress.setAttribute('aria-label', 'Rows sent');
  const progressText = element('p', { id: 'a11y-batch-progress' });
  const statusText = element('div', { id: 'a11y-batch-status', className: 'a11y-errors' });
  // What a screen reader hears without moving there: the summary, at most every few seconds while
  // the batch runs, at once when it waits, stops or ends.
  const live = element('p', { id: 'a11y-batch-live', className: 'visually-hidden' });
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');

  section.append(heading, intro, endpointRow, textRow, fileRow, replaceBox, summary, problemsBox, concurrencyRow,
    buttons, unknownHelp, progress, progressText, statusText, live);

  // ---- the app's side --------------------------------------------------------------------------

  let toApp = null;
  Object.defineProperty(globalThis, 'invitekitAccessibleBatch', {
    value: Object.freeze({ connect(send) { toApp ??= send; } }),
  });
  function input(action, name = '', value = '') {
    toApp?.(action, String(name), String(value));
  }

  function setLines(box, lines) {
    const joined = lines.join('\n');
    if (box.dataset.text === joined) return;
    box.dataset.text = joined;
    box.replaceChildren(...lines.map((line) => element('p', {}, line)));
  }

  let lastLive = '';
  let lastLiveAt = 0;
  let liveTimer = 0;
  function say(textToSay, now) {
    clearTimeout(liveTimer);
    if (textToSay === lastLive) return;
    const wait = now ? 0 : Math.max(0, lastLiveAt + LIVE_EVERY_MS - Date.now());
    liveTimer = setTimeout(() => {
      lastLive = textToSay;
      lastLiveAt = Date.now();
      live.textContent = textToSay;
    }, wait);
  }

  let lastStatus = '';
  function update(model) {
    section.hidden = false;
    if (endpointSelect.options.length !== model.endpoints.length) {
      endpointSelect.replaceChildren(...model.endpoints.map((e) => element('option', { value: e.id }, e.title)));
    }
    if (endpointSelect.value !== model.endpoint) endpointSelect.value = model.endpoint;
    endpointSelect.disabled = model.locked;

    replaceBox.hidden = !model.pending;
    if (model.pending) {
      replaceText.textContent = `Rows of this batch were sent. Reading ${model.pending.source} replaces the batch; download the results first to keep them.`;
    }

    const head = model.rows || model.tableErrors.length
      ? `${model.rows} rows${model.source ? ` from ${model.source}` : ''}: ${model.toSend} to send, ${model.invalid} to fix, ${model.excluded} left out.`
      : 'No table yet.';
    setLines(summary, [head, ...model.tableErrors, ...model.notes.map((n) => `Note: ${n}`)]);

    problemsBox.hidden = model.problemCount === 0;
    problemsTitle.textContent = `Rows to look at (${model.problemCount})`;
    const items = model.problems.map((p) => `Row ${p.line}: ${p.text}`);
    if (model.problemCount > model.problems.length) items.push(`\u2026 and ${model.problemCount - model.problems.length} more (see the table on the canvas).`);
    if (problemsList.dataset.text !== items.join('\n')) {
      problemsList.dataset.text = items.join('\n');
      problemsList.replaceChildren(...items.map((line) => element('li', {}, line)));
    }

    if (document.activeElement !== concurrency) concurrency.value = String(model.concurrency);
    sendButton.textContent = model.sendLabel;
    sendButton.disabled = !model.canSend;
    sendButton.hidden = model.running;
    pauseButton.hidden = !model.running;
    cancelButton.hidden = !model.running;
    retryButton.textContent = `Retry ${model.failed} failed`;
    retryButton.disabled = !model.canRetryFailed;
    unknownButton.hidden = unknownHelp.hidden = model.unknown === 0;
    unknownButton.textContent = `Send ${model.unknown} unknown rows too`;
    downloadButton.disabled = !model.canDownload;

    const match = /^Sent (\d+) of (\d+)/.exec(model.progress);
    progress.max = match ? Math.max(1, Number(match[2])) : 1;
    progress.value = match ? Number(match[1]) : 0;
    progressText.textContent = [model.progress, model.timeLeft].filter(Boolean).join('. ');
    setLines(statusText, [model.status, ...model.connection, model.resumedNote, model.storageProblem].filter(Boolean));

    // The summary is read out: at once when the batch's status changes (it waits, stops, ends).
    const changed = model.status !== lastStatus;
    lastStatus = model.status;
    if (model.progress) say([model.progress, model.status].filter(Boolean).join('. '), changed || !model.running);
  }

  // ---- wiring ----------------------------------------------------------------------------------

  endpointSelect.addEventListener('change', () => input('chooseEndpoint', endpointSelect.value));
  readButton.addEventListener('click', () => input('loadTable', 'the text typed here', text.value));
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    if (!chosen) return;
    chosen.text().then((content) => input('loadTable', chosen.name, content));
    file.value = '';
  });
  replaceYes.addEventListener('click', () => input('replaceTable', '', 'yes'));
  replaceNo.addEventListener('click', () => input('replaceTable', '', 'no'));
  concurrency.addEventListener('change', () => input('setConcurrency', '', concurrency.value));
  sendButton.addEventListener('click', () => input('send'));
  pauseButton.addEventListener('click', () => input('pause'));
  cancelButton.addEventListener('click', () => input('cancel'));
  retryButton.addEventListener('click', () => input('retryFailed'));
  unknownButton.addEventListener('click', () => input('sendUnknown'));
  downloadButton.addEventListener('click', () => input('download'));

  window.addEventListener('invitekit-batch', (event) => update(event.detail));

  (document.getElementById('a11y-form') ?? document.getElementById('canvas')).after(section);
}
