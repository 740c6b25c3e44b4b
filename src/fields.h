// invitekit: an endpoint's fields as a form sees them, and a form's text turned into a body.
//
//   const auto& fields = invitekit::endpoint_fields("athena.createInvite");
//   invitekit::draft d = invitekit::default_draft(fields);
//   d.values["/email"] = "ann@example.com";
//   invitekit::json body = invitekit::draft_to_body(fields, d).body;   // then validate(id, body)
//
// The fields come from the endpoint description's `fields` (label, widget, help, …) and its
// schema (choices, default, required, numeric). The admin page's form and a table of people
// (invite_table.h) both go through here, so a row of a spreadsheet becomes exactly the body the
// form would send. Nothing here judges a value: text is written as typed, and validate() says
// what is wrong with it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_text.h"

namespace invitekit {

struct field_choice {
  std::string value;  // the enum value sent
  std::string label;  // choiceLabels[value], or the value itself
};

// One entry of an endpoint description's `fields`, with what the schema says about it.
struct field_spec {
  std::string path;  // JSON Pointer into the body: "/email", "/permissions/read"
  std::string label;
  std::string widget;  // "text", "number", "radio", "combo", "idList"
  std::string placeholder;
  std::string help;
  std::string exclusive_with;  // another field's path (bulk: website IDs vs group IDs)
  int order = 0;
  std::vector<field_choice> choices;  // the schema's enum, in its order
  std::string default_value;          // the schema's default (as text), pre-selected
  bool required = false;              // listed in its parent's "required"
  bool numeric = false;               // value (or list item) typed integer/number in the schema
  std::vector<std::pair<std::string, std::vector<std::string>>> show_when;  // path → values
  std::vector<std::string> columns;   // other names a table's header may give it ("E-mail")
};

// The endpoint's fields, sorted by order; empty for an id the catalog does not know.
const std::vector<field_spec>& endpoint_fields(std::string_view endpoint_id);

// What someone typed for each field. Hidden fields keep their text (switching back restores
// it) but are left out of the body.
struct draft {
  std::map<std::string, std::string> values;              // path → text (text, number, radio, combo)
  std::map<std::string, std::vector<std::string>> lists;  // path → rows (idList)
};

// The schema's defaults, and one empty row in each list to type into.
draft default_draft(const std::vector<field_spec>& fields);

// Whether the field applies to the draft (its showWhen conditions hold).
bool field_visible(const field_spec& field, const draft& d);

// Whether a form calls the field "optional": not required, and neither shown only for some
// choices (showWhen) nor one of a pair (exclusiveWith), which are needed whenever they apply.
bool field_optional(const field_spec& field);

// The body: visible, non-empty fields at their paths, in field order; blank list rows skipped;
// numeric fields written as numbers when their text is a JSON number, else as text (so
// validate() reports the type). row_of maps "/website_ids/1" back to its row in the draft.
struct draft_body {
  json body;
  std::map<std::string, int> row_of;
};
draft_body draft_to_body(const std::vector<field_spec>& fields, const draft& d);

// The reverse: a body (a history entry, a stored draft) read back into a draft. Values without
// a field are dropped.
draft draft_from_body(const std::vector<field_spec>& fields, const json& body);

// A value as a form shows it: text unquoted, numbers as JSON writes them, null and a missing
// value (nullptr) as "", arrays and objects as compact JSON.
std::string text_of(const json* value);

// Splits a pasted list into its entries: newlines, commas, semicolons, spaces and tabs separate.
std::vector<std::string> split_list(std::string_view text);

}  // namespace invitekit
