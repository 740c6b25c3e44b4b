// invitekit: validate() — an invite body checked against its endpoint's schema and warningSchema.
#include "validate.h"

#include "detail/compiled_endpoint.h"
#include "schema.h"

namespace invitekit {
namespace {

// True if pointer `outer` is `inner` or one of its ancestors ("/a" contains "/a/0", not "/ab").
bool pointer_contains(std::string_view outer, std::string_view inner) {
  return inner.substr(0, outer.size()) == outer && (inner.size() == outer.size() || inner[outer.size()] == '/');
}

// A warning is only worth showing on a field that is otherwise valid: an error on the field
// itself, inside it, or on a containing field other than the whole body hides it. (The whole
// body's errors, a oneOf say, concern other fields.)
bool hidden_by_errors(const issue& warning, const issue_list& errors) {
  for (const issue& e : errors)
    if (pointer_contains(warning.path, e.path) || (!e.path.empty() && pointer_contains(e.path, warning.path)))
      return true;
  return false;
}

// `owned`: the body itself when the caller has no further use for it (it parsed it), so the
// value is made from it without a copy.
template <class Json>
validation_result validate_body(const detail::compiled_endpoint& ep, const Json& body, validate_options options,
                                issue_list parse_warnings, json* owned = nullptr) {
  validation_result result;
  if (!ep.schema_errors.empty()) {
    // A broken description must not pass bodies it cannot check.
    result.errors = ep.schema_errors;
    return result;
  }
  schema_result checked = ep.body_schema.validate(body, options.with_value);
  result.errors = std::move(checked.errors);
  result.warnings = std::move(parse_warnings);
  // Most bodies draw no warning: the yes/no pass skips building messages that would be dropped.
  if (ep.has_warning_schema && !ep.warning_schema.is_valid(body)) {
    for (issue& w : ep.warning_schema.validate(body).errors) {
      if (result.warnings.size() == max_errors) break;
      if (!hidden_by_errors(w, result.errors)) result.warnings.push_back(std::move(w));
    }
  }
  result.valid = result.errors.empty();
  if (options.with_value) {
    result.value = with_defaults(owned ? std::move(*owned) : json(body), checked.defaults);
    result.defaults = std::move(checked.defaults);
  }
  return result;
}

validation_result error_result(issue problem) {
  validation_result result;
  result.errors.push_back(std::move(problem));
  return result;
}

template <class Json>
validation_result validate_parsed(std::string_view endpoint_id, const Json& body, validate_options options) {
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) return error_result(detail::unknown_endpoint_issue(endpoint_id));
  // A value built in C++ has not been through the parser's limits.
  if (auto problem = check_json_value(body)) return error_result(std::move(*problem));
  return validate_body(*ep, body, options, {});
}

}  // namespace

validation_result validate(std::string_view endpoint_id, std::string_view body_json, validate_options options) {
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) return error_result(detail::unknown_endpoint_issue(endpoint_id));
  json_parse_result parsed = parse_json(body_json);
  if (!parsed.ok) {
    // The whole body is unreadable, so the error sits at "" (the message carries the line and
    // column); a form shows it above the fields rather than under whichever one was being read.
    return error_result({"", parsed.error.code, std::move(parsed.error.message)});
  }
  return validate_body(*ep, parsed.value, options, std::move(parsed.warnings), &parsed.value);
}

validation_result validate(std::string_view endpoint_id, const json& body, validate_options options) {
  return validate_parsed(endpoint_id, body, options);
}

validation_result validate(std::string_view endpoint_id, const nlohmann::json& body, validate_options options) {
  return validate_parsed(endpoint_id, body, options);
}

}  // namespace invitekit
