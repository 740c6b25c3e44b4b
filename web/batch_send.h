// invitekit admin page: sending a batch — the valid, included rows of the table, at most
// `concurrency` at once, each answer read by the core (read_response) and followed by its rule
// (send_policy.h) exactly as `invitekit send` follows it: a 429 holds back the whole batch for its
// Retry-After, a 5xx or a failed connection is tried again after a growing wait, any other 4xx is
// final for its row, a 401 stops the batch.
//
// Nothing is lost and nothing is sent twice: each row is written to the browser (batch_store.h)
// as "sending" before its request starts and with its outcome when it ends. After a reload the
// batch carries on where it stopped; a row that was in flight then is "unknown" and goes again
// only when the admin asks (send_unknown): an email invite sent twice sends two emails.
#pragma once

#include <string>
#include <string_view>

#include "app_state.h"

namespace invitekit::web {

// After init_state: the batch an earlier visit kept, resumed if it was sending.
void init_batch(app_state& s);

// Shows the tab "Invite many people" (and makes the batch's endpoint the current one, so the
// connection panel shows its credentials).
void show_batch_tab(app_state& s);
void hide_batch_tab(app_state& s);

// A new table (pasted, opened, dropped) for the batch's endpoint. Refused while rows are in
// flight; when the current batch has outcomes, kept aside until confirm_pending_table().
void load_batch_text(app_state& s, std::string_view text, std::string source);
void confirm_pending_table(app_state& s, bool replace);
void clear_batch(app_state& s);

// After the admin changed the table (a cell, the mapping, a constant, the endpoint, a row left
// out): read it again and keep it.
void batch_table_changed(app_state& s);
void set_batch_endpoint(app_state& s, const std::string& endpoint);

void start_batch(app_state& s);  // Send, and Resume
void pause_batch(app_state& s);
void cancel_batch(app_state& s);  // no new sends; those in flight end and keep their outcome
void retry_failed(app_state& s);  // failed rows (valid, included) go again, with fresh tries
void send_unknown(app_state& s, int row);  // one unknown row (-1: all of them) goes again
void set_batch_concurrency(app_state& s, int concurrency);

// What keeps the batch from being sent now (no key, a bad server URL), as the core says it.
issue_list batch_connection_errors(const app_state& s);

// The batch in one plain sentence: why it waits, that it is paused, stopped or done, or "".
std::string batch_status(const app_state& s);

// Seconds until the batch is done at the pace of this round, or -1 when not known yet.
int batch_seconds_left(const app_state& s);

// Milliseconds since the epoch (what the stored times count in).
double batch_now();

}  // namespace invitekit::web
