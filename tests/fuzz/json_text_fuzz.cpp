// invitekit fuzz target: parse_json and to_json_text on any bytes (json_text.h).
//   - never crashes or throws;
//   - what it accepts passes check_json_value and is written back as text that reads as the
//     same value, members in the same order, and is written the same way again;
//   - what it refuses is a "json" or "limit" error at a line and column (both from 1), with words;
//   - tighter limits only ever add a "limit" error; text over max_bytes is refused, at no position;
//   - a value built in C++ around the same bytes (which may not be UTF-8) is judged by
//     check_json_value and still written as text that parses.
#include "fuzz_support.h"

using namespace invitekit;
using invitekit::fuzz::check_issues;

namespace {

void check_refusal(const json_parse_result& r, std::string_view what) {
  const json_parse_error& e = r.error;
  INVITEKIT_FUZZ_CHECK(e.code == codes::json || e.code == codes::limit, std::string(what) + ": " + e.code);
  INVITEKIT_FUZZ_CHECK(e.line >= 1 && e.column >= 1, std::string(what) + ": " + e.message);
  INVITEKIT_FUZZ_CHECK(!e.message.empty(), what);
  INVITEKIT_FUZZ_CHECK(r.value.is_null(), what);
  INVITEKIT_FUZZ_CHECK(r.warnings.empty(), what);
}

void check_round_trip(const json& value, std::string_view what) {
  const std::string written = to_json_text(value);
  json_limits roomy;
  roomy.max_bytes = written.size();  // "1E2" is written "100.0": the text may grow
  const json_parse_result again = parse_json(written, roomy);
  INVITEKIT_FUZZ_CHECK(again.ok, std::string(what) + ": " + written + " → " + again.error.message);
  INVITEKIT_FUZZ_CHECK(again.value == value, std::string(what) + ": " + written);
  INVITEKIT_FUZZ_CHECK(again.warnings.empty(), std::string(what) + ": " + written);
  INVITEKIT_FUZZ_CHECK(to_json_text(again.value) == written, std::string(what) + ": " + written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const json_parse_result r = parse_json(text);
  check_issues(r.warnings, "parse_json warnings");
  if (r.ok) {
    const auto problem = check_json_value(r.value);
    INVITEKIT_FUZZ_CHECK(!problem, "check_json_value refused a parsed value: " + problem->message);
    check_round_trip(r.value, "round trip");
  } else {
    check_refusal(r, "parse_json");
  }

  // A depth limit of 0 to 7: accepted means the same value, refused by depth alone means "limit".
  json_limits shallow;
  shallow.max_depth = size % 8;
  const json_parse_result s = parse_json(text, shallow);
  if (s.ok) {
    INVITEKIT_FUZZ_CHECK(r.ok && s.value == r.value, "a tighter depth limit accepted something else");
  } else {
    check_refusal(s, "parse_json, shallow");
    if (r.ok) INVITEKIT_FUZZ_CHECK(s.error.code == codes::limit, "a tighter depth limit gave " + s.error.message);
  }

  if (size > 0) {
    json_limits small;
    small.max_bytes = size - 1;
    const json_parse_result t = parse_json(text, small);
    INVITEKIT_FUZZ_CHECK(!t.ok && t.error.code == codes::limit && t.error.line == 0 && !t.error.message.empty(),
                         "text over max_bytes: " + t.error.code + " " + t.error.message);
  }

  // The bytes as a key and a string of a value built in C++: not necessarily UTF-8.
  const json built = {{std::string(text), std::string(text)}};
  if (const auto problem = check_json_value(built)) {
    INVITEKIT_FUZZ_CHECK(problem->code == codes::json && !problem->message.empty(), "check_json_value: " + problem->code);
    const std::string written = to_json_text(built);  // every bad byte becomes U+FFFD
    json_limits roomy;
    roomy.max_bytes = written.size();
    const json_parse_result replaced = parse_json(written, roomy);
    INVITEKIT_FUZZ_CHECK(replaced.ok, "to_json_text wrote text that does not parse: " + replaced.error.message);
  } else {
    check_round_trip(built, "round trip of a built value");
  }
  return 0;
}
