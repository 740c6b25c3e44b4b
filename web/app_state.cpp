// invitekit admin page: the state's actions — checking the draft with the core, sending,
// history and drafts in localStorage (never credentials), the sandbox's own endpoints.
#include "app_state.h"

#include <algorithm>

#include "browser.h"
#include "imgui.h"
#include "text.h"
#include "page_json.h"

namespace invitekit::web {
namespace {

// Storage keys. Credentials only ever go to sessionStorage, and only when the user asks.
constexpr const char* k_history_key = "invitekit.history";
constexpr const char* k_drafts_key = "invitekit.drafts";
constexpr const char* k_settings_key = "invitekit.settings";
constexpr const char* k_credentials_key = "invitekit.credentials";  // sessionStorage

// The tab a first visit opens on: one person invited, the common case.
constexpr std::string_view k_first_endpoint = "athena.createInvite";

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// "apiKey" → "INVITEKIT_API_KEY": the environment variable a curl command reads a secret from.
std::string env_name(std::string_view credential) {
  std::string out = "INVITEKIT_";
  for (char c : credential) {
    if (c >= 'A' && c <= 'Z') out += '_';
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return out;
}

std::string replace_value(std::string format, const std::string& value) {
  auto at = format.find("{value}");
  if (at == std::string::npos) return value;
  return format.replace(at, 7, value);
}

const endpoint_form* find_form(const app_state& s, std::string_view id, int* index = nullptr) {
  for (std::size_t i = 0; i < s.forms.size(); ++i) {
    if (s.forms[i].info->id == id) {
      if (index) *index = static_cast<int>(i);
      return &s.forms[i];
    }
  }
  return nullptr;
}

void load_history(app_state& s) {
  const json stored = parse_json(browser::storage_get(false, k_history_key));
  if (!stored.is_array()) return;
  for (const json& v : stored) {
    history_entry e;
    e.time = text_of(member(v, "time"));
    e.time_iso = text_of(member(v, "timeIso"));
    e.endpoint = text_of(member(v, "endpoint"));
    e.body = text_of(member(v, "body"));
    e.outcome = text_of(member(v, "outcome"));
    e.message = text_of(member(v, "message"));
    if (const json* status = member(v, "status"); status && status->is_number_integer())
      e.status = status->get<int>();
    if (!e.endpoint.empty()) s.history.push_back(std::move(e));
  }
  if (s.history.size() > history_cap)
    s.history.erase(s.history.begin(), s.history.end() - history_cap);
}

// The string members of a stored object, by name.
void read_strings(const json* object, std::map<std::string, std::string>& into) {
  if (object == nullptr || !object->is_object()) return;
  for (const auto& [name, value] : object->items())
    if (value.is_string()) into[name] = value.get<std::string>();
}

void load_drafts_and_settings(app_state& s) {
  const json drafts = parse_json(browser::storage_get(false, k_drafts_key));
  if (drafts.is_object()) {
    for (const auto& [id, body] : drafts.items())
      if (const endpoint_form* form = find_form(s, id))
        s.drafts[form->info->id] = draft_from_body(*form, body);
  }
  const json settings = parse_json(browser::storage_get(false, k_settings_key));
  if (settings.is_object()) {
    int index = 0;
    if (find_form(s, text_of(member(settings, "endpoint")), &index)) s.current = index;
    read_strings(member(settings, "baseUrls"), s.conn.base_url);
  }
  const json credentials = parse_json(browser::storage_get(true, k_credentials_key));
  if (credentials.is_object()) {
    s.conn.remember = true;
    read_strings(&credentials, s.conn.secrets);
  }
}

void record_history(app_state& s, const std::string& outcome) {
  history_entry e;
  e.time = browser::local_time_text();
  e.time_iso = browser::utc_time_iso();
  e.endpoint = s.send.endpoint;
  e.body = s.send.request.body;
  e.outcome = outcome;
  e.status = s.send.result.status;
  e.message = s.send.reading.message;
  s.history.push_back(std::move(e));
  if (s.history.size() > history_cap) s.history.erase(s.history.begin());
  save_history(s);
}

}  // namespace

credentials credentials_from(const connection& conn) {
  credentials c;
  auto get = [&](const char* name) {
    auto it = conn.secrets.find(name);
    return it == conn.secrets.end() ? std::string() : it->second;
  };
  c.api_key = get("apiKey");
  c.bearer_token = get("bearerToken");
  c.session_token = get("sessionToken");
  return c;
}

const credential_spec* credential_for_header(const endpoint_info& info, std::string_view header) {
  for (const auto& c : info.credentials)
    if (iequals(c.header, header)) return &c;
  return nullptr;
}

std::string masked_header_value(const credential_spec& credential) {
  return replace_value(credential.format, mask_secret("x"));
}

std::string& app_state::base_url() { return conn.base_url[form().info->family]; }

bool app_state::is_sandbox() const {
  auto it = conn.base_url.find(form().info->family);
  if (it == conn.base_url.end()) return false;
  std::string url = it->second;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return !origin.empty() && url == origin;
}

bool app_state::can_send() const {
  return !send.in_flight && check.validation.valid && check.built.ok;
}

void init_state(app_state& s) {
  s.forms = load_forms();
  s.origin = browser::page_origin();
  for (const auto& form : s.forms) s.drafts[form.info->id] = default_draft(form);
  find_form(s, k_first_endpoint, &s.current);
  load_drafts_and_settings(s);
  load_history(s);
  for (const auto& form : s.forms) {
    std::string& url = s.conn.base_url[form.info->family];
    if (url.empty()) url = s.origin;  // the sandbox, served by serve.py next to the page
  }
  if (s.current < 0 || s.current >= static_cast<int>(s.forms.size())) s.current = 0;
  s.dirty = true;
}

void recheck(app_state& s) {
  if (!s.dirty || s.forms.empty()) return;
  s.dirty = false;
  const std::string& id = s.form().info->id;
  s.check.body = draft_to_body(s.form(), s.current_draft());
  s.check.validation = validate(id, s.check.body.body);
  request_options options;
  options.base_url = s.base_url();
  options.credentials = credentials_from(s.conn);
  s.check.built = build_request(id, s.check.body.body, options);
  s.check.connection_errors.clear();
  for (const issue& e : s.check.built.errors)
    if (e.code == codes::credential || e.code == codes::base_url)
      s.check.connection_errors.push_back(e);
}

void mark_edited(app_state& s, const std::string& path) {
  s.touched[s.form().info->id].insert(path);
  s.dirty = true;
  save_drafts(s);
}

void select_endpoint(app_state& s, int index) {
  if (index == s.current || index < 0 || index >= static_cast<int>(s.forms.size())) return;
  s.current = index;
  s.dirty = true;
  save_settings(s);
}

void save_drafts(app_state& s) {
  json drafts = json::object();
  for (const auto& form : s.forms)
    drafts[form.info->id] = draft_to_body(form, s.drafts[form.info->id]).body;
  browser::storage_set(false, k_drafts_key, json_text(drafts));
}

void save_settings(app_state& s) {
  json settings = {{"endpoint", s.form().info->id}, {"baseUrls", json::object()}};
  for (const auto& [family, url] : s.conn.base_url) settings["baseUrls"][family] = url;
  browser::storage_set(false, k_settings_key, json_text(settings));

  if (s.conn.remember) {
    json credentials = json::object();
    for (const auto& [name, value] : s.conn.secrets)
      if (!value.empty()) credentials[name] = value;
    browser::storage_set(true, k_credentials_key, json_text(credentials));
  } else {
    browser::storage_remove(true, k_credentials_key);
  }
}

void save_history(const app_state& s) {
  json history = json::array();
  for (const history_entry& e : s.history) {
    history.push_back({{"time", e.time},
                       {"timeIso", e.time_iso},
                       {"endpoint", e.endpoint},
                       {"body", e.body},
                       {"outcome", e.outcome},
                       {"status", e.status},
                       {"message", e.message}});
  }
  browser::storage_set(false, k_history_key, json_text(history));
}

void clear_history(app_state& s) {
  s.history.clear();
  browser::storage_remove(false, k_history_key);
}

void send(app_state& s) {
  recheck(s);
  if (!s.can_send()) return;
  s.send = send_state{};
  s.send.in_flight = true;
  s.send.endpoint = s.form().info->id;
  s.send.request = s.check.built.request;
  s.send.started_at = ImGui::GetTime();
  s.send.sent_at = browser::local_time_text();
  s.confirm_repeat = false;
  app_state* state = &s;
  s.send.request_id =
      fetch_start(s.send.request, send_timeout_ms, [state](const fetch_result& result) {
        app_state& s = *state;
        s.send.in_flight = false;
        s.send.has_result = true;
        s.send.result = result;
        if (result.failure == fetch_failure::none) {
          http_response response;
          response.status = result.status;
          response.headers = result.headers;
          response.body = result.body;
          response.request_body = s.send.request.body;
          s.send.reading = read_response(s.send.endpoint, response);
        }
        record_history(s, outcome_name(s));
        if (s.is_sandbox()) load_sandbox_state(s);
      });
}

void request_send(app_state& s) {
  recheck(s);
  if (!s.can_send()) return;
  if (repeats_last_send(s))
    s.confirm_repeat = true;
  else
    send(s);
}

bool repeats_last_send(const app_state& s) {
  const std::string outcome = outcome_name(s);
  return (outcome == "success" || outcome == "partial") && s.check.built.ok &&
         s.send.endpoint == s.form().info->id && s.check.built.request.url == s.send.request.url &&
         s.check.built.request.body == s.send.request.body;
}

bool outcome_is_stale(const app_state& s) {
  if (!s.send.has_result || s.send.in_flight) return false;
  if (s.send.endpoint != s.form().info->id) return true;
  return !s.check.built.ok || s.check.built.request.body != s.send.request.body;
}

void cancel_send(app_state& s) {
  if (s.send.in_flight) fetch_cancel(s.send.request_id);
}

void open_history_entry(app_state& s, const history_entry& entry) {
  int index = 0;
  const endpoint_form* form = find_form(s, entry.endpoint, &index);
  if (!form) return;
  const json body = parse_json(entry.body);
  if (!body.is_object()) return;
  s.drafts[entry.endpoint] = draft_from_body(*form, body);
  auto& touched = s.touched[entry.endpoint];
  for (const auto& field : form->fields) touched.insert(field.path);
  s.current = index;
  s.dirty = true;
  save_drafts(s);
  save_settings(s);
  show_notice(s, "Opened the invite from " + entry.time + " as the draft.");
}

void load_sandbox_credentials(app_state& s) {
  http_request request{"GET", s.origin + "/sandbox/credentials", {}, {}};
  app_state* state = &s;
  fetch_start(request, 10000, [state](const fetch_result& result) {
    state->sandbox.credentials_loaded =
        result.failure == fetch_failure::none && result.status == 200;
    state->sandbox.credentials_failed = !state->sandbox.credentials_loaded;
    if (state->sandbox.credentials_loaded) state->sandbox.credentials = parse_json(result.body);
  });
}

void ensure_sandbox_loaded(app_state& s) {
  if (s.sandbox.requested || !s.is_sandbox()) return;
  s.sandbox.requested = true;
  load_sandbox_credentials(s);
  load_sandbox_state(s);
}

void load_sandbox_state(app_state& s) {
  if (s.sandbox.state_loading) return;
  s.sandbox.state_loading = true;
  http_request request{"GET", s.origin + "/sandbox/state", {}, {}};
  app_state* state = &s;
  fetch_start(request, 10000, [state](const fetch_result& result) {
    state->sandbox.state_loading = false;
    state->sandbox.state_failed = result.failure != fetch_failure::none || result.status != 200;
    if (!state->sandbox.state_failed) {
      state->sandbox.state = parse_json(result.body);
      state->sandbox.state_time = browser::local_time_text();
    }
  });
}

std::string outcome_name(const app_state& s) {
  if (!s.send.has_result) return {};
  switch (s.send.result.failure) {
    case fetch_failure::none:
      return to_string(s.send.reading.result);
    case fetch_failure::cancelled:
      return "cancelled";
    default:
      return "network";
  }
}

void show_notice(app_state& s, std::string text) {
  s.notice = std::move(text);
  s.notice_until = ImGui::GetTime() + 4.0;
  browser::wake_after(4100);  // so the notice goes away on an idle page too
}

std::string mask_secret(const std::string& value) {
  if (value.empty()) return "(empty)";
  return "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022";
}

std::string curl_command(const app_state& s, const http_request& request, bool secrets) {
  const endpoint_info& info = *s.form().info;
  std::string out = "curl -X " + request.method + " " + shell_quote(request.url);
  for (const auto& [name, value] : request.headers) {
    const credential_spec* cred = credential_for_header(info, name);
    if (cred && !secrets) {
      // A placeholder the shell fills from the environment: the secret never lands in the text.
      out += " \\\n  -H \"" + name + ": " +
             replace_value(cred->format, "$" + env_name(cred->name)) + "\"";
    } else {
      out += " \\\n  -H " + shell_quote(name + ": " + value);
    }
  }
  if (!request.body.empty()) out += " \\\n  --data-raw " + shell_quote(request.body);
  return out;
}

}  // namespace invitekit::web
