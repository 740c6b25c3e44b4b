// invitekit: a table of people as invites for one endpoint — each column matched to one of the
// endpoint's fields by its header, each row turned into the body the form would send for it
// (fields.h), and that body checked with validate().
//
//   invitekit::table_options options;
//   options.constants["/invite_method"] = "email";            // the same for every row
//   auto t = invitekit::read_invite_table("athena.createInvite", csv_text, options);
//   for (const auto& row : t.rows) if (row.valid) send(row.body); else show(row.line, row.errors);
//
// Headers match a field by its path's name, its label or one of its `columns` words in the
// endpoint description, blind to case, spaces and punctuation: "E-mail", "First Name",
// "first_name", "Website ID". A cell is trimmed; a choice may be written as its value or its
// label in any case ("Viewer", "Send an email invitation"); a list cell ("1, 2, 3") is split as
// a pasted list. Fields the endpoint description lists under "table"/"unique" (the email) must
// not repeat: every row with a value another row has too gets a "duplicate" warning there.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "issue.h"
#include "json_text.h"

namespace invitekit {

struct column_match {
  std::string header;  // as written in the table
  std::string field;   // the field's path ("/email"), or "" when the column is left out
};

struct table_options {
  // The field of each column by position, in place of matching its header ("" leaves the column
  // out). Columns past its end are matched by header.
  std::vector<std::string> columns;
  // Text for a field in every row (as typed in the form: "viewer"), by path; a row's own
  // non-empty cell for that field wins.
  std::map<std::string, std::string> constants;
};

struct table_invite {
  std::size_t line = 0;  // the row's line in the text: a spreadsheet's row number
  json body;             // the body the form would send (validate() adds the defaults)
  bool valid = false;    // no errors
  issue_list errors;     // the row's own (code "table": a cell too many, …), then validate()'s
  issue_list warnings;   // validate()'s, and "duplicate" for a value another row has too
};

struct invite_table {
  std::vector<column_match> columns;
  std::vector<table_invite> rows;
  char separator = ',';
  std::size_t valid_count = 0;
  issue_list errors;    // the text as a whole (code "table", "endpoint"): then there are no rows
  issue_list warnings;  // code "column": a column left out, two columns for one field, a required
                        // field no column or constant gives
};

invite_table read_invite_table(std::string_view endpoint_id, std::string_view text, const table_options& options = {});

// The field whose column a header names for the endpoint, or "".
std::string match_column(std::string_view endpoint_id, std::string_view header);

}  // namespace invitekit
