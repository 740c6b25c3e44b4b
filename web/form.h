// invitekit admin page: the invite form as data — each endpoint description's `fields` read
// into field specs, and the user's draft turned into the JSON body the core validates.
//
// Nothing here judges a value: the draft is serialized as typed, and invitekit::validate()
// says what is wrong with it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog.h"
#include "page_json.h"

namespace invitekit::web {

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
  std::string default_value;          // the schema's default (a string), pre-selected
  bool required = false;              // listed in its parent's "required"
  bool numeric = false;               // value (or list item) typed integer/number in the schema
  std::vector<std::pair<std::string, std::vector<std::string>>> show_when;  // path → values
};

struct endpoint_form {
  const endpoint_info* info = nullptr;
  std::string summary;
  std::string docs;                // the docs' URL, if the description has one
  std::vector<field_spec> fields;  // sorted by order
};

// Reads every endpoint of the catalog. Descriptions are embedded and trusted; a field the form
// cannot read is skipped.
std::vector<endpoint_form> load_forms();

// What the user typed, per endpoint. Hidden fields keep their text (switching back restores it)
// but are left out of the body.
struct draft {
  std::map<std::string, std::string> values;  // path → text (text, number, radio, combo)
  std::map<std::string, std::vector<std::string>> lists;  // path → rows (idList)
};

draft default_draft(const endpoint_form& form);

// Whether the field applies to the current draft (its showWhen conditions hold).
bool field_visible(const field_spec& field, const draft& d);

// Whether the form calls the field "optional": not required, and neither shown only for some
// choices (showWhen) nor one of a pair (exclusiveWith), which are needed whenever they apply.
bool field_optional(const field_spec& field);

// The body for the core: visible, non-empty fields at their paths, in field order; blank list
// rows skipped; numeric fields written as numbers when their text is a JSON number, else as
// strings (so the core reports the type). row_of maps "/website_ids/1" back to its row index.
struct body_text {
  std::string json;
  std::map<std::string, int> row_of;  // body pointer of a list item → row index in the draft
};
body_text draft_to_body(const endpoint_form& form, const draft& d);

// The reverse: a body (a history entry, a stored draft) read back into a draft. Values the
// form has no field for are dropped.
draft draft_from_body(const endpoint_form& form, const json& body);

// Splits pasted text into list rows: newlines, commas, semicolons, spaces and tabs separate.
std::vector<std::string> split_pasted_list(std::string_view text);

}  // namespace invitekit::web
