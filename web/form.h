// invitekit admin page: the invite form as data — each endpoint's fields as the core reads them
// from its description (fields.h, the same model a table of people goes through), and the user's
// draft turned into the JSON body the core validates.
//
// Nothing here judges a value: the draft is serialized as typed, and invitekit::validate()
// says what is wrong with it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "fields.h"
#include "page_json.h"

namespace invitekit::web {

using invitekit::draft;
using invitekit::field_choice;
using invitekit::field_optional;
using invitekit::field_spec;
using invitekit::field_visible;

struct endpoint_form {
  const endpoint_info* info = nullptr;
  std::string summary;
  std::string docs;                // the docs' URL, if the description has one
  std::vector<field_spec> fields;  // sorted by order (invitekit::endpoint_fields)
};

// Every endpoint of the catalog.
std::vector<endpoint_form> load_forms();

draft default_draft(const endpoint_form& form);

// The body for the core as text (draft_to_body of fields.h); row_of maps a list item's body
// pointer ("/website_ids/1") back to its row in the draft.
struct body_text {
  std::string json;
  std::map<std::string, int> row_of;
};
body_text draft_to_body(const endpoint_form& form, const draft& d);

// The reverse: a body (a history entry, a stored draft) read back into a draft.
draft draft_from_body(const endpoint_form& form, const json& body);

// Splits pasted text into list rows: newlines, commas, semicolons, spaces and tabs separate.
std::vector<std::string> split_pasted_list(std::string_view text);

}  // namespace invitekit::web
