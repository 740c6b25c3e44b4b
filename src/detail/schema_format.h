// invitekit detail: the "format" checks the engine asserts (email, uuid, regex) and the
// code-point counting behind minLength/maxLength.
#pragma once

#include <cstddef>
#include <string_view>

namespace invitekit::detail {

// An addr-spec (RFC 5321 §4.1.2): a dot-atom or quoted local part, '@', and a host name of at
// least two labels or an address literal ("[127.0.0.1]", "[IPv6:::1]").
bool is_email(std::string_view s);

// 8-4-4-4-12 hexadecimal digits, either case, any version or variant.
bool is_uuid(std::string_view s);

// True if s compiles as an ECMAScript regular expression (through regex.h).
bool is_regex(std::string_view s);

// Unicode code points in valid UTF-8 (each non-continuation byte starts one).
std::size_t count_code_points(std::string_view s);

}  // namespace invitekit::detail
