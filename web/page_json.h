// invitekit admin page: the few ways the page reads and writes its own JSON (drafts, history,
// the form model, the sandbox's answers, what it publishes to the page) with nlohmann::json — none
// of which throws: the page is built without exceptions (web/CMakeLists.txt), so a throw would
// abort it.
#pragma once

#include <string>
#include <string_view>

#include "json_text.h"

namespace invitekit::web {

// The core's JSON type (nlohmann::ordered_json): objects keep their members in the order they
// were read or added, so a body, a stored draft or a server's answer is shown as written.
using invitekit::json;

// Parses JSON text with the core's reader (json_text.h); anything that is not JSON, or nests
// deeper than 64 levels, gives a discarded value (is_discarded()).
json parse_json(std::string_view text);

// Compact JSON text (indent < 0) or indented by `indent` spaces; invalid UTF-8 in strings becomes
// U+FFFD instead of an exception.
std::string json_text(const json& value, int indent = -1);

// The member `key` of an object, or nullptr (not an object, or no such member).
const json* member(const json& object, std::string_view key);

// The value at a JSON Pointer ("/permissions/read"), or nullptr.
const json* at_pointer(const json& root, std::string_view pointer);

// A JSON value as the page shows it: strings unquoted, numbers as JSON writes them, booleans as
// "true"/"false", null and missing (nullptr) as "", arrays and objects as compact JSON.
std::string text_of(const json* value);

}  // namespace invitekit::web
