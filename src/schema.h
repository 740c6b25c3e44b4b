// invitekit: a JSON Schema draft-07 validator — the engine behind validate().
//
//   invitekit::compiled_schema schema;
//   if (!schema.compile(schema_json, &errors)) ...;             // code "schema"
//   invitekit::schema_result r = schema.validate(instance);     // every error, {path, code, message}
//
// Keywords (one struct each in detail/keywords/, listed in detail/keywords/registry.h): type enum
// const required properties additionalProperties patternProperties propertyNames items
// additionalItems contains minItems maxItems uniqueItems minLength maxLength (code points)
// pattern (ECMAScript, through regex_engine.h) format (email, uuid, regex; others are
// annotations) minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minProperties
// maxProperties allOf anyOf oneOf not if/then/else dependencies $ref (local: "#", "#/...",
// "#name" and other schemas of the same document via $id) definitions, boolean schemas,
// default, title. Draft-07 rules the engine keeps: keywords beside $ref are ignored, "integer"
// accepts 1.0, lengths count code points, "__proto__" is an ordinary property name.
//
// Where errors point (path is a JSON Pointer into the instance), in the order of the instance:
//   required, dependencies       at the missing property ("/website_id")
//   additionalProperties         at the extra property; the message names it and may add
//                                "Did you mean 'email'?" for a close declared name
//   uniqueItems                  at each element that repeats an earlier one
//   then / else                  their own keywords' errors, with their own x-messages
//   oneOf / anyOf, no match      the branches written for another kind of value are dropped
//                                (a const/enum/type tag that does not match, then a missing
//                                required property); if one branch remains, its own errors,
//                                else one oneOf/anyOf error at the value
//   oneOf, several match         one oneOf error at the value
// Extensions, read only by this engine:
//   "x-messages": {keyword: message}  the message for that keyword's error in this subschema
//   "x-code": "name"                  the code for errors raised by this subschema's keywords
// Messages are written for an admin and name the field by its "title" when it has one.
// Never throws; a schema that cannot be compiled is reported, not crashed on. An instance may be
// the core's json or a plain nlohmann::json: each is read as it is, without a copy.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "issue.h"
#include "json_text.h"

namespace invitekit {

// A default the schema supplies for a property the instance lacks.
struct default_insertion {
  std::string object_path;  // JSON Pointer of the object that lacks the property
  std::string property;     // the property name
  json value;               // the default
};

struct schema_result {
  issue_list errors;                        // at most max_errors
  std::vector<default_insertion> defaults;  // for objects that validated; inner objects first
};

class compiled_schema {
 public:
  compiled_schema();
  ~compiled_schema();
  compiled_schema(compiled_schema&&) noexcept;
  compiled_schema& operator=(compiled_schema&&) noexcept;

  // Compiles a schema; it may be discarded afterwards. Returns false and appends "schema" issues
  // for what is not supported (unknown $ref targets, bad patterns, …).
  bool compile(const json& schema, issue_list* errors = nullptr);

  // `defaults` false: leave schema_result::defaults empty (a caller that only wants errors).
  schema_result validate(const json& instance, bool defaults = true) const;
  schema_result validate(const nlohmann::json& instance, bool defaults = true) const;

  // Yes or no: no messages, stops at the first error.
  bool is_valid(const json& instance) const;
  bool is_valid(const nlohmann::json& instance) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// The value with the defaults inserted, each at the end of its object.
json with_defaults(json value, const std::vector<default_insertion>& defaults);

}  // namespace invitekit
