// invitekit admin page: the app's side of the accessible form (web/a11y_form.js) — a DOM mirror
// of the current form that screen readers and keyboards can use, kept in sync both ways.
//
// CONTRACT with web/a11y_form.js:
//   app → page  "invitekit-form" event on window, detail: the form model, dispatched only when it
//     changed:
//       {endpoint, endpoints: [{id, title}], server: {value, errors},
//        credentials: [{name, label, errors}], remember,
//        fields: [{path, label, widget, help, placeholder, optional, visible, value, choices:
//                  [{value, label}], errors: [text], warnings: [text], invalid}],
//        summary, formErrors: [text], sendEnabled, inFlight,
//        repeatOf,      // when Send would repeat the last successful send: when that was sent
//        outcome: null | {sendId, sentAt, endpoint, who, stale, headline, status?, message,
//                         ids?: {invite, user}, rows: [{target, success, message, id}]},
//        history: [{index, time, endpoint, outcome, status, who}],   // newest first
//        sandbox: null | {keys: [{name, label}], ids: [{kind, value}]}}
//     `widget` is the endpoint description's ("text", "number", "radio", "combo", "idList"); an
//     idList's value is its rows joined by "\n". Errors are the core's words; `invalid` is true
//     once the canvas shows them in full (the field was edited or holds a value). `summary` is the
//     line above Send; `formErrors` are the core's errors no field shows (rules across fields).
//   Secrets travel in no event (any listener on window hears those) but by direct calls on
//   globalThis.invitekitAccessibleForm, which the page defines (frozen, not replaceable):
//   app → page  setCredential(name, value), when a secret changed on the canvas (typed, or a
//     sandbox key used). Secrets are never in the model, so never in its logs.
//   page → app  connect(fn): the app registers fn(action, name, value) once, at install; the page
//     calls it with action one of "setField" (name = field path), "chooseEndpoint" (name =
//     endpoint id), "setCredential", "setServer", "setRemember" (value "true" or "false":
//     credentials kept in this tab), "send" (value "again" once the user confirmed a repeat),
//     "useSandboxKey" (name = the sandbox's key name; its value never leaves the app),
//     "useSandboxId" (name = kind, value = id), "openHistory" (value = an entry's index),
//     "copyCurl" (secrets as environment variables). The app applies it at once and wakes its
//     main loop.
#pragma once

#include "app_state.h"

namespace invitekit::web::accessible_form {

// Listens for the page's input (after init_state; `s` lives as long as the page).
void install(app_state& s);

// After each rendered frame: dispatches the model (and changed secrets) when they changed.
void publish(app_state& s);

}  // namespace invitekit::web::accessible_form
