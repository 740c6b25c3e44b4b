// invitekit detail: small lookups on the compiled schema — keyword names and property tables.
#include "detail/schema_program.h"

#include <array>

namespace invitekit::detail {

std::string_view keyword_name(keyword k) {
  static constexpr std::array<std::string_view, 32> names = {"type",
                                                             "enum",
                                                             "const",
                                                             "required",
                                                             "properties",
                                                             "additionalProperties",
                                                             "patternProperties",
                                                             "propertyNames",
                                                             "items",
                                                             "additionalItems",
                                                             "contains",
                                                             "minItems",
                                                             "maxItems",
                                                             "uniqueItems",
                                                             "minLength",
                                                             "maxLength",
                                                             "pattern",
                                                             "format",
                                                             "minimum",
                                                             "maximum",
                                                             "exclusiveMinimum",
                                                             "exclusiveMaximum",
                                                             "multipleOf",
                                                             "minProperties",
                                                             "maxProperties",
                                                             "dependencies",
                                                             "allOf",
                                                             "anyOf",
                                                             "oneOf",
                                                             "not",
                                                             "false",
                                                             "schema"};
  return names[static_cast<std::size_t>(k)];
}

// Length and the two end bytes: three loads, and distinct for the property names schemas use;
// the rare collision costs one more probe. Hashing every byte cost more than the lookup saved.
std::uint32_t name_hash(std::string_view s) {
  if (s.empty()) return 0;
  const auto first = static_cast<unsigned char>(s.front());
  const auto last = static_cast<unsigned char>(s.back());
  return static_cast<std::uint32_t>(s.size()) * 0x9E3779B1u ^ first * 0x85EBCA77u ^
         last * 0xC2B2AE3Du;
}

int schema_node::find_name(std::string_view key) const {
  if (name_slots.empty()) return -1;
  const std::size_t mask = name_slots.size() - 1;
  for (std::size_t i = name_hash(key) & mask;; i = (i + 1) & mask) {
    const int slot = name_slots[i];
    if (slot < 0) return -1;
    if (names[static_cast<std::size_t>(slot)].name == key) return slot;
  }
}

void build_name_slots(schema_node& n) {
  std::size_t size = 4;
  while (size < n.names.size() * 2) size *= 2;  // at most half full: short probe runs
  n.name_slots.assign(size, -1);
  for (std::size_t i = 0; i < n.names.size(); ++i) {
    std::size_t at = name_hash(n.names[i].name) & (size - 1);
    while (n.name_slots[at] >= 0) at = (at + 1) & (size - 1);
    n.name_slots[at] = static_cast<std::int16_t>(i);
  }
}

}  // namespace invitekit::detail
