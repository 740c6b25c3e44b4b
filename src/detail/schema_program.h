// invitekit detail: a compiled JSON Schema — one flat array of nodes, one per subschema, each
// holding the keywords it checks (detail/keywords/registry.h) already read from the schema.
//
// Nodes refer to each other by index, so recursive schemas ($ref: "#") are plain cycles.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "detail/keywords/registry.h"
#include "issue.h"

namespace invitekit::detail {

struct checked_keyword {
  std::uint8_t applies_to;  // kind_bits of the values it checks
  keyword_check check;
};

struct schema_node {
  // Boolean schemas compile to an empty node (true) or one that fails everything (false).
  bool always_false = false;
  // Draft-07: a $ref replaces the whole subschema; its siblings are ignored.
  std::int32_t ref = no_node;
  std::vector<checked_keyword> checks;  // in registry order
  std::vector<property_default> defaults;

  // Words for messages.
  std::string title;
  std::string x_code;  // replaces the keyword as the error code
  json x_messages;     // {keyword: message}, or null
  std::vector<std::pair<std::string, std::string>> property_titles;  // name → its schema's title
};

struct schema_program {
  std::vector<schema_node> nodes;
  std::int32_t root = no_node;
};

// Compiles a schema document into a program. Returns false and appends "schema" issues (path:
// the JSON Pointer inside the schema) for what it cannot use: unknown $ref targets, patterns
// that do not compile, malformed keyword values.
bool compile_program(const json& schema, schema_program& program, issue_list* errors);

}  // namespace invitekit::detail
