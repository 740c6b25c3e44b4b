// invitekit admin page: the batch's sender (see batch_send.h).
#include "batch_send.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

#include "batch_lease.h"
#include "batch_store.h"
#include "browser.h"
#include "invite_table.h"

// The batch's own timer (a retry or a 429's wait coming due), independent of the main loop, which
// sleeps while nothing happens on the page.
// clang-format off
EM_JS(void, invitekit_js_batch_timer, (int ms), {
  setTimeout(function() { if (Module._invitekit_batch_timer) Module._invitekit_batch_timer(); }, ms);
});
// clang-format on

namespace invitekit::web {
namespace {

app_state* g_state = nullptr;  // for the timer

request_options options_for(const app_state& s, const std::string& endpoint) {
  request_options options;
  const endpoint_info* info = find_endpoint(endpoint);
  if (info) {
    auto url = s.conn.base_url.find(info->family);
    if (url != s.conn.base_url.end()) options.base_url = url->second;
  }
  options.credentials = credentials_from(s.conn);
  return options;
}

constexpr const char* k_not_kept =
    "The browser did not keep the batch (its storage is full or turned off): a reload would lose where it "
    "stands. Download the results to keep them.";

void keep_run(batch_state& b) {
  if (!batch_store::save_run(b)) b.storage_problem = k_not_kept;
}

void keep_row(batch_state& b, std::size_t index) {
  if (!batch_store::save_row(b, index)) b.storage_problem = k_not_kept;
}

void keep_table(batch_state& b) {
  if (!batch_store::save_table(b)) b.storage_problem = k_not_kept;
}

constexpr const char* k_other_tab =
    "This batch is being sent from another tab of this page, and two tabs would send rows twice: follow it "
    "there, or close that tab and try again here in a few seconds.";

// After another tab sent the batch (batch_lease.h), this tab's copy is stale: its rows' states
// are read again from storage. False, with the reason said, when the stored batch is another table.
bool read_batch_again(batch_state& b) {
  if (!b.storage_problem.empty()) {  // storage does not hold this batch: this tab's copy is all there is
    batch_lease::read_again();
    return true;
  }
  batch_state stored;
  int unknown = 0;
  if (!batch_store::load(stored, unknown) || stored.id != b.id) {
    b.run.running = false;
    b.run.stopped_reason = "Another tab of this page replaced this batch with another table: reload this page to see it.";
    return false;
  }
  b.header = std::move(stored.header);
  b.columns = std::move(stored.columns);
  b.constants = std::move(stored.constants);
  b.rows = std::move(stored.rows);
  b.errors = std::move(stored.errors);
  b.warnings = std::move(stored.warnings);
  if (unknown > 0)
    b.run.resumed_note = std::to_string(unknown) + (unknown == 1 ? " row was" : " rows were") +
                         " being sent from another tab that went away: each may or may not have arrived, so it is "
                         "marked unknown and is not sent again unless you choose to.";
  batch_lease::read_again();
  return true;
}

// The lease to send from this tab. False when another tab sends the batch, or sent it while this
// tab was sending (then this tab stops: Resume reads the batch again). Nothing is written then: the
// batch in storage is the other tab's now.
bool hold_lease(batch_state& b, bool starting) {
  switch (batch_lease::claim()) {
    case batch_lease::claim_result::held:
      return true;
    case batch_lease::claim_result::taken_over:
      if (starting && b.run.in_flight == 0) return read_batch_again(b);
      break;
    case batch_lease::claim_result::refused:
      break;
  }
  b.run.running = false;
  b.run.stopped_reason = k_other_tab;
  return false;
}

// Wakes the batch at `at` (ms since the epoch), unless its timer fires before then already.
void wake_batch_at(batch_run& run, double at) {
  const double now = batch_now();
  if (run.timer_at > now && run.timer_at <= at) return;
  run.timer_at = at;
  invitekit_js_batch_timer(static_cast<int>(std::max(0.0, std::ceil(at - now))));
}

bool sendable(const batch_row& row) { return row.state == row_state::waiting && row.valid && !row.excluded; }

bool in_round(const batch_run& run, std::size_t i) {
  return run.only.empty() || std::binary_search(run.only.begin(), run.only.end(), i);
}

// The next row to send now: a retry that is due, else the next row never tried in this round.
// Returns false when none is due.
bool take_row(batch_state& b, double now, std::size_t& index) {
  batch_run& run = b.run;
  for (std::size_t k = 0; k < run.retries.size();) {
    const std::size_t i = run.retries[k];
    if (b.rows[i].not_before > now) {
      ++k;
      continue;
    }
    run.retries.erase(run.retries.begin() + static_cast<std::ptrdiff_t>(k));
    if (sendable(b.rows[i])) {  // else it is no longer to be sent (the table changed)
      index = i;
      return true;
    }
  }
  while (run.cursor < b.rows.size()) {
    const std::size_t i = run.cursor++;
    if (sendable(b.rows[i]) && b.rows[i].attempt == 0 && in_round(run, i)) {
      index = i;
      return true;
    }
  }
  return false;
}

void finish(app_state& s) {
  batch_run& run = s.batch.run;
  run.running = false;
  run.finished = true;
  keep_run(s.batch);
  batch_lease::release();
}

void stop(app_state& s, std::string why) {
  batch_run& run = s.batch.run;
  run.running = false;
  run.stopped_reason = std::move(why);
  keep_run(s.batch);
  if (run.in_flight == 0) batch_lease::release();
}

void pump(app_state& s);

// The answer to row `index`'s request (or its failure), by the batch's rule.
void take_answer(app_state& s, const std::string& batch_id, std::size_t index, const std::string& sent,
                 const fetch_result& result) {
  batch_state& b = s.batch;
  if (b.id != batch_id || index >= b.rows.size()) return;  // not this batch's any more
  batch_run& run = b.run;
  run.in_flight = std::max(0, run.in_flight - 1);
  batch_row& row = b.rows[index];

  response_reading reading;
  send_step step;
  const bool cut = result.failure == fetch_failure::answer_cut;
  if (result.failure == fetch_failure::none || cut) {
    http_response response;
    response.status = result.status;
    response.headers = result.headers;
    response.body = result.body;
    response.request_body = sent;
    reading = read_response(b.endpoint, response);
    // The policy's try number: for a 429, how many 429s in a row (its own backoff); for anything
    // else, the tries no 429 answered, so that a 5xx's bounded retries are the row's own.
    if (reading.status == 429) ++row.throttled;
    const int attempt = reading.status == 429 ? row.throttled : row.attempt - row.throttled;
    step = cut ? after_cut_answer(reading, attempt) : after_response(reading, attempt);
  } else {
    step = after_network_error(row.attempt - row.throttled);
  }
  row.status = reading.status;
  row.message = step.reason.empty() ? reading.message : step.reason;
  if (step.state == row_state::waiting) {
    row.state = row_state::waiting;
    row.not_before = batch_now() + step.delay_ms;
    run.retries.push_back(index);
    if (step.pause_batch && row.not_before > run.resume_at) {
      run.resume_at = row.not_before;
      run.waiting_reason = step.reason;
      keep_run(b);
    }
  } else {
    row.state = step.state;
    row.user_id = reading.user_id;
    row.invite_id = reading.invite_id;
    ++run.round_done;
  }
  keep_row(b, index);
  if (step.stop_batch) stop(s, step.reason);
  if (!run.running && run.in_flight == 0) batch_lease::release();
  pump(s);
}

// Sends row `index`: "sending" is kept before the request starts. False when the batch stopped
// instead (no request can be built: the credentials or the server are missing or wrong).
bool send_row(app_state& s, std::size_t index) {
  batch_state& b = s.batch;
  batch_row& row = b.rows[index];
  const build_result built = build_request(b.endpoint, row.body, options_for(s, b.endpoint));
  if (!built.ok) {
    std::string why;
    for (const issue& e : built.errors) why += (why.empty() ? "" : " ") + e.message;
    // Not tried: it goes first when the batch resumes.
    if (row.attempt > 0)
      b.run.retries.push_back(index);
    else
      b.run.cursor = std::min(b.run.cursor, index);
    stop(s, "The batch cannot send: " + why);
    return false;
  }
  if (!hold_lease(b, false)) return false;
  const batch_row before = row;
  row.state = row_state::sending;
  row.attempt += 1;
  row.tries += 1;
  row.not_before = 0;
  if (!batch_store::save_row(b, index)) {
    // Unmarked, a reload would take this row for one never sent and send it again: it does not go.
    row = before;
    if (row.attempt > 0)
      b.run.retries.push_back(index);
    else
      b.run.cursor = std::min(b.run.cursor, index);
    b.storage_problem = k_not_kept;
    stop(s, "The browser could not note that a row is being sent (its storage is full or turned off), and a "
            "reload would then send it twice, so the batch stopped. Download the results, free some storage "
            "(for example, start a new batch), then resume.");
    return false;
  }
  ++b.run.in_flight;
  const std::string batch_id = b.id;
  const std::string sent = built.request.body;
  app_state* state = &s;
  fetch_start(built.request, send_timeout_ms, [state, batch_id, index, sent](const fetch_result& result) {
    take_answer(*state, batch_id, index, sent, result);
  });
  return true;
}

void pump(app_state& s) {
  batch_run& run = s.batch.run;
  while (run.running && run.in_flight < run.concurrency) {
    const double now = batch_now();
    if (run.resume_at > now) {
      wake_batch_at(run, run.resume_at);
      return;
    }
    run.waiting_reason.clear();
    std::size_t index = 0;
    if (!take_row(s.batch, now, index)) {
      if (!run.retries.empty()) {
        double due = s.batch.rows[run.retries.front()].not_before;
        for (std::size_t i : run.retries) due = std::min(due, s.batch.rows[i].not_before);
        wake_batch_at(run, due);
      } else if (run.in_flight == 0) {
        finish(s);
      }
      return;
    }
    if (!send_row(s, index)) return;
  }
}

// A new round: every row still to go is looked at again from the top.
void begin_round(app_state& s) {
  batch_run& run = s.batch.run;
  run.running = true;
  run.cancelled = false;
  run.finished = false;
  run.stopped_reason.clear();
  run.resumed_note.clear();
  run.cursor = 0;
  run.retries.clear();
  for (std::size_t i = 0; i < s.batch.rows.size(); ++i) {
    const batch_row& row = s.batch.rows[i];
    if (sendable(row) && row.attempt > 0 && in_round(run, i)) run.retries.push_back(i);  // a retry kept by a reload
  }
  run.round_started = batch_now();
  run.round_done = 0;
  keep_run(s.batch);
}

std::string new_batch_id() {
  static int count = 0;
  return browser::utc_time_iso() + "#" + std::to_string(++count);
}

// Reads a new table into the batch, in place of the one before (its rows' records go).
void replace_batch(app_state& s, std::string_view text, std::string source) {
  batch_state& b = s.batch;
  if (b.endpoint.empty()) b.endpoint = s.form().info->id;
  const std::size_t old_rows = b.rows.size();
  read_batch(b, b.endpoint, text, std::move(source));
  b.id = new_batch_id();
  b.storage_problem.clear();
  // The new table first, then the old rows' records: were the table not kept, the old one would
  // come back after a reload without its outcomes, every row looking unsent.
  if (batch_store::save_table(b)) {
    batch_store::forget(old_rows, false);
  } else {
    b.storage_problem = k_not_kept;
  }
  show_batch_tab(s);
  keep_run(b);
}

int endpoint_index(const app_state& s, const std::string& endpoint) {
  for (std::size_t i = 0; i < s.forms.size(); ++i)
    if (s.forms[i].info->id == endpoint) return static_cast<int>(i);
  return -1;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

double batch_now() { return emscripten_date_now(); }

void init_batch(app_state& s) {
  g_state = &s;
  batch_state& b = s.batch;
  int unknown = 0;
  batch_lease::read_again();  // what this tab shows is what storage holds now
  if (!batch_store::load(b, unknown)) return;
  if (unknown > 0)
    b.run.resumed_note = plural(unknown, "row was", "rows were") +
                         " being sent when the page went away: each may or may not have arrived, so it is "
                         "marked unknown and is not sent again unless you choose to.";
  if (b.shown) show_batch_tab(s);
  if (!b.run.running) return;
  if (batch_lease::claim() == batch_lease::claim_result::refused) {
    b.run.running = false;  // here only: the other tab's run goes on
    b.run.stopped_reason = k_other_tab;
    return;
  }
  batch_lease::read_again();  // the lease is this tab's now, and the batch was just read
  const std::string note = b.run.resumed_note;
  const double resume_at = b.run.resume_at;
  begin_round(s);  // a reload ends the round it was in: this one carries on from there
  b.run.resumed_note = note;
  b.run.resume_at = resume_at;  // a 429's wait still holds
  if (!batch_connection_errors(s).empty()) {
    stop(s, "The page was reloaded while sending: enter the credentials in Connection (they are not kept "
            "unless \u201cRemember in this tab\u201d is on), then press Resume.");
    return;
  }
  pump(s);
}

void show_batch_tab(app_state& s) {
  batch_state& b = s.batch;
  if (b.endpoint.empty()) b.endpoint = s.form().info->id;
  if (!b.shown) {
    b.shown = true;
    keep_run(b);
  }
  const int index = endpoint_index(s, b.endpoint);
  if (index >= 0) select_endpoint(s, index);
}

void hide_batch_tab(app_state& s) {
  if (!s.batch.shown) return;
  s.batch.shown = false;
  keep_run(s.batch);
}

void load_batch_text(app_state& s, std::string_view text, std::string source) {
  batch_state& b = s.batch;
  if (b.run.running || b.run.in_flight > 0) {
    show_notice(s, "Pause the batch and let its sends end before reading another table.");
    return;
  }
  if (batch_started(b)) {  // its outcomes would go: ask first (the panel does)
    b.pending_text = std::string(text);
    b.pending_source = std::move(source);
    show_batch_tab(s);
    return;
  }
  replace_batch(s, text, std::move(source));
}

void confirm_pending_table(app_state& s, bool replace) {
  batch_state& b = s.batch;
  const std::string text = std::move(b.pending_text);
  std::string source = std::move(b.pending_source);
  b.pending_text.clear();
  b.pending_source.clear();
  if (replace && !b.run.running && b.run.in_flight == 0) replace_batch(s, text, std::move(source));
}

void clear_batch(app_state& s) {
  batch_state& b = s.batch;
  if (b.run.running || b.run.in_flight > 0) return;
  batch_store::forget(b.rows.size(), true);
  batch_state fresh;
  fresh.endpoint = b.endpoint;
  fresh.shown = b.shown;
  fresh.run.concurrency = b.run.concurrency;
  b = std::move(fresh);
  keep_run(b);
}

void batch_table_changed(app_state& s) {
  recheck_batch(s.batch);
  keep_table(s.batch);
  // A row fixed or included again may lie behind the run's cursor: it looks again from the top
  // (rows already tried are passed over there).
  s.batch.run.cursor = 0;
  pump(s);
}

void set_batch_endpoint(app_state& s, const std::string& endpoint) {
  batch_state& b = s.batch;
  if (batch_started(b) || endpoint == b.endpoint || find_endpoint(endpoint) == nullptr) return;
  b.endpoint = endpoint;
  b.columns.clear();
  for (const std::string& header : b.header) b.columns.push_back(match_column(endpoint, header));
  b.constants.clear();
  batch_table_changed(s);
  show_batch_tab(s);
}

void start_round(app_state& s, std::vector<std::size_t> only);

void start_batch(app_state& s) { start_round(s, {}); }

// A round of only the rows `only` (sorted), or of every row to send when it is empty.
void start_round(app_state& s, std::vector<std::size_t> only) {
  if (s.batch.run.running || s.batch.rows.empty()) return;
  if (!hold_lease(s.batch, true)) return;
  s.batch.run.only = std::move(only);
  begin_round(s);
  if (const issue_list errors = batch_connection_errors(s); !errors.empty()) {
    std::string why;
    for (const issue& e : errors) why += (why.empty() ? "" : " ") + e.message;
    stop(s, "The batch cannot send: " + why);
    return;
  }
  pump(s);
}

void pause_batch(app_state& s) {
  if (!s.batch.run.running) return;
  s.batch.run.running = false;
  keep_run(s.batch);
  if (s.batch.run.in_flight == 0) batch_lease::release();
}

void cancel_batch(app_state& s) {
  s.batch.run.running = false;
  s.batch.run.cancelled = true;
  keep_run(s.batch);
  if (s.batch.run.in_flight == 0) batch_lease::release();
}

// Only the failed rows go: rows a Cancel or Pause held back stay held back.
void retry_failed(app_state& s) {
  batch_state& b = s.batch;
  if (b.run.running || !hold_lease(b, true)) return;  // the rows as they stand now, if another tab sent
  std::vector<std::size_t> failed;
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    batch_row& row = b.rows[i];
    if (row.state != row_state::failed || !row.valid || row.excluded) continue;
    row.state = row_state::waiting;
    row.attempt = 0;
    row.throttled = 0;
    row.not_before = 0;
    keep_row(b, i);
    failed.push_back(i);
  }
  if (!failed.empty()) start_round(s, std::move(failed));
}

// A running batch takes the rows too; a stopped one sends only them.
void send_unknown(app_state& s, int only) {
  batch_state& b = s.batch;
  if (!b.run.running && !hold_lease(b, true)) return;
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    batch_row& row = b.rows[i];
    if (row.state != row_state::unknown || (only >= 0 && static_cast<std::size_t>(only) != i)) continue;
    row.state = row_state::waiting;
    row.attempt = 0;
    row.throttled = 0;
    row.not_before = 0;
    keep_row(b, i);
    b.run.cursor = std::min(b.run.cursor, i);
    chosen.push_back(i);
    if (!b.run.only.empty() && !in_round(b.run, i))
      b.run.only.insert(std::upper_bound(b.run.only.begin(), b.run.only.end(), i), i);
  }
  if (chosen.empty()) return;
  if (!b.run.running) start_round(s, std::move(chosen));
  else pump(s);
}

void set_batch_concurrency(app_state& s, int concurrency) {
  s.batch.run.concurrency = std::clamp(concurrency, 1, 16);
  keep_run(s.batch);
  pump(s);
}

issue_list batch_connection_errors(const app_state& s) {
  const batch_state& b = s.batch;
  issue_list out;
  for (const batch_row& row : b.rows) {
    if (!row.valid) continue;
    // Any valid body shows what the connection lacks: the core checks credentials and URL after it.
    for (issue& e : build_request(b.endpoint, row.body, options_for(s, b.endpoint)).errors)
      if (e.code == codes::credential || e.code == codes::base_url) out.push_back(std::move(e));
    break;
  }
  return out;
}

std::string batch_status(const app_state& s) {
  const batch_state& b = s.batch;
  const batch_run& run = b.run;
  const batch_counts n = count_rows(b);
  const int left = n.waiting;
  if (run.running) {
    const double wait = run.resume_at - batch_now();
    if (wait > 0)
      return "Waiting " + plural(static_cast<int>(std::ceil(wait / 1000)), "second", "seconds") + ": " + run.waiting_reason;
    if (n.sending > 0 || run.retries.empty()) return {};
    // Nothing in flight: every row left waits for its retry. Say which comes next, and why.
    std::size_t next = run.retries.front();
    for (std::size_t i : run.retries)
      if (b.rows[i].not_before < b.rows[next].not_before) next = i;
    const double due = std::max(0.0, std::ceil((b.rows[next].not_before - batch_now()) / 1000));
    return "Waiting " + plural(static_cast<int>(due), "second", "seconds") + " to try row " +
           std::to_string(b.rows[next].line) + " again. " + b.rows[next].message;
  }
  if (!run.stopped_reason.empty()) return "Stopped. " + run.stopped_reason;
  if (run.in_flight > 0) return "Letting the " + plural(run.in_flight, "send", "sends") + " in flight end\u2026";
  if (run.cancelled) return "Cancelled: " + plural(left, "row was", "rows were") + " not sent.";
  if (left == 0 && (run.finished || n.to_send > 0)) {
    std::string done = "Done: every row that could go has an outcome.";
    if (n.failed > 0) done += " Retry failed sends the " + plural(n.failed, "failed row", "failed rows") + " again.";
    return done;
  }
  if (n.done() > 0 && left > 0) return "Paused: " + plural(left, "row is", "rows are") + " still to send.";
  return {};
}

int batch_seconds_left(const app_state& s) {
  const batch_run& run = s.batch.run;
  if (!run.running || run.round_done < 3) return -1;
  const double elapsed = (batch_now() - run.round_started) / 1000.0;
  if (elapsed <= 0) return -1;
  const batch_counts n = count_rows(s.batch);
  const double rate = run.round_done / elapsed;
  return static_cast<int>(std::ceil((n.waiting + n.sending) / rate));
}

}  // namespace invitekit::web

// The batch's timer fired: a retry or the end of a 429's wait is due.
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_batch_timer() {
  using namespace invitekit::web;
  if (!g_state) return;
  g_state->batch.run.timer_at = 0;
  pump(*g_state);
  browser::wake();
}
