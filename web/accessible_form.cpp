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
#include "sandbox_offers.h"

// clang-format off
EM_JS(void, invitekit_js_set_credential, (const char* name, const char* value), {
  var form = globalThis.invitekitAccessibleForm;
  if (form) form.setCredential(UTF8ToString(name), UTF8ToString(value));
});
// clang-format on

namespace invitekit::web::accessible_form {
namespace {

app_state* g_state = nullptr;
std::string g_published;                       // the last model dispatched
std::map<std::string, std::string> g_secrets;  // the secrets the page was last told

enum class action {
  set_field,
  choose_endpoint,
  set_credential,
  set_server,
  set_remember,
  send,
  use_sandbox_key,
  use_sandbox_id,
  open_history,
  copy_curl,
  last = copy_curl
};

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

// The last send's outcome as the response panel says it: for which invite, what happened, the
// server's words and, for bulk invites, one row per target.
json outcome_model(const app_state& s) {
  const send_state& send = s.send;
  if (!send.has_result) return nullptr;
  const endpoint_info* info = find_endpoint(send.endpoint);
  const json body = parse_json(send.request.body);
  json out = {{"sendId", send.request_id},
              {"sentAt", send.sent_at},
              {"endpoint", info ? info->title : send.endpoint},
              {"who", text_of(member(body, "email"))},
              {"stale", outcome_is_stale(s)}};
  if (send.result.failure != fetch_failure::none) {
    out["headline"] = failure_title(send.result.failure);
    out["message"] = send.result.detail;
    out["rows"] = json::array();
    return out;
  }
  const response_reading& r = send.reading;
  int succeeded = 0;
  json rows = json::array();
  for (const target_result& row : r.results) {
    succeeded += row.success ? 1 : 0;
    rows.push_back({{"target", row.target_kind + " " + row.target_id},
                    {"success", row.success},
                    {"message", row.success ? row.message : row.error},
                    {"id", !row.user_id.empty() ? row.user_id : row.invite_id}});
  }
  const std::string outcome = to_string(r.result);
  out["headline"] =
      !r.results.empty() && succeeded == 0 ? "None succeeded" : outcome_words(outcome);
  out["status"] = r.status;
  out["message"] = r.message;
  out["ids"] = {{"invite", r.invite_id}, {"user", r.user_id}};
  out["rows"] = std::move(rows);
  return out;
}

json history_model(const app_state& s) {
  json entries = json::array();
  for (std::size_t i = s.history.size(); i-- > 0;) {  // newest first, as the canvas lists them
    const history_entry& e = s.history[i];
    const endpoint_info* info = find_endpoint(e.endpoint);
    entries.push_back({{"index", i},
                       {"time", e.time},
                       {"endpoint", info ? info->title : e.endpoint},
                       {"outcome", outcome_words(e.outcome)},
                       {"status", e.status},
                       {"who", text_of(member(parse_json(e.body), "email"))}});
  }
  return entries;
}

// The sandbox's offers: its keys by name only (their values stay in the app), its ids.
json sandbox_model(const app_state& s) {
  if (!s.is_sandbox() || !s.sandbox.credentials_loaded) return nullptr;
  json keys = json::array();
  for (const sandbox_key& key : sandbox_keys(s))
    if (!key.credential.empty())
      keys.push_back({{"name", key.name}, {"label", "Use the " + key.words}});
  json ids = json::array();
  for (const sandbox_id& id : sandbox_ids(s))
    ids.push_back({{"kind", id.kind}, {"value", id.value}});
  return {{"keys", std::move(keys)}, {"ids", std::move(ids)}};
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
  return {
      {"endpoint", form.info->id},
      {"endpoints", std::move(endpoints)},
      {"server",
       {{"value", s.base_url()}, {"errors", messages_at(s.check.connection_errors, "/baseUrl")}}},
      {"credentials", std::move(credentials)},
      {"remember", s.conn.remember},
      {"fields", std::move(fields)},
      {"summary", summary},
      {"formErrors", std::move(unplaced)},
      {"sendEnabled", s.can_send()},
      {"inFlight", s.send.in_flight},
      {"repeatOf", repeats_last_send(s) ? s.send.sent_at : std::string()},
      {"outcome", outcome_model(s)},
      {"history", history_model(s)},
      {"sandbox", sandbox_model(s)}};
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
    case action::send:  // the page asked first when it repeats the last send ("again")
      if (value == "again")
        send(s);
      else
        request_send(s);
      break;
    case action::use_sandbox_key:
      use_sandbox_key(s, name);
      break;
    case action::use_sandbox_id:
      use_sandbox_id(s, name, value);
      break;
    case action::open_history:
      for (std::size_t i = 0; i < s.history.size(); ++i)
        if (std::to_string(i) == value) open_history_entry(s, s.history[i]);
      break;
    case action::copy_curl:
      recheck(s);
      if (s.check.built.ok) {
        browser::set_clipboard_text(curl_command(s, s.check.built.request, false));
        show_notice(s, "Copied the curl command; secrets are read from environment variables.");
      }
      break;
  }
  recheck(s);
}

}  // namespace

void install(app_state& s) {
  g_state = &s;
  browser::connect_native_controls("invitekitAccessibleForm",
                                   "setField chooseEndpoint setCredential setServer setRemember send "
                                   "useSandboxKey useSandboxId openHistory copyCurl",
                                   "invitekit_form_input");
}

void publish(app_state& s) {
  std::string next = json_text(model(s));
  if (next != g_published) {
    g_published = std::move(next);
    browser::dispatch_event("invitekit-form", g_published);
  }
  publish_secrets(s);  // after the model, which makes the page's credential fields
}

}  // namespace invitekit::web::accessible_form

// Called by the function the app connects to the accessible form (above).
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_form_input(int what, const char* name,
                                                          const char* value) {
  using namespace invitekit::web::accessible_form;
  if (!g_state || what < 0 || what > static_cast<int>(action::last)) return;
  apply(*g_state, static_cast<action>(what), name, value);
  invitekit::web::browser::wake();
}
