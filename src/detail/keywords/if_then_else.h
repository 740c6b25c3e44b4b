// invitekit keywords "if", "then" and "else": the value that matches "if" must match "then",
// any other "else". Their errors are their own keywords' errors, with their own x-messages.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct if_then_else_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::int32_t if_ = no_node, then_ = no_node, else_ = no_node;

  static std::optional<if_then_else_keyword> compile(compile_context& c) {
    // "then" and "else" are compiled even without "if": a $ref may point into them.
    if_then_else_keyword k{c.optional_subschema("if"), c.optional_subschema("then"), c.optional_subschema("else")};
    if (k.if_ == no_node) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node&, Walker& w) const {
    const std::int32_t branch = w.probe(if_, v) ? then_ : else_;
    return branch == no_node || w.eval(branch, v);
  }
};

}  // namespace invitekit::detail
