// invitekit admin page: the invite form per endpoint — the core's field specs (fields.h) with
// what the page shows around them (summary, docs link).
//
// Nothing here judges a value: the core turns a draft into a body (draft_to_body) and
// invitekit::validate() says what is wrong with it.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "fields.h"

namespace invitekit::web {

using invitekit::default_draft;
using invitekit::draft;
using invitekit::draft_body;
using invitekit::draft_from_body;
using invitekit::draft_to_body;
using invitekit::field_choice;
using invitekit::field_optional;
using invitekit::field_spec;
using invitekit::field_visible;
using invitekit::split_list;

struct endpoint_form {
  const endpoint_info* info = nullptr;
  std::string summary;
  std::string docs;                // the docs' URL, if the description has one
  std::vector<field_spec> fields;  // sorted by order
};

// Every endpoint of the catalog as a form.
std::vector<endpoint_form> load_forms();

// The core's draft functions for a form.
inline draft default_draft(const endpoint_form& form) { return default_draft(form.fields); }
inline draft_body draft_to_body(const endpoint_form& form, const draft& d) { return draft_to_body(form.fields, d); }
inline draft draft_from_body(const endpoint_form& form, const json& body) { return draft_from_body(form.fields, body); }

}  // namespace invitekit::web
