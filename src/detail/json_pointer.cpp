// invitekit detail: JSON Pointer tokens, escaped and unescaped.
#include "detail/json_pointer.h"

#include <charconv>

namespace invitekit::detail {

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  if (token.find_first_of("~/") == std::string_view::npos) {  // the usual field name: as it is
    pointer += token;
    return;
  }
  for (char c : token) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
}

void append_pointer_index(std::string& pointer, std::size_t index) {
  char digits[24];
  pointer += '/';
  pointer.append(digits, std::to_chars(digits, digits + sizeof digits, index).ptr);
}

bool pointer_is_well_formed(std::string_view pointer) {
  if (!pointer.empty() && pointer.front() != '/') return false;
  for (std::size_t i = 0; i < pointer.size(); ++i)
    if (pointer[i] == '~' && (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))) return false;
  return true;
}

std::string unescape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

std::size_t pointer_index(std::string_view token) {
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return npos;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  return ec == std::errc() && end == token.data() + token.size() ? value : npos;
}

}  // namespace invitekit::detail
