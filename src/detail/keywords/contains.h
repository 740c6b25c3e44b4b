// invitekit keyword "contains": at least one element must match a schema.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct contains_keyword {
  static constexpr std::uint8_t applies_to = kind_array;
  std::int32_t schema = no_node;

  static std::optional<contains_keyword> compile(compile_context& c) {
    const std::int32_t schema = c.optional_subschema("contains");
    if (schema == no_node) return std::nullopt;
    return contains_keyword{schema};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    for (const Json& item : elements_of(v))
      if (w.probe(schema, item)) return true;
    w.fail(n, "contains",
           [&] { return (sentence() << subject(title_of(n)) << " must include at least one matching item.").str(); });
    return false;
  }
};

}  // namespace invitekit::detail
