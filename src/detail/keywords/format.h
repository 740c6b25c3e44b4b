// invitekit keyword "format": "email", "uuid" and "regex" are checked (detail/schema_format.h);
// every other format is an annotation, as draft-07 allows.
#pragma once

#include "detail/keyword_support.h"
#include "detail/schema_format.h"

namespace invitekit::detail {

struct format_keyword {
  static constexpr std::uint8_t applies_to = kind_string;
  enum class kind : std::uint8_t { email, uuid, regex } format;

  static std::optional<format_keyword> compile(compile_context& c) {
    const json* format = c.find("format");
    if (format == nullptr || !format->is_string()) return std::nullopt;
    const std::string& name = string_of(*format);
    if (name == "email") return format_keyword{kind::email};
    if (name == "uuid") return format_keyword{kind::uuid};
    if (name == "regex") return format_keyword{kind::regex};
    return std::nullopt;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const std::string& s = string_of(v);
    const bool ok = format == kind::email ? is_email(s) : format == kind::uuid ? is_uuid(s) : is_regex(s);
    if (!ok) w.fail(n, "format", [&] { return message(n); });
    return ok;
  }

  std::string message(const schema_node& n) const {
    switch (format) {
      case kind::email: return "Enter a valid email address, like name@example.com.";
      case kind::uuid:
        return (sentence() << "Enter " << the_title(title_of(n), "this value")
                           << " as a UUID, like 123e4567-e89b-12d3-a456-426614174000.")
            .str();
      case kind::regex: break;
    }
    return (sentence() << subject(title_of(n)) << " must be a valid regular expression.").str();
  }
};

}  // namespace invitekit::detail
