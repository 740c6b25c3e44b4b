// invitekit admin page: the item registry behind item_registry.h — Dear ImGui's item hooks
// (imgui_internal.h, "Test Engine specific hooks": ItemAdd, ItemInfo, Log, FindItemDebugLabel)
// implemented to collect each frame's items for globalThis.invitekitItems.
#include "item_registry.h"

#include <emscripten.h>

#include <cmath>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "page_json.h"

// clang-format off
EM_JS(void, invitekit_js_publish, (const char* name, const char* json), {
  globalThis[UTF8ToString(name)] = JSON.parse(UTF8ToString(json));
});

EM_JS(void, invitekit_js_unsettle, (), {
  var published = globalThis.invitekitItems;
  if (published && published.state) published.state.settled = false;
});
// clang-format on

namespace invitekit::web::item_registry {
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
// Tab items report their label before they are added (TabItemEx): kept until ItemAdd.
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

// {x, y, w, h} in CSS pixels, to a tenth.
void put_rect(json& out, const ImRect& r) {
  auto tenth = [](float v) { return std::round(v * 10.0) / 10.0; };
  out["x"] = tenth(r.Min.x);
  out["y"] = tenth(r.Min.y);
  out["w"] = tenth(r.GetWidth());
  out["h"] = tenth(r.GetHeight());
}

void publish_global(const char* name, const json& value) {
  invitekit_js_publish(name, json_text(value).c_str());
}

}  // namespace

void enable() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void begin_frame() {
  g_items.clear();
  g_early_labels.clear();
}

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
  json items = json::array();
  for (const item& it : g_items) {
    if (it.label.empty() && it.key.empty()) continue;  // layout items, scrollbars, …
    // Not on screen, so nowhere to click: a tab in the frame it appears (ImGui adds it with an
    // empty rectangle and draws it from the next frame on), or anything in a window that is
    // hidden this frame (a popup measuring itself: where it lands is known from the next).
    if (!it.drawn || it.rect.Min.x >= it.rect.Max.x || it.rect.Min.y >= it.rect.Max.y) continue;
    json out = {{"id", it.id}, {"label", it.label}, {"key", it.key}};
    put_rect(out, it.rect);
    out["window"] = it.window;
    out["visible"] = it.visible;
    if (it.checked >= 0) out["checked"] = it.checked == 1;
    items.push_back(std::move(out));
  }
  // Each window's visible content rectangle: the tests check that no control is cut at a
  // window's right edge (vertical cuts are scrolling, which the windows allow).
  json windows = json::array();
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (!window->Active || window->Hidden) continue;  // drawn in this frame
    json out = {{"name", window->Name}};
    put_rect(out, window->InnerClipRect);
    windows.push_back(std::move(out));
  }
  const json published = {{"frame", ++g_frame},
                          {"items", std::move(items)},
                          {"windows", std::move(windows)},
                          {"state",
                           {{"endpoint", state.endpoint},
                            {"sendEnabled", state.send_enabled},
                            {"inFlight", state.in_flight},
                            {"outcome", state.outcome},
                            {"errorCount", state.error_count},
                            {"settled", state.settled},
                            {"sendId", state.send_id},
                            {"drawn", state.drawn}}}};
  publish_global("invitekitItems", published);
}

void unsettle() { invitekit_js_unsettle(); }

void publish_theme(const std::vector<named_color>& page) {
  auto color = [](const ImVec4& c) {
    auto fourth = [](float v) { return std::round(v * 10000.0) / 10000.0; };
    return json::array({fourth(c.x), fourth(c.y), fourth(c.z), fourth(c.w)});
  };
  const ImGuiStyle& style = ImGui::GetStyle();
  json theme = {{"style", json::object()}, {"page", json::object()}};
  for (int i = 0; i < ImGuiCol_COUNT; ++i)
    theme["style"][ImGui::GetStyleColorName(i)] = color(style.Colors[i]);
  for (const named_color& c : page) theme["page"][c.name] = color(c.color);
  publish_global("invitekitTheme", theme);
}

}  // namespace invitekit::web::item_registry

using invitekit::web::item_registry::g_early_labels;
using invitekit::web::item_registry::g_items;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData*) {
  if (ImGui::FindWindowByID(id)) return;  // a window (Begin registers each): not a widget
  invitekit::web::item_registry::item it;
  it.id = id;
  it.rect = bb;
  invitekit::web::item_registry::place(it, ctx->CurrentWindow);
  for (auto early = g_early_labels.begin(); early != g_early_labels.end(); ++early) {
    if (early->first == id) {
      invitekit::web::item_registry::set_label(it, early->second);
      g_early_labels.erase(early);
      break;
    }
  }
  g_items.push_back(std::move(it));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
  if (!label || ImGui::FindWindowByID(id)) return;
  invitekit::web::item_registry::item* it = invitekit::web::item_registry::find(id);
  if (!it) {
    g_early_labels.emplace_back(id, label);
    return;
  }
  invitekit::web::item_registry::set_label(*it, label);
  if (flags & ImGuiItemStatusFlags_Checkable)
    it->checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
  invitekit::web::item_registry::item* it = invitekit::web::item_registry::find(id);
  return it ? it->label.c_str() : nullptr;
}
