// invitekit keywords "anyOf" and "oneOf": the value must match at least one, or exactly one, of
// a list of schemas. When none matches, the walker reports the one branch written for this kind
// of value, or one error for the whole (see schema_walker's report_branches).
#pragma once

#include "detail/keyword_support.h"
#include "detail/keywords/all_of.h"

namespace invitekit::detail {

struct any_of_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::vector<std::int32_t> branches;

  static std::optional<any_of_keyword> compile(compile_context& c) {
    auto branches = schema_list(c, "anyOf");
    if (!branches) return std::nullopt;
    return any_of_keyword{std::move(*branches)};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    for (std::int32_t s : branches) {
      if (!w.probe(s, v)) continue;
      if (w.collecting()) w.eval(s, v);  // again, for the defaults it holds
      return true;
    }
    w.report_branches(n, "anyOf", branches, v, [&] {
      return (sentence() << subject(title_of(n)) << " does not match any of the allowed forms.").str();
    });
    return false;
  }
};

struct one_of_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::vector<std::int32_t> branches;

  static std::optional<one_of_keyword> compile(compile_context& c) {
    auto branches = schema_list(c, "oneOf");
    if (!branches) return std::nullopt;
    return one_of_keyword{std::move(*branches)};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    std::int32_t match = no_node;
    for (std::int32_t s : branches) {
      if (!w.probe(s, v)) continue;
      if (match != no_node) {
        w.fail(n, "oneOf", [&] {
          return (sentence() << subject(title_of(n))
                           << " matches more than one of the allowed forms; it must match exactly one.")
              .str();
        });
        return false;
      }
      match = s;
    }
    if (match != no_node) {
      if (w.collecting()) w.eval(match, v);  // again, for the defaults it holds
      return true;
    }
    w.report_branches(n, "oneOf", branches, v, [&] {
      return (sentence() << subject(title_of(n)) << " does not match any of the allowed forms.").str();
    });
    return false;
  }
};

}  // namespace invitekit::detail
