// invitekit: JSON in and out of the core — nlohmann/json, with the limits an invite must keep and
// errors an admin can act on.
//
//   invitekit::json_parse_result r = invitekit::parse_json(text);
//   if (!r.ok) show(r.error.message);   // "The invite is not valid JSON: a ',' or '}' is missing
//                                       //  after the value (found '"') at line 3, column 5."
//   use(r.value);                       // an invitekit::json (nlohmann::ordered_json)
//
// The core's JSON type is nlohmann::ordered_json: members keep the order they were written in, so
// the request sent is the body the admin wrote (defaults are appended). Every public function that
// takes a parsed body also takes a plain nlohmann::json, unchanged.
//
// Reading text never throws. It refuses what nlohmann alone would accept or crash on later: a byte
// order mark, nesting deeper than max_depth (the validator recurses), text over max_bytes, and
// numbers beyond the double range. A key given twice keeps the last value, as JSON.parse does,
// and says so in a warning (code "duplicate") at the key's path.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "issue.h"

namespace invitekit {

using json = nlohmann::ordered_json;

struct json_limits {
  std::size_t max_depth = 64;       // deeper nesting is a "limit" error
  std::size_t max_bytes = 1 << 20;  // longer text is a "limit" error
  // Opens every error message: "The server's answer is not valid JSON: …" when reading a response.
  std::string_view subject = "The invite";
};

struct json_parse_error {
  std::string code;        // "json" (syntax, invalid UTF-8) or "limit"
  std::string message;     // for an admin: what is wrong, and where (line and column)
  std::string path;        // JSON Pointer of the value being read when it failed ("" if none)
  std::size_t line = 0;    // 1-based; 0 when not applicable
  std::size_t column = 0;  // 1-based, in code points
};

struct json_parse_result {
  bool ok = false;
  json value;              // null unless ok
  json_parse_error error;  // meaningful unless ok
  issue_list warnings;     // keys given twice ("duplicate"), at most max_errors
};

// Parses UTF-8 JSON text (RFC 8259) into a json.
json_parse_result parse_json(std::string_view text, const json_limits& limits = {});

// The same limits for a value built in C++ rather than parsed: nesting deeper than max_depth,
// strings that are not UTF-8, numbers that are not finite and binary values are reported as
// the issue parse_json would give (code "limit" or "json", path at the value), or nothing.
std::optional<issue> check_json_value(const json& value, const json_limits& limits = {});
std::optional<issue> check_json_value(const nlohmann::json& value, const json_limits& limits = {});

// Compact JSON text of a value. Strings that are not UTF-8 (only a value built in C++ can hold
// one) have the bad bytes replaced by U+FFFD rather than throwing.
std::string to_json_text(const json& value);

}  // namespace invitekit
