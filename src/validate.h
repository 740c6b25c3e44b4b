// invitekit: validate an invite body against its endpoint's description.
//
//   auto result = invitekit::validate("athena.createInvite", R"({"type":"website", ...})");
//   for (const auto& e : result.errors) show(e.path, e.message);
//
//   nlohmann::json body = {{"type", "organization"}, {"invite_method", "email"}, {"email", "a@b.co"}};
//   if (invitekit::validate("athena.createInvite", body).valid) ...   // a parsed body, as it is
//
// Never throws. Text that does not parse, invalid UTF-8, nesting deeper than 64 or a body over
// 1 MiB come back as errors (codes "json", "limit"); an unknown id as code "endpoint".
#pragma once

#include <string>
#include <string_view>

#include "issue.h"
#include "json_text.h"
#include "schema.h"

namespace invitekit {

struct validation_result {
  bool valid = false;   // no errors (warnings do not count)
  issue_list errors;    // every error, at most max_errors, in document order
  issue_list warnings;  // non-blocking: keys given twice, fields the chosen type ignores,
                        // duplicate ids, …
  json value;           // the body with schema defaults filled in; null when the body did not
                        // parse or with_value was false
  std::vector<default_insertion> defaults;  // the defaults filled into value (with_value only)
};

// What validate() works out besides errors and warnings.
struct validate_options {
  bool with_value = true;  // false: leave `value` null (a caller that only counts errors)
};

validation_result validate(std::string_view endpoint_id, std::string_view body_json, validate_options options = {});
validation_result validate(std::string_view endpoint_id, const json& body, validate_options options = {});
validation_result validate(std::string_view endpoint_id, const nlohmann::json& body, validate_options options = {});
// Text given as a string or a literal is JSON text (not a JSON string value).
inline validation_result validate(std::string_view endpoint_id, const std::string& body_json,
                                  validate_options options = {}) {
  return validate(endpoint_id, std::string_view(body_json), options);
}
inline validation_result validate(std::string_view endpoint_id, const char* body_json, validate_options options = {}) {
  return validate(endpoint_id, std::string_view(body_json), options);
}

}  // namespace invitekit
