// invitekit detail: turns a schema document into a schema_program (see schema_program.h).
#pragma once

#include "detail/schema_program.h"
#include "issue.h"

namespace invitekit::detail {

// Compiles program.source.root() into program.nodes and sets program.root. Returns false and
// appends "schema" issues (path = the JSON Pointer inside the schema) for what it cannot use:
// unknown $ref targets, patterns that do not compile, malformed keyword values.
bool compile_program(schema_program& program, issue_list* errors);

}  // namespace invitekit::detail
