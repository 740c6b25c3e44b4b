// invitekit admin page: where every widget is, published for the browser tests (and the
// accessibility mirror of issue 6) through ImGui's IMGUI_ENABLE_TEST_ENGINE item hooks.
//
// CONTRACT with tests/web (keep exactly): after every rendered frame,
//   globalThis.invitekitTest = {
//     frame: <int, counts rendered frames>,
//     items: [{id, label, key, x, y, w, h, window, visible, checked?}],
//     windows: [{name, x, y, w, h}],   // each drawn window's visible content rectangle
//     state: {endpoint, sendEnabled, inFlight, outcome, errorCount, settled}
//   }
// Rectangles are CSS pixels relative to the canvas' top-left. `label` is the visible label
// (the text before "##"; for a field drawn with its label above it, that label); `key` is the
// part after "##" when there is one (stable ids such as "/email"), else the label. `visible`
// is false for items scrolled out of their window. `checked` is set for checkboxes and radio
// buttons. `outcome` is "", "success", "partial", "failure", "network" or "cancelled". The hook
// only reads: it never sets values or presses buttons. `settled` is true on the last frame before
// the app goes idle (nothing pending): after an input, wait for it (or for `frame` to advance by a
// few) before reading positions — a frame under SwiftShader takes tens of milliseconds.
#pragma once

#include <string>

namespace invitekit::web::test_hooks {

// Turns the hooks on for the current ImGui context.
void enable();

// Publishes the text just drawn (ImGui's Text* add no hooked item) with its rectangle, as
// {id: 0, label: text, key: "text"}: messages, outcomes, table cells the tests read.
void text_last_item(const char* text);

// Names the last submitted item (an input drawn with a hidden "##key" label and a visible
// label above it).
void label_last_item(const char* label);

struct page_state {
  std::string endpoint;
  bool send_enabled = false;
  bool in_flight = false;
  std::string outcome;
  int error_count = 0;
  bool settled = false;
};

// Publishes the items of the frame just rendered and starts collecting the next one.
void publish(const page_state& state);

}  // namespace invitekit::web::test_hooks
