// invitekit: read_table — CSV and spreadsheet text, cell by cell, with the line of each problem.
#include "table.h"

#include "detail/json_pointer.h"
#include "detail/utf8.h"

namespace invitekit {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

std::string line_word(std::size_t line) { return std::to_string(line); }

void fail(table& t, std::string path, std::string message) {
  if (t.errors.size() < max_errors) t.errors.push_back({std::move(path), codes::table, std::move(message)});
}

std::string row_path(std::size_t index) {
  std::string path = "/rows";
  detail::append_pointer_index(path, index);
  return path;
}

// The line of a byte offset (1-based); CR LF, LF and a lone CR each end a line.
std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  return line;
}

// The separator the header line uses most outside quotes: a tab beats ';' beats ','.
char detect_separator(std::string_view text, std::size_t from) {
  std::size_t tabs = 0, semicolons = 0, commas = 0;
  bool quoted = false;
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (is_line_end(c)) {
      if (tabs + semicolons + commas > 0) break;  // the first line with any: the header
    } else if (c == '\t') ++tabs;
    else if (c == ';') ++semicolons;
    else if (c == ',') ++commas;
  }
  if (tabs > 0) return '\t';
  return semicolons > commas ? ';' : ',';
}

// Reads one record (a line, or several when a quoted cell holds line breaks) from `at`.
class record_reader {
 public:
  record_reader(std::string_view text, char separator) : text_(text), separator_(separator) {}

  struct record {
    std::size_t line = 0;
    std::vector<std::string> cells;
    bool text_after_quote = false;  // "ab"c: a cell that cannot be read as its author meant
    bool blank = true;              // nothing but one empty, unquoted cell
  };

  bool done() const { return at_ >= text_.size(); }
  std::size_t line() const { return line_; }
  std::size_t unclosed_quote_line() const { return unclosed_line_; }

  void skip_byte_order_mark() {
    if (text_.substr(at_, 3) == byte_order_mark) at_ += 3;
  }

  // False when a quote is never closed: nothing after it can be split into cells.
  bool next(record& r) {
    r = record{};
    r.line = line_;
    for (;;) {
      std::string cell;
      if (at_ < text_.size() && text_[at_] == '"') {
        r.blank = false;
        if (!quoted_cell(cell, r)) return false;
      } else {
        while (at_ < text_.size() && text_[at_] != separator_ && !is_line_end(text_[at_])) cell += text_[at_++];
        if (!cell.empty()) r.blank = false;
      }
      r.cells.push_back(std::move(cell));
      if (at_ < text_.size() && text_[at_] == separator_) {
        ++at_;
        r.blank = false;
        continue;
      }
      end_line();
      return true;
    }
  }

 private:
  bool quoted_cell(std::string& cell, record& r) {
    const std::size_t opened = line_;
    ++at_;  // the opening quote
    for (;;) {
      if (at_ >= text_.size()) {
        unclosed_line_ = opened;
        return false;
      }
      const char c = text_[at_++];
      if (c == '"') {
        if (at_ < text_.size() && text_[at_] == '"') {
          cell += '"';
          ++at_;
          continue;
        }
        break;
      }
      if (c == '\n' || (c == '\r' && (at_ >= text_.size() || text_[at_] != '\n'))) ++line_;
      cell += c;
    }
    // After the closing quote: the separator or the end of the line, or text nobody can place.
    while (at_ < text_.size() && text_[at_] != separator_ && !is_line_end(text_[at_])) {
      r.text_after_quote = true;
      cell += text_[at_++];
    }
    return true;
  }

  void end_line() {
    if (at_ >= text_.size()) return;
    if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
  }

  std::string_view text_;
  const char separator_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t unclosed_line_ = 0;
};

}  // namespace

table read_table(std::string_view text) {
  table t;
  if (text.size() > max_table_bytes) {
    fail(t, "", "The table is too large: " + std::to_string(text.size()) +
                    " bytes, and the limit is 10 MiB. Split it into smaller files.");
    return t;
  }
  if (text.substr(0, 3) == byte_order_mark) text.remove_prefix(3);
  for (std::size_t i = 0; i < text.size();) {
    const int n = detail::utf8_sequence_length(text.data() + i, text.size() - i);
    if (n == 0) {
      static const char hex[] = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(text[i]);
      fail(t, "", "Line " + line_word(line_of(text, i)) + " is not UTF-8 text (byte 0x" + hex[byte >> 4] + hex[byte & 15] +
                      "). Save the file as \"CSV UTF-8\" and try again.");
      return t;
    }
    i += static_cast<std::size_t>(n);
  }

  // Excel's own way to name the separator: a first line "sep=;".
  std::size_t start = 0;
  std::size_t first_line = 1;
  if (text.size() >= 5 && text.substr(0, 4) == "sep=" && !is_line_end(text[4]) &&
      (text.size() == 5 || is_line_end(text[5]))) {
    t.separator = text[4];
    start = text.size() > 5 && text[5] == '\r' && text.size() > 6 && text[6] == '\n' ? 7 : 6;
    first_line = 2;
  } else {
    t.separator = detect_separator(text, 0);
  }

  record_reader reader(text.substr(std::min(start, text.size())), t.separator);
  record_reader::record r;
  bool have_header = false;
  while (!reader.done()) {
    // A byte-order mark is only one at the very start, but files glued together or saved after a
    // "sep=" line carry it onto a line before the header: it is never part of a column's name.
    if (!have_header) reader.skip_byte_order_mark();
    if (!reader.next(r)) {
      fail(t, "", "Line " + line_word(reader.unclosed_quote_line() + first_line - 1) +
                      ": a cell opens with a quote (\") that is never closed, so the rest of the text cannot be "
                      "split into cells. Add the closing quote.");
      return t;
    }
    if (r.blank) continue;
    const std::size_t line = r.line + first_line - 1;
    if (!have_header) {
      t.header = std::move(r.cells);
      have_header = true;
      if (r.text_after_quote)
        fail(t, "", "Line " + line_word(line) +
                        " (the header): there is text right after the closing quote of a cell. Inside a quoted cell, "
                        "write a quote as two quotes (\"\").");
      continue;
    }
    const std::size_t index = t.rows.size();
    if (r.text_after_quote)
      fail(t, row_path(index), "Row " + line_word(line) +
                                   ": there is text right after the closing quote of a cell. Inside a quoted cell, "
                                   "write a quote as two quotes (\"\").");
    if (r.cells.size() != t.header.size())
      fail(t, row_path(index), "Row " + line_word(line) + " has " + std::to_string(r.cells.size()) +
                                   (r.cells.size() == 1 ? " cell" : " cells") + ", but the header has " +
                                   std::to_string(t.header.size()) +
                                   ": a separator is missing or extra, so its cells would land in the wrong columns.");
    t.rows.push_back({line, std::move(r.cells)});
  }
  if (!have_header)
    fail(t, "", "The table is empty: its first line should name the columns (Email, First name, …).");
  return t;
}

std::string table_line(const std::vector<std::string>& cells, char separator) {
  // One empty cell written as nothing would read back as a blank line, which is skipped.
  if (cells.size() == 1 && cells[0].empty()) return "\"\"\r\n";
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += separator;
    const std::string& cell = cells[i];
    // Every separator read_table could guess is quoted, not only this one: the text then reads
    // back the same whichever it guesses from the header.
    // So is a leading byte-order mark, which read_table would drop from a table's first line.
    const bool quote = cell.find_first_of(std::string("\"\r\n,;\t") + separator) != std::string::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ')) ||
                       cell.rfind(byte_order_mark, 0) == 0;
    if (!quote) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

}  // namespace invitekit
