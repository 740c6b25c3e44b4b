// invitekit detail: nlohmann's parse errors retold for an admin — what is wrong, in words that
// name the characters involved, and the byte the message should point at.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace invitekit::detail {

struct json_syntax_error {
  std::size_t at = 0;            // byte offset the message points at (text.size(): the end)
  std::string words;             // "a ',' or '}' is missing after the value (found '\"')"
  bool whole_text = false;       // about the text as a whole (empty, a BOM): no path
  bool expecting_value = false;  // the parser was about to read a value (not after one)
};

// Describes the failure nlohmann reported while parsing `text`: `position` (characters read when
// it stopped), its exception id and what() text. `inside_container` / `innermost_is_object`
// say what was open at the time.
json_syntax_error describe_syntax_error(std::string_view text, std::size_t position, int id, std::string_view what,
                                        bool inside_container, bool innermost_is_object);

json_syntax_error byte_order_mark_error();

}  // namespace invitekit::detail
