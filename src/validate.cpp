// invitekit: validate() — an invite body checked against its endpoint's schema and warningSchema.
#include "validate.h"

#include "detail/compiled_endpoint.h"
#include "detail/fast_path.h"
#include "detail/validate_with.h"
#include "schema.h"

namespace invitekit {
namespace {

bool hidden_by_errors(const issue& warning, const issue_list& errors) {
  for (const issue& e : errors) {
    if (detail::hides_warning(e.path, warning.path)) return true;
  }
  return false;
}

}  // namespace

validation_result validate(std::string_view endpoint_id, std::string_view body_json,
                           validate_options options) {
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) {
    validation_result result;
    result.errors.push_back(detail::unknown_endpoint_issue(endpoint_id));
    return result;
  }
  // The fast path reads the text itself; a broken description is the interpreter's to report.
  if (options.fast_path && ep->schema_errors.empty()) {
    detail::fast_verdict verdict;
    if (const detail::fast_endpoint* fast = detail::fast_validate(endpoint_id, body_json, verdict)) {
      return detail::fast_result(*fast, verdict, body_json, options);
    }
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

  return detail::validate_with(ep->body_schema, ep->has_warning_schema ? &ep->warning_schema : nullptr,
                               body, options);
}

validation_result detail::validate_with(const compiled_schema& body_schema,
                                        const compiled_schema* warning_schema, const json_value& body,
                                        validate_options options) {
  validation_result result;
  schema_result checked = body_schema.validate(body);
  result.errors = std::move(checked.errors);
  if (result.errors.size() > max_errors) result.errors.resize(max_errors);

  // Most bodies draw no warning: the yes/no pass skips building messages that would be dropped.
  if (warning_schema != nullptr && !warning_schema->is_valid(body)) {
    for (issue& w : warning_schema->validate(body).errors) {
      if (result.warnings.size() == max_errors) break;
      if (!hidden_by_errors(w, result.errors)) result.warnings.push_back(std::move(w));
    }
  }

  result.valid = result.errors.empty();
  if (options.with_value) result.value = to_json_with_defaults(body, checked.defaults);
  return result;
}

}  // namespace invitekit
