// invitekit detail: the fast path — each endpoint's schemas compiled to straight-line C++ at
// build time (scripts/gen_fast_paths.py writes fast_paths.cpp from src/endpoints/*.json).
//
// The schema interpreter (schema_eval.cpp) parses a body into a document, then walks a node
// graph for it: generic keyword tests, property lookups, message building. The generated code
// reads the JSON text once, front to back, and checks each value as it passes — the schema
// is known, so every key and every check is a plain comparison, and nothing is built. Its
// issues are fixed rules, known when the code was generated, so nothing is formatted either.
// Whatever it cannot decide exactly is "unsure", and the parser and interpreter decide as
// before. It never decides differently from them: tests/fast_path_test.cpp runs both ways on
// every vector and on tens of thousands of mutations of them.
//
// What the scanner reads (anything else is unsure): objects, arrays, strings without escapes
// (well-formed UTF-8), integers of at most 15 digits, each where the schema expects one; no
// duplicate keys. What it decides:
//   errors    none (the body is valid), or one: a root oneOf with an x-messages sentence that
//             more than one branch matches, everything else being valid;
//   warnings  those of properties / allOf / if-then-else / "not" / "uniqueItems" nodes whose
//             messages are written in x-messages;
//   defaults  properties.X.default of the root object, when no other node has defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "issue.h"
#include "json.h"
#include "validate.h"

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
  // True when `verdict` is the whole decision for the JSON text; false: unsure (the verdict
  // is then undefined).
  bool (*scan)(std::string_view text, fast_verdict& verdict);
  const fast_rule* rules;
  std::uint32_t rule_count;
  const fast_default* defaults;
  std::uint32_t default_count;
};

// Generated: the endpoint's fast path, or nullptr.
const fast_endpoint* find_fast_endpoint(std::string_view id);

// Runs a fast path on a body's JSON text: true when `verdict` is the decision (warnings hidden
// by errors already dropped, as validate() drops them).
bool fast_decide(const fast_endpoint& e, std::string_view text, fast_verdict& verdict);

// Runs the endpoint's fast path on a body's JSON text. Returns the endpoint when the verdict is
// the decision (warnings hidden by errors already dropped, as validate() drops them), else
// nullptr.
const fast_endpoint* fast_validate(std::string_view id, std::string_view text, fast_verdict& verdict);

// A verdict in validate()'s terms, for the text it was made of.
validation_result fast_result(const fast_endpoint& e, const fast_verdict& verdict, std::string_view text,
                              validate_options options);

// The value validate() reports for a text the fast path decided: the text without whitespace
// (its strings have no escapes, so that is to_json's form) and the verdict's defaults.
std::string fast_value(const fast_endpoint& e, const fast_verdict& verdict, std::string_view text);

// Reads JSON text for the generated code: each call takes one token (after whitespace) of the
// subset the fast path reads, or returns false and leaves the decision to the interpreter.
class json_scanner {
 public:
  explicit json_scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // Whether the next token is c (then taken). The first test is inlined at every token of the
  // generated code: text from JSON.stringify has no whitespace, so it is usually the only one.
  [[gnu::always_inline]] bool take(char c) {
    if (p_ != end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return take_after_ws(c);
  }
  // A string with no escapes and well-formed UTF-8; `out` views the text.
  bool string(std::string_view& out);
  // An integer of at most 15 digits (exact in a double), not -0 (whose value the schema's
  // comparisons and uniqueItems see as 0, which only the interpreter should judge).
  bool integer(double& out);
  // Nothing but whitespace is left.
  [[gnu::always_inline]] bool at_end() {
    skip_ws();
    return p_ == end_;
  }

 private:
  bool take_after_ws(char c);

  [[gnu::always_inline]] void skip_ws() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  const char* p_;
  const char* end_;
};

// Up to `capacity` values of an array the scanner has read (uniqueItems compares them);
// a longer array is left to the interpreter.
template <typename T, std::size_t capacity = 64>
struct fast_list {
  union {
    T items[capacity];  // in a union, so that no constructor runs for the unused ones
  };
  std::uint32_t count = 0;

  fast_list() {}

  bool push(T v) {
    if (count == capacity) return false;
    items[count++] = v;
    return true;
  }
  // Whether any element equals an earlier one; each_later(i) is called with the index of each
  // such element, in order, as find_duplicates reports them.
  template <typename F>
  bool duplicates(F&& each_later) const {
    bool any = false;
    for (std::uint32_t i = 1; i < count; ++i) {
      for (std::uint32_t j = 0; j < i; ++j) {
        if (items[j] == items[i]) {
          any = true;
          each_later(i);
          break;
        }
      }
    }
    return any;
  }
};

// The issue a verdict's entry stands for.
issue fast_issue_text(const fast_endpoint& e, fast_issue i);

// Whether an error at error_path hides a warning at warning_path (validate() and the fast path
// share the rule): a warning is only worth showing on a field that is otherwise valid. An error
// on the field itself, inside it, or on a containing field other than the whole body hides it.
bool hides_warning(std::string_view error_path, std::string_view warning_path);

}  // namespace invitekit::detail
