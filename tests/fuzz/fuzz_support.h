// invitekit fuzzing: what every target in tests/fuzz/ shares — reading an input as an endpoint
// and fields, and checks that stop the run with a message (libFuzzer then keeps the input).
//
// An input is one selector byte, then fields separated by the byte 0xFF, which UTF-8 never
// holds: every other byte (CR, LF, NUL, invalid UTF-8) can still appear inside a field, and
// make_seeds.py writes the vectors in the same shape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "catalog.h"
#include "detail/utf8.h"
#include "issue.h"
#include "json_text.h"

namespace invitekit::fuzz {

inline constexpr char field_separator = '\xFF';

// Selector bytes from this one up mean: the endpoint id is the next field (so ids no endpoint
// has, of any length and any bytes, are fuzzed too).
inline constexpr unsigned char id_in_field_selector = 0xF0;

class fuzz_input {
 public:
  fuzz_input(const std::uint8_t* data, std::size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}

  // The endpoint the first byte names: the catalog's endpoints in order (make_seeds.py writes
  // their index), or the id in the next field.
  std::string endpoint_id() {
    if (rest_.empty()) return "";
    const auto selector = static_cast<unsigned char>(rest_.front());
    rest_.remove_prefix(1);
    const auto& all = endpoints();
    if (selector >= id_in_field_selector || all.empty()) return next_field();
    return all[selector % all.size()].id;
  }

  // The next field, up to the next separator ("" once the input is used up).
  std::string next_field() {
    const std::size_t end = rest_.find(field_separator);
    std::string field(rest_.substr(0, end));
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return field;
  }

  // Everything left, separators included: the last field.
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Stops the run: libFuzzer reports the abort as a crash and writes the input out.
[[noreturn]] inline void fail(const char* condition, std::string_view context) {
  std::fprintf(stderr, "\nfuzz check failed: %s\n  %.*s\n", condition, static_cast<int>(context.size()),
               context.data());
  std::abort();
}

#define INVITEKIT_FUZZ_CHECK(condition, context) \
  do {                                           \
    if (!(condition)) ::invitekit::fuzz::fail(#condition, context); \
  } while (0)

// What every list of issues promises: capped at max_errors, and each one with a code and words.
// Paths and words are UTF-8 as long as what they echo is: `utf8` is false when the caller gave
// an endpoint id that is not.
inline void check_issues(const issue_list& list, std::string_view what, bool utf8 = true) {
  INVITEKIT_FUZZ_CHECK(list.size() <= max_errors, what);
  for (const issue& i : list) {
    const std::string where = std::string(what) + " " + i.code + " at '" + i.path + "'";
    INVITEKIT_FUZZ_CHECK(!i.code.empty(), where);
    INVITEKIT_FUZZ_CHECK(!i.message.empty(), where);
    INVITEKIT_FUZZ_CHECK(!utf8 || (detail::is_utf8(i.message) && detail::is_utf8(i.path)), where);
  }
}

// Parse limits with room for any depth the input can hold: for building, in C++, the values the
// parser would refuse, and handing them to the overloads that take a value.
inline json_limits any_depth(std::size_t text_size) {
  json_limits limits;
  limits.max_depth = text_size + 1;
  return limits;
}

}  // namespace invitekit::fuzz
