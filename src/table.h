// invitekit: a table of people — a CSV file or what a spreadsheet puts on the clipboard — read
// into a header and rows of cells, every problem with the line it is on.
//
//   invitekit::table t = invitekit::read_table(text);
//   for (const auto& e : t.errors) show(e.message);  // "Row 7 has 4 cells, but the header has 5: …"
//   for (const auto& row : t.rows) use(row.line, row.cells);
//
// Read: RFC 4180 CSV (quoted cells, "" for a quote inside one, line breaks inside quotes, CRLF
// or LF or CR line ends), a leading UTF-8 byte order mark, and the separator the text uses:
// a tab (a spreadsheet's clipboard), ';' (Excel in many locales) or ','. It is taken from the
// header line — the one most used outside quotes among tab, ';' and ',' — or from an Excel
// "sep=;" first line. Blank lines are skipped. Never throws.
//
// What cannot be read as the author meant is an error (code "table"), never a guess and never a
// shifted column: text that is not UTF-8, a quote that is never closed (both stop the reading),
// text right after a closing quote, and a row with more or fewer cells than the header (the row
// is kept, with its error at "/rows/<index>", so a table can show it and leave it out).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "issue.h"

namespace invitekit {

struct table_row {
  std::size_t line = 0;             // where the row starts in the text, 1-based (a spreadsheet's row number)
  std::vector<std::string> cells;   // as written: quotes removed, nothing trimmed
};

struct table {
  std::vector<std::string> header;
  std::vector<table_row> rows;
  char separator = ',';  // ',' ';' or '\t'
  issue_list errors;     // code "table": path "" for the text, "/rows/<index>" for one row
};

// Text longer than this is an error rather than a table (10 MiB: some 50,000 people).
inline constexpr std::size_t max_table_bytes = 10u << 20;

table read_table(std::string_view text);

// One row as a CSV line, ending in CRLF (RFC 4180): a cell holding a separator (any of , ; and
// tab), a quote, a line break, or space at either end is quoted, its quotes doubled. What
// read_table reads back.
std::string table_line(const std::vector<std::string>& cells, char separator = ',');

}  // namespace invitekit
