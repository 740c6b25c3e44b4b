// invitekit: read_invite_table — columns to fields, rows to bodies, bodies to validate().
#include "invite_table.h"

#include <algorithm>
#include <utility>

#include "catalog.h"
#include "detail/compiled_endpoint.h"
#include "detail/json_equal.h"
#include "detail/json_pointer.h"
#include "detail/quoted.h"
#include "fields.h"
#include "table.h"
#include "validate.h"

namespace invitekit {
namespace {

// "E-mail" and "email", "First Name" and "first_name": letters lowercased, digits kept, the
// rest dropped.
std::string folded(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out += c;
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// The name a path gives its value: its last token ("/permissions/read" → "read").
std::string last_token(std::string_view path) {
  std::string last;
  detail::for_each_pointer_token(path, [&](std::string token) {
    last = std::move(token);
    return true;
  });
  return last;
}

const field_spec* find_field(const std::vector<field_spec>& fields, std::string_view path) {
  for (const field_spec& f : fields)
    if (f.path == path) return &f;
  return nullptr;
}

std::string field_for_header(const std::vector<field_spec>& fields, std::string_view header) {
  const std::string name = folded(header);
  if (name.empty()) return {};
  for (const field_spec& f : fields) {
    if (name == folded(last_token(f.path)) || name == folded(f.label)) return f.path;
    for (const std::string& word : f.columns)
      if (name == folded(word)) return f.path;
  }
  return {};
}

// A cell as the form's draft holds it: a choice written as its value or its label becomes the
// value; anything else stays as written (validate() says what is wrong with it).
std::string choice_value(const field_spec& field, std::string_view cell) {
  const std::string name = folded(cell);
  for (const field_choice& c : field.choices)
    if (name == folded(c.value) || name == folded(c.label)) return c.value;
  return std::string(cell);
}

void put_in_draft(draft& d, const field_spec& field, std::string_view cell) {
  if (field.widget == "idList") {
    d.lists[field.path] = split_list(cell);
  } else {
    d.values[field.path] = field.choices.empty() ? std::string(cell) : choice_value(field, cell);
  }
}

std::string row_list(const std::vector<std::size_t>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (lines.size() > 3) out += " and " + std::to_string(lines.size() - 3) + " more";
  return out;
}

// Each value of a "unique" field that several rows share: a "duplicate" warning on each of them,
// naming the others. Values compare trimmed and blind to case (an email's case does not matter).
void warn_duplicates(const json& description, invite_table& t) {
  const auto table = description.find("table");
  if (table == description.end() || !table->is_object()) return;
  const auto unique = table->find("unique");
  if (unique == table->end()) return;
  for (const json& rule : detail::elements_of(*unique)) {
    const std::string path = rule.value("path", "");
    const std::string words = rule.value("message", "This value is also on row {rows}.");
    std::map<std::string, std::vector<std::size_t>> rows_of;  // folded value → row indexes
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const json* v = detail::resolve_pointer(t.rows[i].body, path);
      if (v == nullptr || !v->is_string()) continue;
      std::string key(trimmed(detail::string_of(*v)));
      for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!key.empty()) rows_of[key].push_back(i);
    }
    for (const auto& [value, rows] : rows_of) {
      if (rows.size() < 2) continue;
      for (std::size_t i : rows) {
        std::vector<std::size_t> others;
        for (std::size_t j : rows)
          if (j != i) others.push_back(t.rows[j].line);
        std::string message = words;
        if (const std::size_t at = message.find("{rows}"); at != std::string::npos) message.replace(at, 6, row_list(others));
        if (t.rows[i].warnings.size() < max_errors) t.rows[i].warnings.push_back({path, "duplicate", std::move(message)});
      }
    }
  }
}

}  // namespace

std::string match_column(std::string_view endpoint_id, std::string_view header) {
  return field_for_header(endpoint_fields(endpoint_id), header);
}

invite_table read_invite_table(std::string_view endpoint_id, std::string_view text, const table_options& options) {
  invite_table out;
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) {
    out.errors.push_back(detail::unknown_endpoint_issue(endpoint_id));
    return out;
  }
  table t = read_table(text);
  out.separator = t.separator;
  issue_list row_errors;  // "/rows/<i>" errors, given to their rows below
  for (issue& e : t.errors) (e.path.empty() ? out.errors : row_errors).push_back(std::move(e));
  if (!out.errors.empty()) return out;

  const std::vector<field_spec>& fields = endpoint_fields(endpoint_id);
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string field = c < options.columns.size() ? options.columns[c] : field_for_header(fields, t.header[c]);
    out.columns.push_back({t.header[c], find_field(fields, field) != nullptr ? field : std::string()});
  }
  const auto warn = [&](std::string path, std::string message) {
    if (out.warnings.size() < max_errors) out.warnings.push_back({std::move(path), codes::column, std::move(message)});
  };
  for (std::size_t c = 0; c < out.columns.size(); ++c) {
    std::string path = "/columns";
    detail::append_pointer_index(path, c);
    const column_match& col = out.columns[c];
    if (col.field.empty()) {
      const bool left_out_on_purpose = c < options.columns.size() && options.columns[c].empty();
      if (!left_out_on_purpose)
        warn(path, "The column " + detail::single_quoted(col.header) + " matches no field of this invite, so it is left out.");
      continue;
    }
    for (std::size_t earlier = 0; earlier < c; ++earlier)
      if (out.columns[earlier].field == col.field) {
        warn(path, "The columns " + detail::single_quoted(out.columns[earlier].header) + " and " +
                       detail::single_quoted(col.header) + " both give " +
                       detail::single_quoted(find_field(fields, col.field)->label) + "; only the first is used.");
        out.columns[c].field.clear();
        break;
      }
  }
  for (const field_spec& f : fields) {
    if (!f.required) continue;
    const bool given = options.constants.count(f.path) != 0 ||
                       std::any_of(out.columns.begin(), out.columns.end(), [&](const column_match& c) { return c.field == f.path; });
    if (!given)
      warn("/columns", "No column gives " + detail::single_quoted(f.label) +
                           ", which every invite needs: add a column for it, or give one value for every row.");
  }

  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const table_row& row = t.rows[i];
    draft d = default_draft(fields);
    for (const auto& [path, value] : options.constants)
      if (const field_spec* f = find_field(fields, path)) put_in_draft(d, *f, trimmed(value));
    for (std::size_t c = 0; c < row.cells.size() && c < out.columns.size(); ++c) {
      const field_spec* f = find_field(fields, out.columns[c].field);
      const std::string_view cell = trimmed(row.cells[c]);
      if (f != nullptr && !cell.empty()) put_in_draft(d, *f, cell);
    }
    table_invite invite;
    invite.line = row.line;
    invite.body = draft_to_body(fields, d).body;
    std::string path = "/rows";
    detail::append_pointer_index(path, i);
    for (const issue& e : row_errors)
      if (e.path == path) invite.errors.push_back({"", e.code, e.message});
    validation_result checked = validate(endpoint_id, invite.body, {.with_value = false});
    for (issue& e : checked.errors)
      if (invite.errors.size() < max_errors) invite.errors.push_back(std::move(e));
    invite.warnings = std::move(checked.warnings);
    invite.valid = invite.errors.empty();
    out.rows.push_back(std::move(invite));
  }
  warn_duplicates(ep->info->description, out);
  for (const table_invite& r : out.rows) out.valid_count += r.valid;
  return out;
}

}  // namespace invitekit
