// invitekit admin page: JSON indented for reading (the request preview, raw responses).
#pragma once

#include <string>
#include <string_view>

namespace invitekit::web {

// Indents valid JSON text by two spaces per level; returns other text unchanged.
std::string pretty_json(std::string_view text);

}  // namespace invitekit::web
