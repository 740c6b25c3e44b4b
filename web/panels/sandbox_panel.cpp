// invitekit admin page: the sandbox panel, shown when the server is this page's own (serve.py's
// sandbox): its seeded keys and ids with one click to use them, and what the sandbox now holds
// (users, memberships, pending invites, outbox) from GET /sandbox/state.
#include <string>
#include <vector>

#include "panels/panels.h"
#include "browser.h"
#include "item_registry.h"
#include "page_json.h"
#include "text.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The credential a seeded key fills in: "globalApiKey" → "apiKey", "bearerToken" → "bearerToken".
std::string credential_for_key(const app_state& s, std::string_view family, std::string_view key) {
  for (const auto& form : s.forms) {
    if (form.info->family != family) continue;
    for (const auto& c : form.info->credentials)
      if (ends_with(lower(key), lower(c.name))) return c.name;
  }
  return {};
}

// Puts a seeded website or group id into the form: the "<kind>_id" field (making it apply, by
// setting what its showWhen asks for) or a row of the "<kind>_ids" list.
bool use_id(app_state& s, const std::string& kind, const std::string& id) {
  const endpoint_form& form = s.form();
  draft& d = s.current_draft();
  for (const field_spec& field : form.fields) {
    if (field.path == "/" + kind + "_id") {
      for (const auto& [path, values] : field.show_when)
        if (!values.empty()) d.values[path] = values.front();
      d.values[field.path] = id;
      mark_edited(s, field.path);
      return true;
    }
    if (field.path == "/" + kind + "_ids") {
      auto& rows = d.lists[field.path];
      if (!rows.empty() && rows.back().empty())
        rows.back() = id;
      else
        rows.push_back(id);
      mark_edited(s, field.path);
      return true;
    }
  }
  return false;
}

// "globalApiKey" → "global API key": a seeded key's name as the page says it.
std::string words(std::string_view camel) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word == "api" ? "API" : word == "id" ? "ID" : word;
    word.clear();
  };
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      flush();
      word += static_cast<char>(c + ('a' - 'A'));
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

void draw_ids(app_state& s) {
  const json& credentials = s.sandbox.credentials;
  for (const char* list : {"websites", "groups"}) {
    const json* ids = member(credentials, list);
    if (!ids || !ids->is_array() || ids->empty()) continue;
    std::string kind(list);
    kind.pop_back();  // "websites" → "website"
    ImGui::TextDisabled("%s", list);
    int i = 0;
    for (const json& id : *ids) {
      std::string value = text_of(&id);
      ImGui::PushID(list);
      ImGui::PushID(i);
      std::string use = "Use##sandbox/" + kind + "/" + std::to_string(i++);
      if (SmallButtonEnabled(use.c_str(), true)) {
        if (use_id(s, kind, value))
          show_notice(s, "Put " + kind + " " + value + " into the form.");
        else {
          browser::set_clipboard_text(value);
          show_notice(s, "This endpoint has no " + kind + " field; copied the ID instead.");
        }
      }
      item_registry::label_last_item(("Use " + kind + " " + value).c_str(), use.c_str());
      ImGui::SameLine();
      ImGui::PushFont(g_fonts.mono);
      ImGui::TextUnformatted(value.c_str());
      ImGui::PopFont();
      ImGui::PopID();
      ImGui::PopID();
    }
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
  const json& credentials = s.sandbox.credentials;
  if (!s.sandbox.credentials_loaded || !credentials.is_object()) {
    ShowTextDisabled(s.sandbox.credentials_failed ? "This server has no sandbox keys."
                                                  : "Loading\u2026");
    return;
  }
  // Each of the family's seeded keys fills in the credential it is for.
  const std::string& family = s.form().info->family;
  const json* keys = member(credentials, family);
  if (!keys || !keys->is_object()) return;
  std::string notes;
  bool first = true;
  for (const auto& [key, value] : keys->items()) {
    if (!value.is_string()) continue;
    const std::string& text = value.get_ref<const std::string&>();
    std::string cred = credential_for_key(s, family, key);
    if (cred.empty()) {
      notes += (notes.empty() ? "" : ", ") + words(key) + " " + text;
      continue;
    }
    std::string label = "Use " + words(key) + "##sandbox/" + key;
    if (!first) SameLineIfFits(ButtonWidth(label.c_str()));
    first = false;
    if (ImGui::SmallButton(label.c_str())) {
      s.conn.secrets[cred] = text;
      s.dirty = true;
      if (s.conn.remember) save_settings(s);
      show_notice(s, "Using the sandbox's " + words(key) + ".");
    }
  }
  if (!notes.empty()) TextMuted(notes.c_str());
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
