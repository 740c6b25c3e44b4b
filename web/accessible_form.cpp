// invitekit admin page: the form model published for the accessible form, and the page's edits
// applied to the app state (contract in accessible_form.h).
#include "accessible_form.h"

#include <emscripten.h>

#include <map>
#include <string>
#include <string_view>

#include "browser.h"
#include "field_issues.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "page_json.h"
#include "panels/panels.h"

// clang-format off
EM_JS(void, invitekit_js_install_form_input, (), {
  var form = globalThis.invitekitAccessibleForm;
  if (!form) return;
  var actions = { setField: 0, chooseEndpoint: 1, setCredential: 2, setServer: 3, setRemember: 4, send: 5 };
  var text = function(value) {
    var s = String(value === undefined || value === null ? "" : value);
    var size = lengthBytesUTF8(s) + 1;
    var ptr = _malloc(size);
    stringToUTF8(s, ptr, size);
    return ptr;
  };
  form.connect(function(what, nameText, valueText) {
    var action = actions[what];
    if (action === undefined) return;
    var name = text(nameText);
    var value = text(valueText);
    Module._invitekit_form_input(action, name, value);
    _free(name);
    _free(value);
  });
});

EM_JS(void, invitekit_js_set_credential, (const char* name, const char* value), {
  var form = globalThis.invitekitAccessibleForm;
  if (form) form.setCredential(UTF8ToString(name), UTF8ToString(value));
});

EM_JS(void, invitekit_js_dispatch, (const char* type, const char* json), {
  window.dispatchEvent(new CustomEvent(UTF8ToString(type), { detail: JSON.parse(UTF8ToString(json)) }));
});
// clang-format on

