// invitekit detail: the fast path — each endpoint's schemas compiled to straight-line C++ at
// build time (scripts/gen_fast_paths.py writes fast_paths.cpp from src/endpoints/*.json).
//
// The schema interpreter (schema_eval.cpp) walks a node graph for every body: generic checks,
// property lookups by hash, message building. A generated check knows each endpoint's schema
// statically, so a body the interpreter would accept, or reject or warn about in one of the
// simple ways below, is decided by plain comparisons. Its issues are fixed rules, known when
// the code was generated, so nothing is formatted either. Anything else is "unsure", and the
// interpreter decides as before. A generated check never decides differently from the
// interpreter: tests/fast_path_test.cpp runs both on every vector and on mutations of them.
//
// What the generator decides (anything else, or any keyword it does not know, is unsure):
//   errors    none (the body is valid), or one: a root oneOf with an x-messages sentence that
//             more than one branch matches, everything else being valid;
//   warnings  those of properties / allOf / if-then-else / "not" / "uniqueItems" nodes whose
//             messages are written in x-messages;
//   defaults  properties.X.default of the root object, when no other node has defaults.
#pragma once

#include <cstdint>
#include <string_view>

#include "issue.h"
#include "json.h"

namespace invitekit::detail {

// An issue the generated code can report: its text is fixed. An indexed rule (a duplicate
// element) reports path + "/" + the element's index.
struct fast_rule {
  std::string_view path;
  std::string_view code;
  std::string_view message;
};

struct fast_issue {
  std::uint16_t rule;
  std::int32_t index;  // -1: the rule's path as it is
};

// A default the root object receives when it lacks the property: name and compact JSON.
struct fast_default {
  std::string_view name;
  std::string_view json;
};

// The decision for one body. Issues are capped like the interpreter's (max_errors each).
struct fast_verdict {
  bool valid = false;
  std::uint32_t defaults = 0;  // bit i: fast_endpoint::defaults[i] is inserted
  std::uint32_t error_count = 0;
  std::uint32_t warning_count = 0;
  fast_issue errors[max_errors];
  fast_issue warnings[max_errors];

  void error(std::uint16_t rule, std::int32_t index = -1) {
    if (error_count < max_errors) errors[error_count++] = {rule, index};
  }
  void warn(std::uint16_t rule, std::int32_t index = -1) {
    if (warning_count < max_errors) warnings[warning_count++] = {rule, index};
  }
};

struct fast_endpoint {
  std::string_view id;
  // True when `verdict` is the whole decision; false: unsure (verdict is then undefined).
  bool (*check)(const json_value& body, fast_verdict& verdict);
  const fast_rule* rules;
  std::uint32_t rule_count;
  const fast_default* defaults;
  std::uint32_t default_count;
};

// Generated: the endpoint's fast path, or nullptr.
const fast_endpoint* find_fast_endpoint(std::string_view id);

// Runs the endpoint's fast path on a parsed body. Returns the endpoint when the verdict is the
// decision (warnings hidden by errors already dropped, as validate() drops them), else nullptr.
const fast_endpoint* fast_validate(std::string_view id, const json_value& body,
                                   fast_verdict& verdict);

// The issue a verdict's entry stands for.
issue fast_issue_text(const fast_endpoint& e, fast_issue i);

// Whether an error at error_path hides a warning at warning_path (validate() and the fast path
// share the rule): a warning is only worth showing on a field that is otherwise valid. An error
// on the field itself, inside it, or on a containing field other than the whole body hides it.
bool hides_warning(std::string_view error_path, std::string_view warning_path);

}  // namespace invitekit::detail
