// invitekit admin page: a batch's table read and read again by the core (see batch.h).
#include "batch.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "field_issues.h"
#include "invite_table.h"
#include "table.h"

namespace invitekit::web {
namespace {

// Lines a piece of text ends, counted as the core counts them (CR LF, LF and a lone CR).
std::size_t line_ends(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++n;
  return n;
}

// A row never sent stands where the table puts it; a sent one keeps its state and outcome.
void place_unsent(batch_row& row) {
  if (row.tries > 0) return;
  row.state = row.excluded ? row_state::excluded : !row.valid ? row_state::invalid : row_state::waiting;
}

}  // namespace

void read_batch(batch_state& b, const std::string& endpoint, std::string_view text, std::string source) {
  const table t = read_table(text);
  batch_state fresh;
  fresh.endpoint = endpoint;
  fresh.source = std::move(source);
  fresh.run.concurrency = b.run.concurrency;
  fresh.shown = b.shown;
  for (const issue& e : t.errors)
    if (e.path.empty()) fresh.errors.push_back(e);
  if (fresh.errors.empty()) {
    fresh.header = t.header;
    for (const table_row& r : t.rows) {
      batch_row row;
      row.line = r.line;
      row.cells = r.cells;
      fresh.rows.push_back(std::move(row));
    }
    // Each column's field as the core matches it by its header; the admin may change it later.
    for (const std::string& header : t.header) fresh.columns.push_back(match_column(endpoint, header));
  }
  b = std::move(fresh);
  recheck_batch(b);
}

void recheck_batch(batch_state& b) {
  if (b.header.empty()) return;
  // The table as CSV again (cells as edited), each row's first line noted to find it after.
  std::string text = table_line(b.header);
  std::size_t line = 1 + line_ends(text);
  std::vector<std::size_t> line_of(b.rows.size());
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    line_of[i] = line;
    std::string row = table_line(b.rows[i].cells);
    line += line_ends(row);
    text += row;
  }
  table_options options;
  options.columns = b.columns;
  for (const auto& [path, value] : b.constants)
    if (!value.empty()) options.constants[path] = value;
  invite_table read = read_invite_table(b.endpoint, text, options);

  b.warnings = std::move(read.warnings);
  std::size_t next = 0;  // read.rows are in the same order; a row left blank by an edit is missing
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    batch_row& row = b.rows[i];
    while (next < read.rows.size() && read.rows[next].line < line_of[i]) ++next;
    if (next < read.rows.size() && read.rows[next].line == line_of[i]) {
      table_invite& invite = read.rows[next++];
      row.body = std::move(invite.body);
      row.valid = invite.valid;
      row.errors = std::move(invite.errors);
      row.warnings = std::move(invite.warnings);
    } else {  // every cell emptied: nothing to send
      row.body = json::object();
      row.valid = false;
      row.errors.clear();
      row.warnings.clear();
      row.excluded = true;
    }
    place_unsent(row);
  }
}

bool row_editable(const batch_row& row) { return row.tries == 0 || row.state == row_state::failed; }

bool batch_started(const batch_state& b) {
  return std::any_of(b.rows.begin(), b.rows.end(), [](const batch_row& r) { return r.tries > 0; });
}

int column_of_issue(const batch_state& b, const issue& e) {
  int best = -1;
  std::size_t best_length = 0;
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    const std::string& field = b.columns[c];
    if (!field.empty() && path_within(e.path, field) && (best < 0 || field.size() > best_length)) {
      best = static_cast<int>(c);
      best_length = field.size();
    }
  }
  return best;
}

batch_counts count_rows(const batch_state& b) {
  batch_counts n;
  n.rows = static_cast<int>(b.rows.size());
  for (const batch_row& r : b.rows) {
    switch (r.state) {
      case row_state::invalid: ++n.invalid; break;
      case row_state::excluded: ++n.excluded; break;
      case row_state::waiting:
        ++n.waiting;
        if (r.tries == 0) ++n.ready;
        break;
      case row_state::sending: ++n.sending; break;
      case row_state::succeeded: ++n.succeeded; break;
      case row_state::partial: ++n.partial; break;
      case row_state::already: ++n.already; break;
      case row_state::failed: ++n.failed; break;
      case row_state::unknown: ++n.unknown; break;
    }
  }
  n.to_send = n.rows - n.invalid - n.excluded;
  return n;
}

std::string results_csv(const batch_state& b) {
  std::string out = table_line({"row", "email", "state", "status", "message", "user_id", "invite_id", "attempts", "invite"});
  for (const batch_row& r : b.rows) {
    std::string message = r.message;
    if (r.state == row_state::invalid)
      for (const issue& e : r.errors) message += (message.empty() ? "" : " ") + e.message;
    out += table_line({std::to_string(r.line), text_of(at_pointer(r.body, "/email")), to_string(r.state),
                       r.status ? std::to_string(r.status) : std::string(), message, r.user_id, r.invite_id,
                       std::to_string(r.tries), json_text(r.body)});
  }
  return out;
}

std::string state_words(const batch_row& row, double now_ms) {
  switch (row.state) {
    case row_state::invalid: return "\u2717 to fix";
    case row_state::excluded: return "left out";
    case row_state::waiting: {
      if (row.tries == 0) return "ready";
      const double seconds = std::ceil((row.not_before - now_ms) / 1000.0);
      return seconds > 0 ? "retry in " + std::to_string(static_cast<int>(seconds)) + " s" : "retrying";
    }
    case row_state::sending: return "sending\u2026";
    case row_state::succeeded: return "\u2713 succeeded";
    case row_state::partial: return "partly done";
    case row_state::already: return "\u2713 already had access";
    case row_state::failed: return "\u2717 failed";
    case row_state::unknown: return "? unknown";
  }
  return {};
}

}  // namespace invitekit::web
