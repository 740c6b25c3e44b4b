// invitekit detail: the compiled form of a JSON Schema — one flat array of nodes, one per
// subschema, with every keyword pre-resolved (property tables, $ref targets, regex handles).
//
// Nodes refer to each other by index, so recursive schemas ($ref: "#") are plain cycles.
// Strings and constants are views into `source`, the program's own copy of the schema text,
// which is why a compiled_schema outlives the document it was compiled from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json.h"

namespace invitekit::detail {

inline constexpr std::int32_t no_node = -1;

// The draft-07 keywords that can fail, plus two the engine raises itself.
enum class keyword : std::uint8_t {
  type,
  enum_,
  const_,
  required,
  properties,
  additional_properties,
  pattern_properties,
  property_names,
  items,
  additional_items,
  contains,
  min_items,
  max_items,
  unique_items,
  min_length,
  max_length,
  pattern,
  format,
  minimum,
  maximum,
  exclusive_minimum,
  exclusive_maximum,
  multiple_of,
  min_properties,
  max_properties,
  dependencies,
  all_of,
  any_of,
  one_of,
  not_,
  false_,
  schema,  // the schema itself is broken at validation time (endless $ref loop)
};

// The keyword's name as written in a schema (and used as the error code).
std::string_view keyword_name(keyword k);

// Bits of the "type" keyword. An integer instance carries both integer and number.
enum type_bits : std::uint8_t {
  type_null = 1,
  type_boolean = 2,
  type_integer = 4,
  type_number = 8,
  type_string = 16,
  type_array = 32,
  type_object = 64,
};

enum class format_kind : std::uint8_t { none, email, uuid, regex };

// A number keyword's limit: its value, and its text for messages ("250", not "250.000000").
struct number_limit {
  bool present = false;
  double value = 0;
  std::string_view text;
};

// One property name an object node knows: from properties, required, or a default.
struct named_property {
  std::string_view name;
  std::int32_t schema = no_node;  // "properties"[name], if any
  bool required = false;
  json_value default_value;  // properties[name].default, if any (exists())
  std::string default_json;  // default_value as compact JSON, written once at compile time
};

struct pattern_property {
  std::int32_t regex = -1;
  std::int32_t schema = no_node;
};

struct dependency {
  std::string_view name;                   // when this property is present …
  std::vector<std::string_view> required;  // … these must be too (array form), or
  std::int32_t schema = no_node;           // … the object must match this (schema form)
};

struct schema_node {
  // Boolean schemas compile to an empty node (true) or one that fails everything (false).
  bool always_false = false;
  // Draft-07: a $ref replaces the whole subschema; its siblings are ignored.
  std::int32_t ref = no_node;

  std::uint8_t types = 0;                      // type_bits; 0 = any type
  json_value enum_values;                      // the enum array, or missing
  std::vector<std::string_view> enum_strings;  // the same, when every value is a string
  bool enum_all_strings = false;
  json_value const_value;  // or missing
  bool const_is_string = false;

  // Objects.
  bool has_object_checks = false;
  // Whether every member must be visited (additionalProperties, patternProperties,
  // propertyNames); otherwise each named property is looked up, which is cheaper for the
  // small "if" schemas that test one field of a large object.
  bool walk_members = false;
  std::vector<named_property> names;     // properties ∪ required ∪ defaults
  std::vector<std::int16_t> name_slots;  // open-addressing hash table over names (-1 = empty)
  std::uint64_t required_mask = 0;       // bit i set: names[i] is required (when names ≤ 64)
  std::uint64_t default_mask = 0;        // bit i set: names[i] has a default
  std::vector<pattern_property> pattern_properties;
  std::int32_t additional_properties = no_node;
  std::int32_t property_names = no_node;
  std::vector<dependency> dependencies;
  std::int64_t min_properties = -1, max_properties = -1;

  // Arrays.
  bool has_array_checks = false;
  std::int32_t items = no_node;           // one schema for every element, or …
  std::vector<std::int32_t> tuple_items;  // … one per position
  bool items_is_tuple = false;
  std::int32_t additional_items = no_node;  // only with tuple items
  std::int32_t contains = no_node;
  std::int64_t min_items = -1, max_items = -1;
  bool unique_items = false;

  // Strings.
  bool has_string_checks = false;
  std::int64_t min_length = -1, max_length = -1;  // in code points
  std::int32_t pattern = -1;                      // regex handle
  format_kind format = format_kind::none;

  // Numbers.
  bool has_number_checks = false;
  number_limit minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;

  // Applicators.
  std::vector<std::int32_t> all_of, any_of, one_of;
  std::int32_t not_ = no_node;
  std::int32_t if_ = no_node, then_ = no_node, else_ = no_node;

  // Words for messages.
  std::string_view title;
  std::string_view x_code;  // replaces the keyword as the error code
  json_value x_messages;    // {keyword: message}, or missing

  // The index into `names` of a property name, or -1.
  int find_name(std::string_view key) const;
};

// Fills n.name_slots from n.names (at most 32767 names).
void build_name_slots(schema_node& n);

struct schema_program {
  json_document source;  // the schema, copied: every view above points into it
  std::vector<schema_node> nodes;
  std::int32_t root = no_node;
  // No node but the root has defaults and nothing refers back to the root, so a valid
  // instance's defaults are the root's own: the fast walk can stand in for the full one.
  bool defaults_at_root_only = false;
};

// Sets program.defaults_at_root_only (after the nodes are compiled).
void find_default_sites(schema_program& program);

}  // namespace invitekit::detail
