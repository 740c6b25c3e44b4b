// invitekit admin page: what the canvas says, told to screen readers. A polite live region
// (#announcer) announces each send as it starts and its outcome as the response panel shows it,
// and the validation summary above Send once the user pauses.
//
// Fed by the app's per-frame publication (globalThis.invitekitTest, contract in
// web/test_hooks.h): an accessor on globalThis sees each frame as it is published, so an idle
// page costs nothing. Loaded before app.js, so the accessor is in place before the app starts.
'use strict';

{
  const announcer = document.getElementById('announcer');
  const SUMMARY_PAUSE_MS = 1500;  // announce the summary once typing pauses, not per keystroke

  let published;
  let wasInFlight = false;
  let lastSummary = null;
  let summaryTimer = 0;

  // The text items of the panel whose window name contains `panel` ("##response", …), in
  // drawing order, without the symbols that only make sense on screen.
  function textOf(items, panel) {
    return items
      .filter((item) => item.key === 'text' && item.visible !== false && item.window.includes(panel))
      .map((item) => item.label.replace(/[\u2713\u2717\u2022]/g, '').trim())
      .filter((text) => text.length > 0)
      .join(' ');
  }

  function announce(text) {
    // Emptied first, so the same words twice in a row (two identical sends) are read twice.
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function update(frame) {
    const { items = [], state = {} } = frame ?? {};
    if (state.inFlight && !wasInFlight) {
      clearTimeout(summaryTimer);  // the outcome is what matters now, not the summary before it
      announce('Sending the invite…');
    }
    if (!state.inFlight && wasInFlight) announce(textOf(items, '##response'));
    wasInFlight = Boolean(state.inFlight);

    const summary = textOf(items, '##send-bar');
    if (summary !== lastSummary) {
      const first = lastSummary === null;
      lastSummary = summary;
      clearTimeout(summaryTimer);
      if (!first && !state.inFlight) summaryTimer = setTimeout(() => announce(summary), SUMMARY_PAUSE_MS);
    }
  }

  Object.defineProperty(globalThis, 'invitekitTest', {
    configurable: true,
    enumerable: true,
    get: () => published,
    set(frame) {
      published = frame;
      update(frame);
    },
  });
}
