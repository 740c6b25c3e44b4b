// invitekit admin page: what the canvas says, told to screen readers. A polite live region
// (#announcer) announces each send as it starts and its outcome as the response panel shows it,
// and the validation summary above Send once the user pauses.
//
// Fed by the app's per-frame publication (globalThis.invitekitItems, contract in
// web/item_registry.h): an accessor on globalThis sees each frame as it is published, so an idle
// page costs nothing. Loaded before app.js, so the accessor is in place before the app starts.
'use strict';

{
  const announcer = document.getElementById('announcer');
  const SUMMARY_PAUSE_MS = 1500;  // announce the summary once typing pauses, not per keystroke

  let published;
  let wasInFlight = false;
  let announcedSend = 0;  // state.sendId of the last outcome announced
  let lastSend = 0;       // state.sendId of the last frame
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
    const newSend = (state.sendId ?? 0) !== lastSend;
    lastSend = state.sendId ?? 0;
    if (newSend || (state.inFlight && !wasInFlight)) {
      clearTimeout(summaryTimer);  // the outcome is what matters now, not the summary before it
      if (state.inFlight) announce('Sending the invite…');
    }
    // Each send's outcome once: a send from the accessible form may start and end between two
    // frames, so it is told by its id, not only by the end of `inFlight`.
    const finished = !state.inFlight && state.outcome !== '' && state.sendId !== announcedSend;
    const ended = finished || (!state.inFlight && wasInFlight);
    if (ended) {
      announcedSend = state.sendId;
      announce(textOf(items, '##response'));
    }
    wasInFlight = Boolean(state.inFlight);

    const summary = textOf(items, '##send-bar');
    if (summary !== lastSummary) {
      const first = lastSummary === null;
      lastSummary = summary;
      clearTimeout(summaryTimer);
      // The send bar changes as a send starts and ends too ("Sending… 2 s"): that is no news.
      if (!first && !state.inFlight && !newSend && !ended) summaryTimer = setTimeout(() => announce(summary), SUMMARY_PAUSE_MS);
    }
  }

  Object.defineProperty(globalThis, 'invitekitItems', {
    configurable: true,
    enumerable: true,
    get: () => published,
    set(frame) {
      published = frame;
      update(frame);
    },
  });
}
