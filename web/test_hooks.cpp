// invitekit admin page: ImGui 1.86's test-engine hooks (see imgui_internal.h, "Test Engine
// specific hooks"), implemented to collect each frame's items for globalThis.invitekitTest.
// 1.86 calls four functions: ItemAdd, ItemInfo, Log and FindItemDebugLabel (IdInfo is gone).
#include "test_hooks.h"

#include <emscripten.h>

#include <cstdarg>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "json.h"

// clang-format off
EM_JS(void, invitekit_js_publish_test, (const char* json), {
  globalThis.invitekitTest = JSON.parse(UTF8ToString(json));
});

EM_JS(void, invitekit_js_publish_theme, (const char* json), {
  globalThis.invitekitTheme = JSON.parse(UTF8ToString(json));
});
// clang-format on

namespace invitekit::web::test_hooks {
namespace {

struct item {
  ImGuiID id = 0;
  ImRect rect;
  bool visible = true;
  bool drawn = true;  // false in a frame its window is hidden (sizing itself as it appears)
  std::string window;
  std::string label;
  std::string key;
  int checked = -1;  // -1: not checkable
};

std::vector<item> g_items;
// Tab items report their label before they are added (1.86 TabItemEx): kept until ItemAdd.
std::vector<std::pair<ImGuiID, std::string>> g_early_labels;
int g_frame = 0;

item* find(ImGuiID id) {
  for (auto it = g_items.rbegin(); it != g_items.rend(); ++it)
    if (it->id == id) return &*it;
  return nullptr;
}

void set_label(item& it, std::string_view text) {
  std::size_t hashes = text.find("##");
  it.label = std::string(text.substr(0, hashes));
  if (hashes != std::string_view::npos) {
    std::string_view key = text.substr(hashes + 2);
    if (!key.empty() && key[0] == '#') key.remove_prefix(1);  // "###" ids
    it.key = std::string(key);
  }
  if (it.key.empty()) it.key = it.label;
}

// Where an item is: its window, whether it overlaps the window's clip rectangle (scrolled-out
// items are still added), and whether the window is drawn this frame.
void place(item& it, ImGuiWindow* window) {
  if (!window) return;
  it.window = window->Name;
  it.visible = window->ClipRect.Overlaps(it.rect) && window->Active;
  it.drawn = !window->Hidden;
}

void append_number(std::string& out, float v) {
  char buf[32];
  ImFormatString(buf, sizeof buf, "%.1f", v);
  out += buf;
}

// ,"x":…,"y":…,"w":…,"h":… in CSS pixels.
void append_rect(std::string& out, const ImRect& r) {
  const float values[] = {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
  const char* names[] = {",\"x\":", ",\"y\":", ",\"w\":", ",\"h\":"};
  for (int i = 0; i < 4; ++i) {
    out += names[i];
    append_number(out, values[i]);
  }
}

}  // namespace

void enable() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void label_last_item(const char* label, const char* id) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (item* it = find(g.LastItemData.ID)) {
    // ImGui skips a widget's own label hook while it is scrolled out of view: the key comes from
    // `id`, so the widget has the same key in view or not.
    set_label(*it, id);
    if (it->key == it->label) it->key = label;  // no "##key": known by the label shown
    it->label = label;
  }
}

void text_last_item(const char* text) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!g.TestEngineHookItems || !text || !*text) return;
  item it;
  it.rect = g.LastItemData.Rect;
  it.label = text;
  it.key = "text";
  place(it, g.CurrentWindow);
  g_items.push_back(std::move(it));
}

