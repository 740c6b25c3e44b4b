// invitekit keyword "definitions": checks nothing itself; its schemas are compiled so that their
// $ids are known and a $ref into them finds a node.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct definitions_keyword {
  static constexpr std::uint8_t applies_to = 0;

  static std::optional<definitions_keyword> compile(compile_context& c) {
    if (const json* all = c.find("definitions"); all != nullptr && all->is_object())
      for (const auto& [name, schema] : all->items()) c.subschema("definitions", name, schema);
    return std::nullopt;
  }

  template <class Json, class Walker>
  bool check(const Json&, const schema_node&, Walker&) const {
    return true;
  }
};

}  // namespace invitekit::detail
