// invitekit: validate() — an invite body checked against its endpoint's schema and warningSchema.
#include "validate.h"

#include "detail/compiled_endpoint.h"
#include "schema.h"

namespace invitekit {
namespace {

// True if pointer `outer` is `inner` or one of its ancestors ("/a" contains "/a/0", not "/ab").
bool pointer_contains(std::string_view outer, std::string_view inner) {
  return inner.substr(0, outer.size()) == outer &&
         (inner.size() == outer.size() || inner[outer.size()] == '/');
}

// A warning is only worth showing on a field that is otherwise valid: "this website ID is
// ignored" under a website ID that is not even a UUID would bury the error that matters. An
// error on the field itself, inside it, or on a containing field (but not the whole body, whose
// errors — oneOf, say — concern other fields) hides it.
bool hidden_by_errors(const issue& warning, const issue_list& errors) {
  for (const issue& e : errors) {
    if (pointer_contains(warning.path, e.path)) return true;
    if (!e.path.empty() && pointer_contains(e.path, warning.path)) return true;
  }
  return false;
}

}  // namespace

validation_result validate(std::string_view endpoint_id, std::string_view body_json,
                           validate_options options) {
  if (detail::find_compiled_endpoint(endpoint_id) == nullptr) {
    validation_result result;
    result.errors.push_back(detail::unknown_endpoint_issue(endpoint_id));
    return result;
  }
  // One document per thread, reused: parsing then allocates nothing once it has grown.
  thread_local json_document doc;
  if (!doc.parse(body_json)) {
    // The whole body is unreadable, so the error sits at "" (the message carries the line and
    // column); a form shows it above the fields rather than under whichever one was being read.
    const json_parse_error& e = doc.error();
    validation_result result;
    result.errors.push_back({"", e.code, e.message});
    return result;
  }
  return validate(endpoint_id, doc.root(), options);
}

validation_result validate(std::string_view endpoint_id, const json_value& body,
                           validate_options options) {
  validation_result result;
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) {
    result.errors.push_back(detail::unknown_endpoint_issue(endpoint_id));
    return result;
  }
  if (!ep->schema_errors.empty()) {
    // A broken description must not pass bodies it cannot check.
    result.errors = ep->schema_errors;
    return result;
  }

  schema_result checked = ep->body_schema.validate(body);
  result.errors = std::move(checked.errors);
  if (result.errors.size() > max_errors) result.errors.resize(max_errors);

  // Most bodies draw no warning: the yes/no pass skips building messages that would be dropped.
  if (ep->has_warning_schema && !ep->warning_schema.is_valid(body)) {
    for (issue& w : ep->warning_schema.validate(body).errors) {
      if (result.warnings.size() == max_errors) break;
      if (!hidden_by_errors(w, result.errors)) result.warnings.push_back(std::move(w));
    }
  }

  result.valid = result.errors.empty();
  if (options.with_value) result.value = to_json_with_defaults(body, checked.defaults);
  return result;
}

}  // namespace invitekit