namespace invitekit::web::accessible_form {
namespace {

app_state* g_state = nullptr;
std::string g_published;                       // the last model dispatched
std::map<std::string, std::string> g_secrets;  // the secrets the page was last told

enum class action { set_field, choose_endpoint, set_credential, set_server, set_remember, send };

std::vector<std::string> messages_at(const issue_list& list, std::string_view path) {
  std::vector<std::string> out;
  for (const issue& e : list)
    if (e.path == path) out.push_back(e.message);
  return out;
}

// A field's messages: its own, then each row's, named by the row as the canvas places them.
std::vector<std::string> field_messages(const std::vector<const issue*>& whole,
                                        const std::vector<std::pair<int, const issue*>>& rows) {
  std::vector<std::string> out;
  for (const issue* e : whole) out.push_back(e->message);
  for (const auto& [row, e] : rows)
    out.push_back("Row " + std::to_string(row + 1) + ": " + e->message);
  return out;
}

std::string field_value(app_state& s, const field_spec& field) {
  // find(), not []: publishing must not add an entry for a field never drawn (hidden).
  const draft& d = s.current_draft();
  if (field.widget != "idList") {
    auto value = d.values.find(field.path);
    return value == d.values.end() ? std::string() : value->second;
  }
  std::string joined;
  auto rows = d.lists.find(field.path);
  if (rows == d.lists.end()) return joined;
  for (std::size_t i = 0; i < rows->second.size(); ++i) joined += (i ? "\n" : "") + rows->second[i];
  return joined;
}

json field_model(app_state& s, const field_spec& field) {
  field_issues issues = issues_for(s, field);
  std::vector<std::string> errors = field_messages(issues.errors, issues.row_errors);
  json choices = json::array();
  for (const field_choice& choice : field.choices)
    choices.push_back({{"value", choice.value}, {"label", choice.label}});
  const bool invalid = !errors.empty() && field_emphasized(s, field);
  return {{"path", field.path},
          {"label", field.label},
          {"widget", field.widget},
          {"help", field.help},
          {"placeholder", field.placeholder},
          {"optional", field_optional(field)},
          {"visible", field_visible(field, s.current_draft())},
          {"value", field_value(s, field)},
          {"choices", std::move(choices)},
          {"errors", std::move(errors)},
          {"warnings", field_messages(issues.warnings, issues.row_warnings)},
          {"invalid", invalid}};
}

json model(app_state& s) {
  const endpoint_form& form = s.form();
  json endpoints = json::array();
  for (const endpoint_form& f : s.forms)
    endpoints.push_back({{"id", f.info->id}, {"title", f.info->title}});
  json credentials = json::array();
  for (const credential_spec& cred : form.info->credentials) {
    credentials.push_back(
        {{"name", cred.name},
         {"label", cred.label},
         {"errors", messages_at(s.check.connection_errors, "/credentials/" + cred.name)}});
  }
  json fields = json::array();
  for (const field_spec& field : form.fields) fields.push_back(field_model(s, field));
  std::string summary = send_summary_head(s);  // the canvas lists the fields after its colon
  if (!summary.empty() && summary.back() == ':') summary.back() = '.';
  std::vector<std::string> unplaced;  // rules across fields: no field's control names them
  for (const issue& e : s.check.validation.errors)
    if (label_for_path(form, e.path).empty()) unplaced.push_back(e.message);
  return {{"endpoint", form.info->id},
          {"endpoints", std::move(endpoints)},
          {"server",
           {{"value", s.base_url()},
            {"errors", messages_at(s.check.connection_errors, "/baseUrl")}}},
          {"credentials", std::move(credentials)},
          {"remember", s.conn.remember},
          {"fields", std::move(fields)},
          {"summary", summary},
          {"formErrors", std::move(unplaced)},
          {"sendEnabled", s.can_send()},
          {"inFlight", s.send.in_flight}};
}

// Secrets go to the page one by one, only when they changed, never into the model and never in
// an event (any listener on window would hear it): straight to the form's setter.
void publish_secrets(app_state& s) {
  for (const credential_spec& cred : s.form().info->credentials) {
    auto secret = s.conn.secrets.find(cred.name);  // not []: an unset secret stays unset
    const std::string value = secret == s.conn.secrets.end() ? std::string() : secret->second;
    auto known = g_secrets.find(cred.name);
    if (known != g_secrets.end() && known->second == value) continue;
    g_secrets[cred.name] = value;
    invitekit_js_set_credential(cred.name.c_str(), value.c_str());
  }
}

void apply(app_state& s, action what, const std::string& name, const std::string& value) {
  // A canvas text field still active would keep its own copy of the text and write it back.
  if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
  switch (what) {
    case action::set_field:
      for (const field_spec& field : s.form().fields) {
        if (field.path != name) continue;
        if (field.widget == "idList") {
          std::vector<std::string> rows(1);
          for (char c : value) {
            if (c == '\n')
              rows.emplace_back();
            else if (c != '\r')
              rows.back() += c;
          }
          s.current_draft().lists[name] = std::move(rows);
        } else {
          s.current_draft().values[name] = value;
        }
        mark_edited(s, name);
      }
      break;
    case action::choose_endpoint:
      for (std::size_t i = 0; i < s.forms.size(); ++i)
        if (s.forms[i].info->id == name) select_endpoint(s, static_cast<int>(i));
      break;
    case action::set_credential:
      s.conn.secrets[name] = value;
      g_secrets[name] = value;  // the page has it already
      s.dirty = true;
      if (s.conn.remember) save_settings(s);
      break;
    case action::set_server:
      s.base_url() = value;
      s.dirty = true;
      save_settings(s);
      break;
    case action::set_remember:
      s.conn.remember = value == "true";
      save_settings(s);  // stores the credentials in sessionStorage, or removes them
      break;
    case action::send:
      send(s);
      break;
  }
  recheck(s);
}

}  // namespace

void install(app_state& s) {
  g_state = &s;
  invitekit_js_install_form_input();
}

void publish(app_state& s) {
  std::string next = json_text(model(s));
  if (next != g_published) {
    g_published = std::move(next);
    invitekit_js_dispatch("invitekit-form", g_published.c_str());
  }
  publish_secrets(s);  // after the model, which makes the page's credential fields
}

}  // namespace invitekit::web::accessible_form

// Called by the function the app connects to the accessible form (above).
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_form_input(int what, const char* name,
                                                          const char* value) {
  using namespace invitekit::web::accessible_form;
  if (!g_state || what < 0 || what > static_cast<int>(action::send)) return;
  apply(*g_state, static_cast<action>(what), name, value);
  invitekit::web::browser::wake();
}
