// invitekit detail: format checks written as small hand parsers — no regex, no allocation.
#include "detail/schema_format.h"

#include <array>

#include "regex_engine.h"

namespace invitekit::detail {
namespace {

// Which classes each byte is in: one load per character in every check below, which run on
// every email and id of every invite (a uuid is 36 of them).
enum char_class : unsigned char { hex_digit = 1, alnum = 2, atext = 4 };

constexpr auto char_classes = [] {
  std::array<unsigned char, 256> t{};
  auto add = [&](std::string_view chars, unsigned char c) {
    for (char x : chars) t[static_cast<unsigned char>(x)] |= c;
  };
  add("0123456789abcdefABCDEF", hex_digit);
  constexpr std::string_view letters_digits =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  add(letters_digits, alnum);
  add(letters_digits, atext);
  add("!#$%&'*+-/=?^_`{|}~", atext);  // RFC 5322 atext
  return t;
}();

bool in_class(char c, unsigned char classes) {
  return (char_classes[static_cast<unsigned char>(c)] & classes) != 0;
}

bool is_alnum(char c) { return in_class(c, alnum); }
bool is_hex(char c) { return in_class(c, hex_digit); }
bool is_atext(char c) { return in_class(c, atext); }

bool hex_digits(const char* p, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_hex(p[i])) return false;
  }
  return true;
}

bool is_dot_atom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.') {
      if (s[i - 1] == '.') return false;
    } else if (!is_atext(s[i])) {
      return false;
    }
  }
  return true;
}

// "…" with printable ASCII inside; a backslash quotes the next character.
bool is_quoted_string(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      if (++i + 1 >= s.size() || s[i] < ' ' || s[i] > '~') return false;
    } else if (c == '"' || c < ' ' || c > '~') {
      return false;
    }
  }
  return true;
}

// One pass, label by label; a plain loop rather than string_view::find, which at -Oz (the npm
// package) is three nested calls per label.
bool is_hostname(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t labels = 0;
  std::size_t length = 0;  // of the label being read
  char first = 0, last = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : '.';  // the end closes the last label
    if (c == '.') {
      if (length == 0 || length > 63 || first == '-' || last == '-') return false;
      ++labels;
      length = 0;
      continue;
    }
    if (!is_alnum(c) && c != '-') return false;
    if (length++ == 0) first = c;
    last = c;
  }
  // A single label ("localhost") is a valid RFC host, but never what an admin means to invite.
  return labels >= 2;
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t digits = 0;
    int value = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 4) {
      value = value * 10 + (s[i++] - '0');
      ++digits;
    }
    if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s[i - digits] == '0'))
      return false;
    if (++parts == 4) return i == s.size();
    if (i >= s.size() || s[i++] != '.') return false;
  }
}

bool is_ipv6(std::string_view s) {
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  }
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && is_hex(s[j]) && j - i < 5) ++j;
    if (j < s.size() && s[j] == '.') {  // a trailing IPv4 takes two groups
      if (!is_ipv4(s.substr(i))) return false;
      groups += 2;
      i = s.size();
      break;
    }
    if (j == i || j - i > 4) return false;
    ++groups;
    i = j;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    if (i + 1 < s.size() && s[i + 1] == ':') {
      if (compressed) return false;
      compressed = true;
      i += 2;
    } else {
      if (++i == s.size()) return false;  // a trailing single ':'
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool is_domain(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
    const std::string_view literal = s.substr(1, s.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") return is_ipv6(literal.substr(5));
    return is_ipv4(literal);
  }
  return is_hostname(s);
}

}  // namespace

bool is_email(std::string_view s) {
  if (s.size() > 254) return false;
  std::size_t at = s.size();  // the last '@' (a quoted local part may hold others)
  while (at > 0 && s[at - 1] != '@') --at;
  if (at-- == 0) return false;
  const std::string_view local = s.substr(0, at);
  if (local.empty()) return false;  // over 64 characters is unusual, not invalid: see warningSchema
  return (is_dot_atom(local) || is_quoted_string(local)) && is_domain(s.substr(at + 1));
}

bool is_uuid(std::string_view s) {
  // 8-4-4-4-12 hex digits: the dashes first, then each run between them.
  if (s.size() != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return false;
  const char* p = s.data();
  return hex_digits(p, 8) && hex_digits(p + 9, 4) && hex_digits(p + 14, 4) && hex_digits(p + 19, 4) &&
         hex_digits(p + 24, 12);
}

namespace {

// ECMAScript's unicode-mode grammar (the "u" flag) has no identity escapes for letters: "\\Z" is
// .NET, not JS. Without "u", engines quietly read it as "Z"; a format check should not.
bool has_unknown_letter_escape(std::string_view s) {
  constexpr std::string_view letter_escapes = "bBcdDfknpPrsStuvwWx";
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\\') continue;
    const char c = s[++i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && letter_escapes.find(c) == std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool is_regex(std::string_view s) { return !has_unknown_letter_escape(s) && regex_compile(s) >= 0; }

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace invitekit::detail
