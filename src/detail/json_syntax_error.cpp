// invitekit detail: nlohmann's parse errors in an admin's words.
//
// nlohmann reports "syntax error while parsing <context> - <problem>; expected <token>" and how
// many characters it had read. Its lexer stops just past the token that failed, so the start of
// that token — what an admin should be pointed at — is found by looking back from there.
#include "detail/json_syntax_error.h"

#include "detail/quoted.h"
#include "detail/utf8.h"

namespace invitekit::detail {
namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The text between `start` and `end` markers in nlohmann's message ("" when absent).
std::string_view between(std::string_view s, std::string_view start, std::string_view end) {
  const std::size_t a = s.find(start);
  if (a == std::string_view::npos) return {};
  const std::size_t from = a + start.size();
  return s.substr(from, s.find(end, from) - from);
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string hex_byte(unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  return {hex[c >> 4], hex[c & 15]};
}

// What stands at a position: a word ('hello'), a character ('}'), a code point ('é'), U+0007.
std::string describe_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "the end of the text";
  const auto c = static_cast<unsigned char>(text[at]);
  if (is_letter(text[at])) {
    std::size_t end = at;
    while (end < text.size() && end - at < 20 && (is_letter(text[end]) || is_digit(text[end]) || text[end] == '_')) ++end;
    return single_quoted(text.substr(at, end - at));
  }
  if (c >= 0x20 && c < 0x7F) return single_quoted(text.substr(at, 1));
  if (c >= 0x80) {
    const int n = utf8_sequence_length(text.data() + at, text.size() - at);
    if (n > 0) return single_quoted(text.substr(at, static_cast<std::size_t>(n)));
  }
  return "U+00" + hex_byte(c);
}

// The first byte at or after `from` that does not start a well-formed UTF-8 sequence.
std::size_t first_bad_utf8(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size();) {
    const int n = utf8_sequence_length(text.data() + i, text.size() - i);
    if (n == 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return text.size();
}

// The opening quote of the string whose content ends before `end`: the last '"' before it that
// no backslash escapes.
std::size_t string_start(std::string_view text, std::size_t end) {
  for (std::size_t i = end; i-- > 0;) {
    if (text[i] != '"') continue;
    std::size_t slashes = 0;
    while (i > slashes && text[i - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) return i;
  }
  return 0;
}

// A number token at `at` that directly follows a lone "0" (or "-0"): nlohmann reads "01" as two
// numbers, where an admin wrote one with a leading zero.
bool follows_leading_zero(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size() || text[at - 1] != '0') return false;
  if (at == 1) return true;
  const char before = text[at - 2];
  return !is_digit(before) && before != '.' && before != 'e' && before != 'E' && before != '+';
}

// Where the token that ends at `last` (inclusive) begins, given nlohmann's name for it.
std::size_t token_start(std::string_view text, std::size_t last, std::string_view token) {
  if (last >= text.size()) return text.size();
  if (token == "string literal") return string_start(text, last);
  if (token == "number literal") {
    std::size_t i = last;
    while (i > 0 && (is_digit(text[i - 1]) || contains(".eE+-", std::string_view(&text[i - 1], 1)))) {
      if (is_digit(text[i]) && follows_leading_zero(text, i)) break;  // "01" is read as "0", "1"
      --i;
    }
    return i;
  }
  if (token == "true literal" || token == "null literal") return last >= 3 ? last - 3 : 0;
  if (token == "false literal") return last >= 4 ? last - 4 : 0;
  return last;  // one character: '{', '}', '[', ']', ',', ':'
}

// The last character before `at` that is not whitespace, or 0.
char previous_char(std::string_view text, std::size_t at) {
  while (at > 0 && is_space(text[at - 1])) --at;
  return at > 0 ? text[at - 1] : '\0';
}

const char* const any_value =
    "a value (text in double quotes, a number, true, false, null, an object or an array) was expected but found ";

json_syntax_error string_error(std::string_view text, std::size_t last, std::string_view problem) {
  json_syntax_error e;
  e.expecting_value = true;
  const std::size_t end = last < text.size() ? last : text.size();
  if (contains(problem, "missing closing quote") || (end == text.size() && contains(problem, "after backslash"))) {
    e.at = string_start(text, end);
    e.words = "a string is not closed: its closing '\"' is missing";
  } else if (contains(problem, "control character")) {
    e.at = end;
    const char c = text[end];
    e.words = c == '\n' ? "a line break inside a string must be written as \\n"
            : c == '\t' ? "a tab inside a string must be written as \\t"
                        : "the control character " + describe_at(text, end) + " must be escaped inside a string";
  } else if (contains(problem, "after backslash")) {
    e.at = end > 0 ? end - 1 : 0;
    const auto c = static_cast<unsigned char>(text[end]);
    e.words = c > 0x20 && c < 0x7F
                  ? single_quoted(std::string("\\") + text[end]) + " is not a valid escape (write \\\\ for a backslash)"
                  : "a backslash must be followed by one of \" \\ / b f n r t u (found " + describe_at(text, end) + ")";
  } else if (contains(problem, "surrogate")) {
    // The first \u escape of this string that is half of a pair without its other half.
    const std::size_t open = string_start(text, end);
    e.at = end;
    bool pending_high = false;
    std::size_t high_at = 0;
    for (std::size_t i = open + 1; i + 5 < text.size() + 1 && i <= end; ++i) {
      if (text[i] != '\\') continue;
      const bool unicode = i + 5 < text.size() && text[i + 1] == 'u';
      const char k = unicode ? static_cast<char>(text[i + 2] | 0x20) : 0;
      const char l = unicode ? static_cast<char>(text[i + 3] | 0x20) : 0;
      const bool high = k == 'd' && (l == '8' || l == '9' || l == 'a' || l == 'b');
      const bool low = k == 'd' && l >= 'c' && l <= 'f';
      if (pending_high && !low) { e.at = high_at; break; }
      if (!pending_high && low) { e.at = i; break; }
      pending_high = high && !pending_high;
      if (pending_high) high_at = i;
      i += unicode ? 5 : 1;
    }
    if (pending_high && e.at == end) e.at = high_at;
    e.words = single_quoted(text.substr(e.at, 6)) + " is half of a UTF-16 surrogate pair without its other half";
  } else if (contains(problem, "must be followed by 4 hex digits")) {
    e.at = text.rfind("\\u", end);
    if (e.at == std::string_view::npos) e.at = end;
    e.words = "'\\u' must be followed by four hexadecimal digits";
  } else {  // "ill-formed UTF-8 byte"
    e.at = first_bad_utf8(text, string_start(text, end));
    if (e.at >= text.size()) e.at = end;
    e.words = "the text is not valid UTF-8 (byte 0x" + hex_byte(static_cast<unsigned char>(text[e.at])) + ")";
  }
  return e;
}

json_syntax_error number_error(std::string_view text, std::size_t last, std::string_view problem) {
  json_syntax_error e;
  e.expecting_value = true;
  e.at = last < text.size() ? last : text.size();
  e.words = contains(problem, "after '-'") ? "a number needs a digit after '-'"
          : contains(problem, "after '.'") ? "a number needs a digit after the decimal point"
                                           : "a number needs a digit in the exponent";
  return e;
}

}  // namespace

json_syntax_error byte_order_mark_error() {
  json_syntax_error e;
  e.words = "it starts with a byte order mark (BOM), which JSON text must not have";
  e.whole_text = true;
  return e;
}

json_syntax_error describe_syntax_error(std::string_view text, std::size_t position, int id, std::string_view what,
                                        bool inside_container, bool innermost_is_object) {
  // The last character nlohmann read; text.size() when it ran out of text.
  const std::size_t last = position == 0 ? 0 : (position - 1 < text.size() ? position - 1 : text.size());
  const std::string_view context = between(what, "while parsing ", " - ");
  const std::string_view problem = between(what, " - ", "; last read");
  const std::string_view expected = between(what, "; expected ", "\x01");
  const char* const in = innermost_is_object ? "object" : "array";

  json_syntax_error e;
  e.expecting_value = context == "value";
  if (id == 406) {  // a number beyond the double range
    e.expecting_value = true;
    e.at = token_start(text, last, "number literal");
    // Named by its first characters, as a word is: the number may be a megabyte of digits.
    constexpr std::size_t shown = 20;
    const std::string_view number = text.substr(e.at, last + 1 - e.at);
    e.words = "the number " + std::string(number.substr(0, shown)) + (number.size() > shown ? "…" : "") +
              " is too large for a JSON number";
    return e;
  }
  if (contains(problem, "invalid string")) return string_error(text, last, problem);
  if (contains(problem, "invalid number")) return number_error(text, last, problem);

  // nlohmann reads a NUL byte as the end of the text: past one, it is a character out of place.
  if (contains(problem, "unexpected end of input") && last >= text.size()) {
    e.at = text.size();
    bool blank = true;
    for (char c : text) blank = blank && is_space(c);
    if (blank) {
      e.words = "the text is empty";
      e.whole_text = true;
    } else if (inside_container) {
      e.words = std::string("the text ends before the ") + in + " is closed";
    } else {
      e.words = "the text ends where a value was expected";
    }
    return e;
  }

  std::size_t at = last;
  if (contains(problem, "invalid literal")) {
    // The lexer stops at the first character that cannot continue a literal ("tru}" stops at
    // '}'): point at the start of the word, or at the character itself.
    at = last < text.size() ? last : text.size();
    if ((at == text.size() || !is_letter(text[at])) && at > 0 && is_letter(text[at - 1])) --at;
    while (at > 0 && at < text.size() && is_letter(text[at]) && is_letter(text[at - 1])) --at;
  } else {
    at = token_start(text, last, between(problem, "unexpected ", ";"));
  }
  e.at = at;
  const auto byte = at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
  if (byte >= 0x80 && utf8_sequence_length(text.data() + at, text.size() - at) == 0) {
    e.words = "the text is not valid UTF-8 (byte 0x" + hex_byte(byte) + ")";
    return e;
  }
  const std::string found = describe_at(text, at);
  const char c = at < text.size() ? text[at] : '\0';
  const bool closing = c == '}' || c == ']';

  if (contains(expected, "end of input")) {
    e.expecting_value = false;
    if (follows_leading_zero(text, at) && is_digit(c)) {
      e.at = at - 1;
      e.words = "a number cannot start with 0 unless it is 0 (leading zeros are not allowed)";
    } else {
      e.words = "there is more text after the end of the value (found " + found + ")";
    }
  } else if (context == "object key") {
    e.words = closing && previous_char(text, at) == ','
                  ? std::string("a ',' is followed by '") + c + "' (remove the last comma)"
              : c == '\'' ? "property names must be in double quotes (\"), not single quotes"
                          : "a property name in double quotes was expected but found " + found;
  } else if (context == "object separator") {
    e.words = "a ':' is missing after the property name (found " + found + ")";
  } else if (context == "object") {
    e.words = "a ',' or '}' is missing after the value (found " + found + ")";
  } else if (context == "array") {
    if (follows_leading_zero(text, at) && is_digit(c)) {
      e.at = at - 1;
      e.words = "a number cannot start with 0 unless it is 0 (leading zeros are not allowed)";
    } else {
      e.words = "a ',' or ']' is missing after the value (found " + found + ")";
    }
  } else if (closing && previous_char(text, at) == ',') {
    e.words = std::string("a ',' is followed by '") + c + "' (remove the last comma)";
  } else if (c == '\'') {
    e.words = "text must be in double quotes (\"), not single quotes";
  } else {
    e.words = any_value + found;
  }
  return e;
}

}  // namespace invitekit::detail
