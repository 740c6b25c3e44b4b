// invitekit keyword "not": the value must not match a schema.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct not_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::int32_t schema = no_node;

  static std::optional<not_keyword> compile(compile_context& c) {
    const std::int32_t schema = c.optional_subschema("not");
    if (schema == no_node) return std::nullopt;
    return not_keyword{schema};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    if (!w.probe(schema, v)) return true;
    w.fail(n, "not", [&] { return (sentence() << subject(title_of(n)) << " is not allowed here.").str(); });
    return false;
  }
};

}  // namespace invitekit::detail
