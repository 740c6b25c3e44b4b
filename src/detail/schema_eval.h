// invitekit detail: running a compiled schema against an instance — a fast yes/no walk and a
// full walk that collects every error (with its path and message) and the defaults to insert.
#pragma once

#include <cstdint>
#include <vector>

#include "detail/schema_program.h"
#include "issue.h"
#include "schema.h"

namespace invitekit::detail {

struct eval_error {
  issue item;
  keyword kw;           // the keyword that failed (item.code may be an x-code instead)
  std::uint32_t depth;  // how deep in the instance the failing keyword was evaluated
};

struct eval_output {
  std::vector<eval_error> errors;           // at most max_errors
  std::vector<default_insertion> defaults;  // duplicates removed, in the order found
};

// True if the instance is valid. No allocation for the keywords the endpoints use.
bool eval_fast(const schema_program& program, const json_value& instance);

// Every error (up to max_errors) and every default for objects that validated.
void eval_full(const schema_program& program, const json_value& instance, eval_output& out);

}  // namespace invitekit::detail
