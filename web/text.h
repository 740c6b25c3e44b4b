// invitekit admin page: small text helpers shared by the panels and the state.
#pragma once

#include <string>
#include <string_view>

namespace invitekit::web {

// "usersOrganizations" → "users-organizations" (how serve.py's options name a family).
std::string kebab_case(std::string_view camel);

// ASCII case-insensitive equality (HTTP header names).
bool iequals(std::string_view a, std::string_view b);

std::string lower(std::string_view text);

}  // namespace invitekit::web
