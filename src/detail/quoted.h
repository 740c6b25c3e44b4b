// invitekit detail: a name in single quotes, as messages show it ('email').
#pragma once

#include <string>
#include <string_view>

namespace invitekit::detail {

// Appended piecewise: GCC 12 misreads "'" + std::string(…) + "'" (a false -Wrestrict, GCC bug
// 105329).
inline std::string single_quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

}  // namespace invitekit::detail
