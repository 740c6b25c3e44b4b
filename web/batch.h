// invitekit admin page: a batch of invites — a table of people (pasted or opened from a file), its
// columns matched to an endpoint's fields, values given once for every row, each row read and
// checked by the core (invite_table.h), and where each row stands in sending (send_policy.h).
//
// Nothing here judges a cell: the core reads the table again after every change (a cell edited,
// a column mapped, a constant set) and says which rows are valid and why the others are not.
// Sending is in batch_send.h, keeping it in the browser in batch_store.h.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "issue.h"
#include "page_json.h"
#include "send_policy.h"

namespace invitekit::web {

struct batch_row {
  std::size_t line = 0;            // where the row starts in the text it came from
  std::vector<std::string> cells;  // as read, then as edited
  bool excluded = false;           // left out by the admin

  // The core's reading of the row, renewed after every change.
  json body;
  bool valid = false;
  issue_list errors;
  issue_list warnings;

  // Sending. `state` is invalid, excluded or waiting until the row is first sent.
  row_state state = row_state::waiting;
  int attempt = 0;         // tries in this round
  int throttled = 0;       // … of them answered 429: the key's limit, not the row's, so they do not
                           // use up the row's tries (send_policy.h: a row never fails for a 429)
  int tries = 0;           // tries in all: 0 means it never left the page
  double not_before = 0;   // a retry's time (ms since the epoch)
  int status = 0;          // the last answer's HTTP status (0: none)
  std::string message;     // the server's words, or why the row waits or failed
  std::string user_id;
  std::string invite_id;
};

// Where a batch stands as a whole while it sends.
struct batch_run {
  bool running = false;     // sending; after a reload, resumed
  bool cancelled = false;   // the admin cancelled: the rows left were not sent
  bool finished = false;    // every row that could go has an outcome
  int concurrency = 4;      // sends at once
  int in_flight = 0;
  double resume_at = 0;       // a 429 holds back the whole batch until then (ms since the epoch)
  std::string waiting_reason; // the server's reason for that wait, said as it is
  std::string stopped_reason; // why the batch stopped by itself (a key refused, none given)
  std::string resumed_note;   // what a reload found (rows in flight turned "unknown")
  double round_started = 0;   // for "time left": when Send/Resume was pressed …
  int round_done = 0;         // … and how many rows got an outcome since
  std::size_t cursor = 0;            // rows before it have been taken in this round
  std::vector<std::size_t> retries;  // rows waiting for a retry (a few at a time)
  std::vector<std::size_t> only;     // sorted: this round sends only these rows (Retry failed or
                                     // Send again while stopped); empty: every row to send
  double timer_at = 0;               // when the batch's timer fires next (0: none set)
};

struct batch_state {
  std::string id;        // the table's identity in storage: a new one for each table read
  std::string endpoint;  // the endpoint every row is sent to
  std::string source;    // "pasted text" or the file's name
  std::vector<std::string> header;
  std::vector<std::string> columns;  // the field of each column ("" leaves it out)
  std::map<std::string, std::string> constants;  // field path → text for every row
  std::vector<batch_row> rows;
  issue_list errors;    // the text could not be read as a table at all (then no rows)
  issue_list warnings;  // columns left out, a required field no column gives
  batch_run run;

  // The tab.
  bool shown = false;
  int selected = -1;  // the row whose messages and actions show under the table
  std::string storage_problem;  // the browser refused to keep the batch (storage full)
  std::string pending_text;     // a new table waiting for the admin's yes: it replaces outcomes
  std::string pending_source;

  bool empty() const { return header.empty() && errors.empty(); }
};

// Reads `text` (CSV, or a spreadsheet's tab-separated clipboard) as a new batch for the endpoint:
// columns matched to fields by their header, every row checked. Any earlier batch is replaced.
void read_batch(batch_state& b, const std::string& endpoint, std::string_view text, std::string source);

// Reads every row again after a cell, the mapping, a constant or the endpoint changed. Rows that
// were sent keep their state; the others become waiting, invalid or excluded as the core says.
void recheck_batch(batch_state& b);

// Whether the admin may still change a row (edit a cell, leave it out): it has not been sent, or
// its sending failed for good.
bool row_editable(const batch_row& row);

// Whether nothing in the table may change any more (mapping, constants, endpoint): a row was sent.
bool batch_started(const batch_state& b);

// The column of the table that gives the field an issue is about, or -1 (the field comes from no
// column: a constant, or nothing).
int column_of_issue(const batch_state& b, const issue& e);

// How many rows stand where.
struct batch_counts {
  int rows = 0;
  int ready = 0;      // valid, included, never sent
  int invalid = 0;
  int excluded = 0;
  int to_send = 0;    // valid and included: what this batch sends in all
  int waiting = 0;    // still to go: never sent, or waiting for a retry
  int sending = 0;
  int succeeded = 0;
  int partial = 0;
  int already = 0;
  int failed = 0;
  int unknown = 0;
  int done() const { return succeeded + partial + already + failed + unknown; }
};
batch_counts count_rows(const batch_state& b);

// Every row with its outcome as CSV, in the columns `invitekit send --results` writes (so the CLI
// can carry on from it): row, email, state, status, message, user_id, invite_id, attempts, invite.
std::string results_csv(const batch_state& b);

// The words for a row's state in the table ("ready", "succeeded", "waiting 3 s", …).
std::string state_words(const batch_row& row, double now_ms);

}  // namespace invitekit::web
