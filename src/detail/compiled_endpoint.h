// invitekit detail: each endpoint's description compiled once — its schemas, shared by
// validate(), build_request() and read_response().
#pragma once

#include <string_view>

#include "catalog.h"
#include "issue.h"
#include "schema.h"

namespace invitekit::detail {

struct compiled_endpoint {
  const endpoint_info* info = nullptr;
  compiled_schema body_schema;      // "schema": failures are errors
  compiled_schema warning_schema;   // "warningSchema": failures are warnings
  compiled_schema response_schema;  // "responses"/"schema": failures are contract warnings
  bool has_warning_schema = false;
  bool has_response_schema = false;
  issue_list schema_errors;         // code "schema": a description that does not compile
};

// The endpoint with this id, compiled on first use (thread-safe), or nullptr.
const compiled_endpoint* find_compiled_endpoint(std::string_view id);

// The issue for an id the catalog does not know (code "endpoint", path ""), listing the known ids.
issue unknown_endpoint_issue(std::string_view id);

}  // namespace invitekit::detail
