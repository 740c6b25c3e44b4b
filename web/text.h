// invitekit admin page: small text helpers shared by the panels and the state.
#pragma once

#include <string>
#include <string_view>

#include "json.h"

namespace invitekit::web {

// A JSON value as the page shows it: strings unquoted, numbers as written, booleans as
// "true"/"false", null and missing as "", arrays and objects as compact JSON.
std::string text_of(const json_value& v);

// "usersOrganizations" → "users-organizations" (how serve.py's options name a family).
std::string kebab_case(std::string_view camel);

// ASCII case-insensitive equality (HTTP header names).
bool iequals(std::string_view a, std::string_view b);

std::string lower(std::string_view text);

}  // namespace invitekit::web
