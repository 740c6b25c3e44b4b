// invitekit admin page: the batch's model published for the accessible batch, and the page's
// actions applied to it (contract in accessible_batch.h).
#include "accessible_batch.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "batch_files.h"
#include "batch_send.h"
#include "browser.h"
#include "page_json.h"
#include "panels/panels.h"

namespace invitekit::web::accessible_batch {
namespace {

app_state* g_state = nullptr;
std::string g_published;

enum class action {
  load_table,
  replace_table,
  choose_endpoint,
  send,
  pause,
  cancel,
  retry_failed,
  send_unknown,
  download,
  set_concurrency,
  last = set_concurrency
};

json messages(const issue_list& list) {
  json out = json::array();
  for (const issue& e : list) out.push_back(e.message);
  return out;
}

// The rows that need the admin, each said in full ("Email: Enter a valid …"), at most 100.
json problems(const app_state& s, int& count) {
  const batch_state& b = s.batch;
  const endpoint_form* form = nullptr;
  for (const endpoint_form& f : s.forms)
    if (f.info->id == b.endpoint) form = &f;
  json out = json::array();
  count = 0;
  for (const batch_row& row : b.rows) {
    std::string text;
    for (const issue& e : row.errors) {
      const std::string label = form ? label_for_path(*form, e.path) : std::string();
      text += (text.empty() ? "" : " ") + (label.empty() ? e.message : label + ": " + e.message);
    }
    if (row.state == row_state::failed || row.state == row_state::unknown)
      text += (text.empty() ? "" : " ") + std::string(to_string(row.state)) + ": " + row.message;
    for (const issue& e : row.warnings) text += (text.empty() ? "Warning: " : " Warning: ") + e.message;
    if (text.empty()) continue;
    if (++count <= 100) out.push_back({{"line", row.line}, {"text", text}});
  }
  return out;
}

json model(const app_state& s) {
  const batch_state& b = s.batch;
  const batch_run& run = b.run;
  const batch_counts n = count_rows(b);
  json endpoints = json::array();
  for (const endpoint_form& f : s.forms) endpoints.push_back({{"id", f.info->id}, {"title", f.info->title}});
  json notes = json::array();
  for (const issue& e : b.warnings) notes.push_back(e.message);
  int count = 0;
  json listed = problems(s, count);
  const issue_list connection = batch_connection_errors(s);
  const int left = batch_seconds_left(s);
  return {{"shown", b.shown},
          {"endpoint", b.endpoint.empty() ? s.form().info->id : b.endpoint},
          {"endpoints", std::move(endpoints)},
          {"locked", batch_started(b)},
          {"source", b.source},
          {"rows", n.rows},
          {"toSend", n.to_send},
          {"invalid", n.invalid},
          {"excluded", n.excluded},
          {"tableErrors", messages(b.errors)},
          {"notes", std::move(notes)},
          {"problems", std::move(listed)},
          {"problemCount", count},
          {"progress", b.rows.empty() ? std::string() : batch_progress_text(s)},
          {"status", batch_status(s)},
          {"timeLeft", left >= 0 ? "About " + std::to_string(left) + " seconds left" : std::string()},
          {"connection", messages(connection)},
          {"resumedNote", run.resumed_note},
          {"storageProblem", b.storage_problem},
          {"running", run.running},
          {"sendLabel", batch_send_label(s)},
          {"canSend", !run.running && run.in_flight == 0 && n.waiting > 0 && connection.empty()},
          {"canRetryFailed", !run.running && run.in_flight == 0 && n.failed > 0 && connection.empty()},
          {"failed", n.failed},
          {"unknown", n.unknown},
          {"canDownload", !b.rows.empty()},
          {"pending", b.pending_text.empty() ? json(nullptr) : json{{"source", b.pending_source}}},
          {"concurrency", run.concurrency}};
}

void apply(app_state& s, action what, const std::string& name, const std::string& value) {
  switch (what) {
    case action::load_table:
      load_batch_text(s, value, name.empty() ? "pasted text" : name);
      break;
    case action::replace_table:
      confirm_pending_table(s, value == "yes");
      break;
    case action::choose_endpoint:
      set_batch_endpoint(s, name);
      break;
    case action::send:
      start_batch(s);
      break;
    case action::pause:
      pause_batch(s);
      break;
    case action::cancel:
      cancel_batch(s);
      break;
    case action::retry_failed:
      retry_failed(s);
      break;
    case action::send_unknown:
      send_unknown(s, -1);
      break;
    case action::download:
      batch_files::download_results(s.batch);
      break;
    case action::set_concurrency:
      set_batch_concurrency(s, std::atoi(value.c_str()));
      break;
  }
}

}  // namespace

void install(app_state& s) {
  g_state = &s;
  browser::connect_native_controls("invitekitAccessibleBatch",
                                   "loadTable replaceTable chooseEndpoint send pause cancel retryFailed "
                                   "sendUnknown download setConcurrency",
                                   "invitekit_batch_input");
}

void publish(app_state& s) {
  std::string next = json_text(model(s));
  if (next == g_published) return;
  g_published = std::move(next);
  browser::dispatch_event("invitekit-batch", g_published);
}

}  // namespace invitekit::web::accessible_batch

// Called by the function the app connects to the accessible batch (above).
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_batch_input(int what, const char* name, const char* value) {
  using namespace invitekit::web::accessible_batch;
  if (!g_state || what < 0 || what > static_cast<int>(action::last)) return;
  apply(*g_state, static_cast<action>(what), name, value);
  invitekit::web::browser::wake();
}