void publish(const page_state& state) {
  std::string out = "{\"frame\":" + std::to_string(++g_frame) + ",\"items\":[";
  bool first = true;
  for (const item& it : g_items) {
    if (it.label.empty() && it.key.empty()) continue;  // layout items, scrollbars, …
    // Not on screen, so nowhere to click: a tab in the frame it appears (1.86 adds it with an
    // empty rectangle and draws it from the next frame on), or anything in a window that is
    // hidden this frame (a popup measuring itself: where it lands is known from the next).
    if (!it.drawn || it.rect.Min.x >= it.rect.Max.x || it.rect.Min.y >= it.rect.Max.y) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"id\":" + std::to_string(it.id) + ",\"label\":";
    append_json_string(out, it.label);
    out += ",\"key\":";
    append_json_string(out, it.key);
    append_rect(out, it.rect);
    out += ",\"window\":";
    append_json_string(out, it.window);
    out += it.visible ? ",\"visible\":true" : ",\"visible\":false";
    if (it.checked >= 0) out += it.checked ? ",\"checked\":true" : ",\"checked\":false";
    out += '}';
  }
  // Each window's visible content rectangle: the tests check that no control is cut at a
  // window's right edge (vertical cuts are scrolling, which the windows allow).
  out += "],\"windows\":[";
  first = true;
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (!window->Active || window->Hidden) continue;  // drawn in this frame
    if (!first) out += ',';
    first = false;
    out += "{\"name\":";
    append_json_string(out, window->Name);
    append_rect(out, window->InnerClipRect);
    out += '}';
  }
  out += "],\"state\":{\"endpoint\":";
  append_json_string(out, state.endpoint);
  out += state.send_enabled ? ",\"sendEnabled\":true" : ",\"sendEnabled\":false";
  out += state.in_flight ? ",\"inFlight\":true" : ",\"inFlight\":false";
  out += ",\"outcome\":";
  append_json_string(out, state.outcome);
  out += ",\"errorCount\":" + std::to_string(state.error_count);
  out += state.settled ? ",\"settled\":true" : ",\"settled\":false";
  out += ",\"sendId\":" + std::to_string(state.send_id) + "}}";
  invitekit_js_publish_test(out.c_str());
  g_items.clear();
  g_early_labels.clear();
}

void publish_theme(const std::vector<named_color>& page) {
  auto append_color = [](std::string& out, const char* name, const ImVec4& c) {
    append_json_string(out, name);
    out += ":[";
    for (float v : {c.x, c.y, c.z, c.w}) {
      char buf[16];
      ImFormatString(buf, sizeof buf, "%.4f,", v);
      out += buf;
    }
    out.back() = ']';
  };
  const ImGuiStyle& style = ImGui::GetStyle();
  std::string out = "{\"style\":{";
  for (int i = 0; i < ImGuiCol_COUNT; ++i) {
    if (i) out += ',';
    append_color(out, ImGui::GetStyleColorName(i), style.Colors[i]);
  }
  out += "},\"page\":{";
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (i) out += ',';
    append_color(out, page[i].name, page[i].color);
  }
  out += "}}";
  invitekit_js_publish_theme(out.c_str());
}

}  // namespace invitekit::web::test_hooks

using invitekit::web::test_hooks::g_early_labels;
using invitekit::web::test_hooks::g_items;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  invitekit::web::test_hooks::item it;
  it.id = id;
  it.rect = bb;
  invitekit::web::test_hooks::place(it, ctx->CurrentWindow);
  for (auto early = g_early_labels.begin(); early != g_early_labels.end(); ++early) {
    if (early->first == id) {
      invitekit::web::test_hooks::set_label(it, early->second);
      g_early_labels.erase(early);
      break;
    }
  }
  g_items.push_back(std::move(it));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
  if (!label) return;
  invitekit::web::test_hooks::item* it = invitekit::web::test_hooks::find(id);
  if (!it) {
    g_early_labels.emplace_back(id, label);
    return;
  }
  invitekit::web::test_hooks::set_label(*it, label);
  if (flags & ImGuiItemStatusFlags_Checkable)
    it->checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
  invitekit::web::test_hooks::item* it = invitekit::web::test_hooks::find(id);
  return it ? it->label.c_str() : nullptr;
}
