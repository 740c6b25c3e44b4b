// invitekit fuzz target: the table reader and the table of invites on any bytes (table.h,
// invite_table.h).
//   - never crashes or throws; errors are capped and every one says something;
//   - a table read without errors is a header and rows whose lines only grow, and writing each row
//     back with table_line reads back as the same cells;
//   - read_invite_table on the same text (for the endpoint the first byte names) gives one
//     column per header cell, one invite per row, and a row is valid exactly when it has no error;
//     no valid row's body is refused by validate().
#include "fuzz_support.h"
#include "invite_table.h"
#include "table.h"
#include "validate.h"

using namespace invitekit;
using invitekit::fuzz::check_issues;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  invitekit::fuzz::fuzz_input input(data, size);
  const std::string id = input.endpoint_id();
  const std::string_view text = input.rest();

  const table t = read_table(text);
  check_issues(t.errors, "read_table");
  // Any other separator was named by Excel's first line "sep=X" (after a byte-order mark or not).
  const std::string_view unmarked = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
  INVITEKIT_FUZZ_CHECK(t.separator == ',' || t.separator == ';' || t.separator == '\t' || unmarked.substr(0, 4) == "sep=",
                       std::string("separator ") + t.separator);
  std::size_t last_line = 0;
  for (const table_row& row : t.rows) {
    INVITEKIT_FUZZ_CHECK(row.line > last_line, "rows' lines must grow");
    last_line = row.line;
  }
  if (t.errors.empty() && !t.header.empty() && t.separator != '"' && t.separator != '\r' && t.separator != '\n') {
    // Written back, every row reads as the same cells (under the same header).
    std::string again = table_line(t.header, t.separator);
    for (const table_row& row : t.rows) again += table_line(row.cells, t.separator);
    const table back = read_table((t.separator == ',' ? "" : std::string("sep=") + t.separator + "\r\n") + again);
    INVITEKIT_FUZZ_CHECK(back.errors.empty(), "table_line wrote what read_table refuses: " + back.errors.front().message);
    INVITEKIT_FUZZ_CHECK(back.header == t.header, "the header reads back differently");
    // Every row, a lone empty cell ("") included: table_line writes it so it is not a blank line.
    INVITEKIT_FUZZ_CHECK(back.rows.size() == t.rows.size(), "as many rows read back");
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      INVITEKIT_FUZZ_CHECK(back.rows[i].cells == t.rows[i].cells, "a row reads back differently");
  }

  const invite_table invites = read_invite_table(id, text);
  check_issues(invites.errors, "read_invite_table errors");
  check_issues(invites.warnings, "read_invite_table warnings");
  if (invites.errors.empty()) {
    INVITEKIT_FUZZ_CHECK(invites.columns.size() == t.header.size(), "a column per header cell");
    INVITEKIT_FUZZ_CHECK(invites.rows.size() == t.rows.size(), "an invite per row");
  }
  std::size_t valid = 0;
  for (const table_invite& row : invites.rows) {
    check_issues(row.errors, "row errors");
    check_issues(row.warnings, "row warnings");
    INVITEKIT_FUZZ_CHECK(row.valid == row.errors.empty(), "valid exactly when there is no error");
    if (row.valid) {
      ++valid;
      INVITEKIT_FUZZ_CHECK(validate(id, row.body).valid, "validate() refuses a row the table called valid");
    }
  }
  INVITEKIT_FUZZ_CHECK(valid == invites.valid_count, "valid_count");
  return 0;
}
