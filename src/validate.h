// invitekit: validate an invite body against its endpoint's description.
//
//   auto result = invitekit::validate("athena.createInvite", R"({"type":"website", ...})");
//   for (const auto& e : result.errors) show(e.path, e.message);
//
// Never throws. Text that does not parse, invalid UTF-8, nesting deeper than 64 or a body over
// 1 MiB come back as errors (codes "json", "limit"); an unknown id as code "endpoint".
#pragma once

#include <string>
#include <string_view>

#include "issue.h"
#include "json.h"

namespace invitekit {

struct validation_result {
  bool valid = false;     // no errors (warnings do not count)
  issue_list errors;      // every error, at most max_errors, in document order
  issue_list warnings;    // non-blocking: fields the chosen type ignores, duplicate ids, …
  std::string value;      // the body with schema defaults filled in, compact JSON;
                          // empty when the body did not parse or with_value was false
};

// What validate() works out besides errors and warnings.
struct validate_options {
  bool with_value = true;  // false: leave `value` empty (a caller that only counts errors)
  // false: always the parser and the schema interpreter, never the generated fast path for
  // JSON text (which gives the same result: tests compare the two). A parsed body always
  // goes to the interpreter.
  bool fast_path = true;
};

validation_result validate(std::string_view endpoint_id, std::string_view body_json,
                           validate_options options = {});
validation_result validate(std::string_view endpoint_id, const json_value& body,
                           validate_options options = {});

}  // namespace invitekit
