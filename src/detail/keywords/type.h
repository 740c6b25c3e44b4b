// invitekit keyword "type": the kinds of value allowed ("string", ["string", "null"], …).
#pragma once

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct type_keyword {
  static constexpr std::uint8_t applies_to = kind_any;
  std::uint8_t kinds = 0;

  static std::optional<type_keyword> compile(compile_context& c) {
    const json* type = c.find("type");
    if (type == nullptr) return std::nullopt;
    type_keyword k;
    if (type->is_string()) {
      k.kinds = kind_named(c, string_of(*type));
    } else if (type->is_array()) {
      for (const json& t : *type) k.kinds |= kind_named(c, t.is_string() ? string_of(t) : std::string());
    } else {
      c.fail("type", "'type' must be a type name or a list of them.");
      return std::nullopt;
    }
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    const std::uint8_t kind = kind_of(v);
    // An integer is of kind integer and number; "integer" alone must not admit 1.5.
    if ((kind & kinds & ~kind_integer) != 0 || (kinds & kind_integer && kind & kind_integer)) return true;
    w.fail(n, "type", [&] { return message(n, v.type()); });
    return false;
  }

  // "The invite type must be text." — mixing up structures is worth spelling out
  // (", not an array"); "must be text" says enough for a number.
  std::string message(const schema_node& n, value_t actual) const {
    constexpr std::pair<std::uint8_t, std::string_view> phrases[] = {
        {kind_null, "null"},   {kind_boolean, "true or false"}, {kind_integer, "a whole number"},
        {kind_number, "a number"}, {kind_string, "text"},      {kind_array, "a list ([…])"},
        {kind_object, "a JSON object ({…})"}};
    sentence out;
    out << subject(title_of(n)) << " must be ";
    bool first = true;
    for (const auto& [bit, words] : phrases) {
      if (!(kinds & bit) || (bit == kind_integer && (kinds & kind_number))) continue;  // "a number" covers it
      out << (first ? "" : " or ") << words;
      first = false;
    }
    if (actual == value_t::array) out << ", not an array";
    if (actual == value_t::object) out << ", not an object";
    if (actual == value_t::null) out << ", not null";
    return (out << ".").str();
  }

 private:
  static std::uint8_t kind_named(compile_context& c, std::string_view name) {
    constexpr std::pair<std::string_view, std::uint8_t> names[] = {
        {"null", kind_null},     {"boolean", kind_boolean}, {"integer", kind_integer}, {"number", kind_number},
        {"string", kind_string}, {"array", kind_array},     {"object", kind_object}};
    for (const auto& [known, bit] : names)
      if (name == known) return bit;
    c.fail("type", single_quoted(name) + " is not a JSON Schema type.");
    return 0;
  }
};

}  // namespace invitekit::detail
