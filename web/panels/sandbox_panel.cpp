// invitekit admin page: the sandbox panel, shown when the server is this page's own (serve.py's
// sandbox): its seeded keys and ids with one click to use them, and what the sandbox now holds
// (users, memberships, pending invites, outbox) from GET /sandbox/state.
#include <string>
#include <vector>

#include "item_registry.h"
#include "page_json.h"
#include "panels/panels.h"
#include "sandbox_offers.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

void draw_ids(app_state& s) {
  std::string kind_shown;
  int i = 0;
  for (const sandbox_id& id : sandbox_ids(s)) {
    if (id.kind != kind_shown) {
      ImGui::TextDisabled("%ss", id.kind.c_str());
      kind_shown = id.kind;
    }
    ImGui::PushID(i);
    std::string use = "Use##sandbox/" + id.kind + "/" + std::to_string(i++);
    if (SmallButtonEnabled(use.c_str(), true)) use_sandbox_id(s, id.kind, id.value);
    item_registry::label_last_item(("Use " + id.kind + " " + id.value).c_str(), use.c_str());
    ImGui::SameLine();
    ShowTextMono(id.value.c_str());
    ImGui::PopID();
  }
}

void draw_table(const char* name, const json& rows) {
  std::vector<std::string> columns;
  for (const json& row : rows) {
    if (!row.is_object()) continue;
    for (const auto& [key, value] : row.items()) {
      bool seen = false;
      for (const auto& c : columns) seen = seen || c == key;
      if (!seen && columns.size() < 6) columns.push_back(key);
    }
  }
  if (columns.empty()) return;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable(name, static_cast<int>(columns.size()), flags)) {
    for (const auto& c : columns) ImGui::TableSetupColumn(c.c_str());
    ImGui::TableHeadersRow();
    for (const json& row : rows) {
      ImGui::TableNextRow();
      for (const auto& c : columns) {
        ImGui::TableNextColumn();
        std::string text = text_of(member(row, c));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
      }
    }
    ImGui::EndTable();
  }
}

void draw_state(app_state& s) {
  ImGui::TextDisabled("What the sandbox holds");
  ImGui::SameLine();
  if (SmallButtonEnabled("Refresh##sandbox/refresh", !s.sandbox.state_loading))
    load_sandbox_state(s);
  item_registry::label_last_item("Refresh sandbox state", "Refresh##sandbox/refresh");
  if (!s.sandbox.state_time.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("as of %s",
                        s.sandbox.state_time.c_str() + (s.sandbox.state_time.size() > 8 ? 11 : 0));
  }
  if (s.sandbox.state_failed)
    TextWrappedColored(colors::error, "The sandbox state could not be read.");
  const json& state = s.sandbox.state;
  if (!state.is_object()) return;
  for (const auto& [name, rows] : state.items()) {
    if (!rows.is_array()) continue;
    std::string title = name + " (" + std::to_string(rows.size()) + ")###sandbox/" + name;
    if (ImGui::CollapsingHeader(title.c_str(), rows.empty() ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) {
      std::string id = "##sandbox-table/" + name;
      draw_table(id.c_str(), rows);
    }
  }
}

}  // namespace

void DrawSandboxKeys(app_state& s) {
  ensure_sandbox_loaded(s);
  if (!s.sandbox.credentials_loaded || !s.sandbox.credentials.is_object()) {
    ShowTextDisabled(s.sandbox.credentials_failed ? "This server has no sandbox keys."
                                                  : "Loading\u2026");
    return;
  }
  // Each of the family's seeded keys fills in the credential it is for; what the sandbox says
  // besides (the website ID the website key is for) is each button's tooltip.
  std::string notes;
  for (const sandbox_key& key : sandbox_keys(s))
    if (key.credential.empty())
      notes += (notes.empty() ? "The sandbox's " : ", ") + key.words + ": " + key.value;
  bool first = true;
  for (const sandbox_key& key : sandbox_keys(s)) {
    if (key.credential.empty()) continue;
    std::string label = "Use " + key.words + "##sandbox/" + key.name;
    if (!first) SameLineIfFits(ButtonWidth(label.c_str()));
    first = false;
    if (ImGui::SmallButton(label.c_str())) use_sandbox_key(s, key.name);
    if (ImGui::IsItemHovered() && !notes.empty()) ImGui::SetTooltip("%s", notes.c_str());
  }
}

void DrawSandboxPanel(app_state& s) {
  ImGui::PushFont(g_fonts.bold);
  ImGui::TextUnformatted("Sandbox");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("serve.py on %s", s.origin.c_str());
  ImGui::Separator();
  ensure_sandbox_loaded(s);
  if (!s.sandbox.credentials_loaded && !s.sandbox.credentials_failed) {
    ShowTextDisabled("Loading the sandbox\u2026");
    return;
  }
  if (s.sandbox.credentials_failed) {
    TextWrappedColored(colors::warning,
                       "This page's server has no sandbox (serve.py --no-sandbox, or another "
                       "server). Enter real credentials above.");
    return;
  }
  TextMuted(
      "Its keys are next to the credentials above. Its websites and groups, one click to put "
      "into the form:");
  draw_ids(s);
  ImGui::Spacing();
  draw_state(s);
}

}  // namespace invitekit::web
