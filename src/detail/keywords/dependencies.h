// invitekit keyword "dependencies": when a property is present, others must be too (a list), or
// the object must match a schema.
#pragma once

#include "detail/keyword_support.h"
#include "detail/keywords/properties.h"

namespace invitekit::detail {

struct dependencies_keyword {
  static constexpr std::uint8_t applies_to = kind_object;

  struct dependency {
    std::string trigger;                // when this property is present …
    std::vector<std::string> required;  // … these must be too, or
    std::int32_t schema = no_node;      // … the object must match this
  };
  std::vector<dependency> dependencies;

  static std::optional<dependencies_keyword> compile(compile_context& c) {
    const json* all = c.find("dependencies");
    if (all == nullptr || !all->is_object()) return std::nullopt;
    dependencies_keyword k;
    for (const auto& [trigger, wanted] : all->items()) {
      dependency d{trigger, {}, no_node};
      if (wanted.is_array()) {
        for (const json& r : wanted) d.required.push_back(string_of(r));
      } else {
        d.schema = c.subschema("dependencies", trigger, wanted);
      }
      k.dependencies.push_back(std::move(d));
    }
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    bool ok = true;
    for (const dependency& d : dependencies) {
      if (members_of(v).count(d.trigger) == 0) continue;
      if (d.schema != no_node) {
        if (!w.eval(d.schema, v)) {
          ok = false;
          if (w.stopped()) return false;
        }
        continue;
      }
      for (const std::string& r : d.required) {
        if (members_of(v).count(r) != 0) continue;
        ok = false;
        const auto words = [&] {
          return (sentence() << "Enter " << properties_keyword::property_phrase(n, r) << ": it is required when '"
                             << d.trigger << "' is given.")
              .str();
        };
        if (w.fail(n, "dependencies", words, path_segment::member(r))) return false;
      }
    }
    return ok;
  }
};

}  // namespace invitekit::detail
