// invitekit admin page: the core's issues sorted to the form field they concern — what the canvas
// shows under each field and the accessible form links to its control (aria-describedby).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app_state.h"

namespace invitekit::web {

// Issues for one field; those aimed at one list row go to `row_*` instead (by row index).
struct field_issues {
  std::vector<const issue*> errors, warnings;
  std::vector<std::pair<int, const issue*>> row_errors, row_warnings;
};

// Whether a body path is the field's own or lies under it ("/website_ids/2" under "/website_ids").
bool path_within(const std::string& path, const std::string& field);

field_issues issues_for(const app_state& s, const field_spec& field);

// Errors are said in full once the field was edited (or holds a value); before that they are
// said quietly, so a fresh form is not a wall of red.
bool field_emphasized(app_state& s, const field_spec& field);

}  // namespace invitekit::web
