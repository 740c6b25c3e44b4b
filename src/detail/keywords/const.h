// invitekit keyword "const": the value must equal one value.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct const_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  json value;

  static std::optional<const_keyword> compile(compile_context& c) {
    const json* value = c.find("const");
    if (value == nullptr) return std::nullopt;
    return const_keyword{*value};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    if (json_equal(value, v)) return true;
    w.fail(n, "const", [&] { return (sentence() << subject(title_of(n)) << " must be " << display(value) << ".").str(); });
    return false;
  }
};

}  // namespace invitekit::detail
