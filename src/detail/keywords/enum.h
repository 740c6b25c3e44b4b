// invitekit keyword "enum": the value must equal one of a list.
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct enum_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::vector<json> values;
  std::string message;  // "Choose one of: organization, website, group." (the same for every value)

  static std::optional<enum_keyword> compile(compile_context& c) {
    const json* values = c.find("enum");
    if (values == nullptr) return std::nullopt;
    if (!values->is_array()) {
      c.fail("enum", "'enum' must be a list of values.");
      return std::nullopt;
    }
    enum_keyword k{std::vector<json>(values->begin(), values->end()), "Choose one of: "};
    for (std::size_t i = 0; i < k.values.size(); ++i) k.message += (i ? ", " : "") + display(k.values[i]);
    k.message += ".";
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    for (const json& allowed : values)
      if (json_equal(allowed, v)) return true;
    w.fail(n, "enum", [&] { return message; });
    return false;
  }
};

}  // namespace invitekit::detail
