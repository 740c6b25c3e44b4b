// invitekit admin page: the item registry — where every widget and text of the frame just drawn
// is, with its label, collected through Dear ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE) and
// published to the page. The live region (web/a11y.js) reads it to tell screen readers what the
// canvas says; the browser tests (tests/web) read it to click and type at real widgets.
//
// CONTRACT with web/a11y.js and tests/web (keep exactly): after every main loop step,
//   globalThis.invitekitItems = {
//     frame: <int, counts main loop steps that published>,
//     items: [{id, label, key, x, y, w, h, window, visible, checked?}],
//     windows: [{name, x, y, w, h}],   // each drawn window's visible content rectangle
//     state: {endpoint, sendEnabled, inFlight, outcome, errorCount, settled, sendId, drawn}
//   }
// Rectangles are CSS pixels relative to the canvas' top-left. `label` is the visible label
// (the text before "##"; for a field drawn with its label above it, that label); `key` is the
// part after "##" when there is one (stable ids such as "/email"), else the label. `visible`
// is false for items scrolled out of their window. `checked` is set for checkboxes and radio
// buttons. What is not on screen is left out: items with an empty rectangle (ImGui adds a tab so
// in the frame it appears, and draws it from the next) and items of a window hidden this frame
// (a popup measuring itself as it opens). `outcome` is "", "success", "partial", "failure",
// "network" or "cancelled". The registry only reads: it never sets values or presses buttons.
// `settled` is true while the app is idle after this step (nothing pending; it turns false the
// moment the app wakes again): after an input, wait for it before reading positions. `drawn` counts
// the pictures drawn on the canvas (a step whose picture did not change draws none). `sendId`
// changes with each send (0 before the first): a send started and answered between two steps (from
// the accessible form) is never seen `inFlight`, but its new id tells it apart.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace invitekit::web::item_registry {

// Turns the hooks on for the current ImGui context.
void enable();

// Before each ImGui frame: forgets the items of the previous one.
void begin_frame();

// Publishes the text just drawn (ImGui's Text* add no hooked item) with its rectangle, as
// {id: 0, label: text, key: "text"}: messages, outcomes, table cells.
void text_last_item(const char* text);

// Names the last submitted item (an input drawn with a hidden "##key" label and a visible
// label beside it). `id` is the label the widget was submitted with: its "##" part is the key,
// also while the widget is scrolled out of view (ImGui then skips the widget's own hook).
void label_last_item(const char* label, const char* id);

struct page_state {
  std::string endpoint;
  bool send_enabled = false;
  bool in_flight = false;
  std::string outcome;
  int error_count = 0;
  bool settled = false;
  int send_id = 0;
  int drawn = 0;
};

// Publishes the items of the last ImGui frame.
void publish(const page_state& state);

// Marks what was published as no longer settled: the app has work again (it woke from idle) and
// publishes anew once that is done.
void unsettle();

// Publishes the colours the page draws with, once after the style is set up, for the contrast
// test: globalThis.invitekitTheme = {style: {Text: [r, g, b, a], WindowBg: …} (every ImGuiCol by
// ImGui's name), page: {error: [r, g, b, a], …} (the page's own colours, named by `page`)}.
struct named_color {
  const char* name;
  ImVec4 color;
};
void publish_theme(const std::vector<named_color>& page);

}  // namespace invitekit::web::item_registry
