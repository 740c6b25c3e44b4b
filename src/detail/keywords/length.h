// invitekit keywords "minLength" and "maxLength": how long text may be, in characters (Unicode
// code points, as draft-07 counts them).
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct length_keyword {
  static constexpr std::uint8_t applies_to = kind_string;
  std::optional<std::uint64_t> min, max;

  static std::optional<length_keyword> compile(compile_context& c) {
    length_keyword k{c.count("minLength"), c.count("maxLength")};
    if (!k.min && !k.max) return std::nullopt;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    std::uint64_t length = 0;
    for (char c : string_of(v)) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    bool ok = true;
    if (min && length < *min) {
      ok = false;
      if (w.fail(n, "minLength", [&] { return message(n, "is too short: at least", *min, length); })) return false;
    }
    if (max && length > *max) {
      ok = false;
      if (w.fail(n, "maxLength", [&] { return message(n, "is too long: at most", *max, length); })) return false;
    }
    return ok;
  }

  // "The first name is too long: at most 250 characters (it has 251)."
  static std::string message(const schema_node& n, std::string_view bound, std::uint64_t limit, std::uint64_t length) {
    return (sentence() << subject(title_of(n)) << " " << bound << " " << counted{limit, "character"} << " (it has "
                       << length << ").")
        .str();
  }
};

}  // namespace invitekit::detail
