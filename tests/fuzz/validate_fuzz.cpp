// invitekit fuzz target: validate() on each endpoint (validate.h). Input: selector byte, body text.
//   - never crashes or throws; errors and warnings are capped and each has a code and words;
//     valid is "no errors"; an unknown id is one "endpoint" error;
//   - with_value = false changes nothing but the value;
//   - the body handed over as a value (the core's json) gets exactly the text's errors and value,
//     and the text's warnings are the parser's "duplicate" ones followed by the value's;
//   - as a plain nlohmann::json (members sorted by name) it gets the same errors and warnings,
//     perhaps in another order, and the same value;
//   - a value nested deeper than the parser allows, built in C++, is one "limit" error.
#include <algorithm>

#include "fuzz_support.h"
#include "validate.h"

using namespace invitekit;
using invitekit::fuzz::check_issues;

namespace {

void check_result(const validation_result& r, std::string_view what, bool utf8 = true) {
  check_issues(r.errors, std::string(what) + " errors", utf8);
  check_issues(r.warnings, std::string(what) + " warnings", utf8);
  INVITEKIT_FUZZ_CHECK(r.valid == r.errors.empty(), what);
}

issue_list sorted(issue_list list) {
  std::sort(list.begin(), list.end(), [](const issue& a, const issue& b) {
    return std::tie(a.path, a.code, a.message) < std::tie(b.path, b.code, b.message);
  });
  return list;
}

// The warnings validate() gives for text: the parser's, then the value's, up to the cap.
issue_list text_warnings(issue_list parser, const issue_list& value) {
  for (const issue& w : value) {
    if (parser.size() == max_errors) break;
    parser.push_back(w);
  }
  return parser;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::fuzz_input input(data, size);
  const std::string id = input.endpoint_id();
  const std::string_view body = input.rest();

  const validation_result by_text = validate(id, body);
  check_result(by_text, "validate(text)", detail::is_utf8(id));
  if (find_endpoint(id) == nullptr) {
    INVITEKIT_FUZZ_CHECK(by_text.errors.size() == 1 && by_text.errors[0].code == codes::endpoint, id);
    return 0;
  }

  const validation_result counted = validate(id, body, {.with_value = false});
  INVITEKIT_FUZZ_CHECK(counted.errors == by_text.errors && counted.warnings == by_text.warnings, "with_value = false");
  INVITEKIT_FUZZ_CHECK(counted.value.is_null() && counted.defaults.empty(), "with_value = false left a value");

  const json_parse_result parsed = parse_json(body);
  if (!parsed.ok) {
    INVITEKIT_FUZZ_CHECK(by_text.errors.size() == 1 && by_text.errors[0].code == parsed.error.code &&
                             by_text.errors[0].path.empty(),
                         "unreadable body: " + by_text.errors[0].code);
    INVITEKIT_FUZZ_CHECK(by_text.value.is_null(), "unreadable body has a value");
    // Too deep for the parser: the same value built in C++ is refused by its depth too.
    const json_parse_result deep = parse_json(body, fuzz::any_depth(body.size()));
    if (deep.ok) {
      const validation_result by_value = validate(id, deep.value);
      check_result(by_value, "validate(deep value)");
      INVITEKIT_FUZZ_CHECK(parsed.error.code == codes::limit, "only the depth limit differs: " + parsed.error.message);
      INVITEKIT_FUZZ_CHECK(by_value.errors.size() == 1 && by_value.errors[0].code == codes::limit,
                           "a deep value: " + by_value.errors[0].code);
    }
    return 0;
  }

  const validation_result by_value = validate(id, parsed.value);
  check_result(by_value, "validate(json)");
  INVITEKIT_FUZZ_CHECK(by_value.errors == by_text.errors, "validate(json) errors differ from validate(text)");
  INVITEKIT_FUZZ_CHECK(by_value.value == by_text.value, "validate(json) value differs from validate(text)");
  INVITEKIT_FUZZ_CHECK(text_warnings(parsed.warnings, by_value.warnings) == by_text.warnings,
                       "validate(text) warnings are not the parser's then validate(json)'s");

  // Sorting the members may change which errors fit under the cap: compare only below it.
  if (by_value.errors.size() < max_errors && by_value.warnings.size() < max_errors) {
    const nlohmann::json plain = parsed.value;
    const validation_result by_plain = validate(id, plain);
    check_result(by_plain, "validate(nlohmann::json)");
    INVITEKIT_FUZZ_CHECK(sorted(by_plain.errors) == sorted(by_value.errors), "validate(nlohmann::json) errors differ");
    INVITEKIT_FUZZ_CHECK(sorted(by_plain.warnings) == sorted(by_value.warnings), "validate(nlohmann::json) warnings differ");
    INVITEKIT_FUZZ_CHECK(nlohmann::json(by_plain.value) == nlohmann::json(by_value.value),
                         "validate(nlohmann::json) value differs");
  }
  return 0;
}
