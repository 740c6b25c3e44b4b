// invitekit admin page: everything the panels show — the endpoint forms and their drafts, the
// connection, the request in flight and its outcome, history, the sandbox — and the few
// actions that change it (send, cancel, open a history entry, use sandbox credentials).
//
// The panels read this state and call the core; they never judge a value themselves.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "batch.h"
#include "build_request.h"
#include "fetch.h"
#include "form.h"
#include "read_response.h"
#include "validate.h"

namespace invitekit::web {

struct connection {
  std::map<std::string, std::string> base_url;  // family → base URL ("" until first shown)
  std::map<std::string, std::string> secrets;   // credential name → value; never persisted
                                                // except in sessionStorage when `remember`
  bool show_secrets = false;
  bool remember = false;  // "remember in this tab" (sessionStorage), off by default
};

struct history_entry {
  std::string time;      // local time, for display
  std::string time_iso;  // UTC
  std::string endpoint;
  std::string body;     // the body that was sent (never credentials)
  std::string outcome;  // "success", "partial", "failure", "network"
  int status = 0;
  std::string message;
};

// The last send: in flight, or its outcome.
struct send_state {
  bool in_flight = false;
  int request_id = 0;
  double started_at = 0;  // ImGui time, for the in-flight indicator
  std::string sent_at;    // local time, to say which invite an outcome belongs to
  std::string endpoint;
  http_request request;  // as sent
  bool has_result = false;
  fetch_result result;       // the raw answer (status, headers, body) or the failure
  response_reading reading;  // read_response() of it, when a response arrived
};

// What the sandbox (serve.py on the page's origin) says about itself.
struct sandbox_state {
  bool requested = false;
  bool credentials_loaded = false;
  bool credentials_failed = false;
  json credentials;  // GET /sandbox/credentials, fake local keys only
  json state;        // GET /sandbox/state
  std::string state_time;
  bool state_loading = false;
  bool state_failed = false;
};

// Derived from the current draft and connection whenever either changes.
struct checked_draft {
  draft_body body;
  validation_result validation;  // errors and warnings by path, shown under fields
  build_result built;            // the exact request (when ok); credential / base URL errors
  issue_list connection_errors;  // built.errors with codes "credential" and "baseUrl"
};

struct app_state {
  std::vector<endpoint_form> forms;
  int current = 0;                                       // index into forms
  std::map<std::string, draft> drafts;                   // endpoint id → draft
  std::map<std::string, std::set<std::string>> touched;  // endpoint id → field paths edited
  connection conn;
  std::vector<history_entry> history;  // newest last, at most history_cap
  send_state send;
  sandbox_state sandbox;
  std::string origin;  // the page's own origin
  checked_draft check;
  bool dirty = true;  // draft or connection changed: re-check
  // Send was asked for the request just sent: ask before sending it again.
  bool confirm_repeat = false;
  std::string notice;  // a short line under the header ("Copied.")
  double notice_until = 0;
  batch_state batch;    // the tab "Invite many people" (batch_send.h)

  const endpoint_form& form() const { return forms[current]; }
  draft& current_draft() { return drafts[form().info->id]; }
  std::string& base_url();  // of the current endpoint's family
  bool is_sandbox() const;  // base URL is the page's own origin
  bool can_send() const;
};

inline constexpr std::size_t history_cap = 200;
inline constexpr int send_timeout_ms = 30000;

// The core's credentials from the connection's secrets (by the names endpoint descriptions use).
credentials credentials_from(const connection& conn);

void init_state(app_state& s);                            // forms, stored drafts, history, settings
void recheck(app_state& s);                               // validate + build_request if dirty
void mark_edited(app_state& s, const std::string& path);  // a field changed
void select_endpoint(app_state& s, int index);
void save_drafts(app_state& s);
void save_settings(app_state& s);  // base URLs, endpoint; credentials to sessionStorage only
void save_history(const app_state& s);
void clear_history(app_state& s);

void send(app_state& s);
// Send (the button, Enter): sends, unless the request is the one just sent with success, which
// then waits for confirm_repeat to be answered.
void request_send(app_state& s);
void cancel_send(app_state& s);

// Whether the request Send would send now is the last one sent, answered with success or partial
// success (same endpoint, URL and body).
bool repeats_last_send(const app_state& s);

// Whether the last outcome no longer belongs to what the form shows (another endpoint, or the
// request changed since it was sent).
bool outcome_is_stale(const app_state& s);
void open_history_entry(app_state& s, const history_entry& entry);  // as the draft
void load_sandbox_credentials(app_state& s);
void ensure_sandbox_loaded(app_state& s);  // once, when the server is the sandbox
void load_sandbox_state(app_state& s);

// The last send's outcome in one word ("" before any): "success", "partial", "failure" (from
// read_response), "network" or "cancelled".
std::string outcome_name(const app_state& s);

void show_notice(app_state& s, std::string text);

// The curl command for a request, with secrets replaced by placeholders unless `secrets`.
std::string curl_command(const app_state& s, const http_request& request, bool secrets);

// Secrets as the page shows them: masked.
std::string mask_secret(const std::string& value);

// The credential an HTTP header carries (by the endpoint's auth description), or nullptr; and
// that header's value with the secret masked ("Bearer ••••••••").
const credential_spec* credential_for_header(const endpoint_info& info, std::string_view header);
std::string masked_header_value(const credential_spec& credential);

}  // namespace invitekit::web
