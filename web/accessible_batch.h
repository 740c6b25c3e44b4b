// invitekit admin page: the app's side of the accessible batch (web/a11y_batch.js) — the tab
// "Invite many people" for keyboards and screen readers: a table pasted or opened, the rows that
// need fixing in words, Send / Pause / Resume / Cancel / Retry failed / Download, and the progress.
//
// CONTRACT with web/a11y_batch.js:
//   app → page  "invitekit-batch" event on window, dispatched only when the model changed:
//       {shown, endpoint, endpoints: [{id, title}], locked,   // locked: rows were sent, the endpoint stays
//        source, rows, toSend, invalid, excluded, tableErrors: [text], notes: [text],
//        problems: [{line, text}], problemCount,              // at most 100 listed
//        progress, status, timeLeft, connection: [text], resumedNote, storageProblem,
//        running, sendLabel, canSend, canRetryFailed, failed, unknown, canDownload,
//        pending: null | {source}, concurrency}
//     progress/status/timeLeft/resumedNote are the canvas' own sentences (batch_send_panel.cpp).
//   page → app  through globalThis.invitekitAccessibleBatch.connect(fn) (defined by the page,
//     frozen; only the app's first connect counts): fn(action, name, value) with action one of
//     "loadTable" (name = where it came from, value = the text), "replaceTable" (value "yes"/"no":
//     the answer when a new table would replace outcomes), "chooseEndpoint" (name = id), "send",
//     "pause", "cancel", "retryFailed", "sendUnknown", "download", "setConcurrency" (value). The app applies it at once and wakes its main loop.
#pragma once

#include "app_state.h"

namespace invitekit::web::accessible_batch {

void install(app_state& s);  // after init_batch
void publish(app_state& s);  // after each rendered frame

}  // namespace invitekit::web::accessible_batch
