// invitekit keyword "allOf": the value must match every schema of a list; their errors are its.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

// The nodes of a non-empty list of schemas (allOf, anyOf, oneOf), or nullopt (absent or
// malformed, then reported).
inline std::optional<std::vector<std::int32_t>> schema_list(compile_context& c, std::string_view keyword) {
  const json* list = c.find(keyword);
  if (list == nullptr) return std::nullopt;
  if (!list->is_array() || list->empty()) {
    c.fail(keyword, single_quoted(keyword) + " must be a non-empty list of schemas.");
    return std::nullopt;
  }
  std::vector<std::int32_t> nodes;
  for (std::size_t i = 0; i < list->size(); ++i) nodes.push_back(c.subschema(keyword, i, (*list)[i]));
  return nodes;
}

struct all_of_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::vector<std::int32_t> branches;

  static std::optional<all_of_keyword> compile(compile_context& c) {
    auto branches = schema_list(c, "allOf");
    if (!branches) return std::nullopt;
    return all_of_keyword{std::move(*branches)};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node&, Walker& w) const {
    bool ok = true;
    for (std::int32_t s : branches) {
      if (w.eval(s, v)) continue;
      ok = false;
      if (w.stopped()) return false;
    }
    return ok;
  }
};

}  // namespace invitekit::detail
