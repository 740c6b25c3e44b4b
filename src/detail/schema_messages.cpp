// invitekit detail: messages for failed keywords — built only when an error is reported.
//
// A field is named by its schema's "title" ("The first name is too long: …"); without one the
// sentence falls back to "This value". A subschema's "x-messages" wins over all of this.
#include "detail/schema_messages.h"

namespace invitekit::detail {
namespace {

std::string subject(const schema_node& n) {
  return n.title.empty() ? std::string("This value") : "The " + std::string(n.title);
}

std::string the_title(const schema_node& n, std::string_view fallback) {
  return n.title.empty() ? std::string(fallback) : "the " + std::string(n.title);
}

// "'name'", built by appending: GCC 12 -O3 misreads "'" + std::string(name) (-Wrestrict).
std::string in_quotes(std::string_view name) {
  std::string out = "'";
  out += name;
  out += '\'';
  return out;
}

// How the named property is called: "the email address" from its own schema, or 'email'.
std::string property_phrase(const schema_program& p, const schema_node& n, std::string_view name) {
  const int i = n.find_name(name);
  if (i >= 0) {
    const std::int32_t s = n.names[static_cast<std::size_t>(i)].schema;
    if (s != no_node && !p.nodes[static_cast<std::size_t>(s)].title.empty()) {
      return "the " + std::string(p.nodes[static_cast<std::size_t>(s)].title);
    }
  }
  return in_quotes(name);
}

std::string display(const json_value& v) {
  return v.is_string() ? std::string(v.as_string()) : to_json(v);
}

std::string plural(std::size_t count, std::string_view noun) {
  std::string out = std::to_string(count) + " " + std::string(noun);
  if (count != 1) out += 's';
  return out;
}

// "The first name is too long: at most 250 characters (it has 251)."
std::string length_sentence(const schema_node& n, std::string_view bound, std::int64_t limit,
                            std::size_t actual) {
  return subject(n) + " " + std::string(bound) + " " +
         plural(static_cast<std::size_t>(limit), "character") + " (it has " +
         std::to_string(actual) + ").";
}

// "List at most 50 items in the website IDs (it has 51)." — no verb to agree with the title.
std::string count_sentence(const schema_node& n, std::string_view bound, std::int64_t limit,
                           std::string_view noun, std::string_view fallback, std::size_t actual) {
  return std::string(bound) + " " + plural(static_cast<std::size_t>(limit), noun) + " in " +
         the_title(n, fallback) + " (it has " + std::to_string(actual) + ").";
}

std::string type_phrase(std::uint8_t bit) {
  switch (bit) {
    case type_null:
      return "null";
    case type_boolean:
      return "true or false";
    case type_integer:
      return "a whole number";
    case type_number:
      return "a number";
    case type_string:
      return "text";
    case type_array:
      return "a list ([…])";
    case type_object:
      return "a JSON object ({…})";
  }
  return "";
}

std::string actual_phrase(const json_value& v) {
  switch (v.type()) {
    case json_type::null:
      return "null";
    case json_type::boolean:
      return "true or false";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "text";
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
  }
  return "";
}

std::string type_message(const schema_node& n, const json_value& instance) {
  std::string expected;
  for (std::uint8_t bit = 1; bit <= type_object; bit <<= 1) {
    if (!(n.types & bit)) continue;
    if (bit == type_integer && (n.types & type_number)) continue;  // "a number" covers it
    if (!expected.empty()) expected += " or ";
    expected += type_phrase(bit);
  }
  std::string out = subject(n) + " must be " + expected;
  // Mixing up structures is worth spelling out; "must be text" says enough for a number.
  const json_type t = instance.type();
  if (t == json_type::array || t == json_type::object || t == json_type::null) {
    out += ", not " + actual_phrase(instance);
  }
  return out + ".";
}

std::string enum_message(const schema_node& n) {
  std::string out = "Choose one of: ";
  bool first = true;
  for (const json_value v : n.enum_values.items()) {
    if (!first) out += ", ";
    out += display(v);
    first = false;
  }
  return out + ".";
}

}  // namespace

std::string schema_message(const schema_program& p, const schema_node& n, keyword k,
                           const message_facts& f) {
  if (const json_value custom = n.x_messages.find(keyword_name(k)); custom.is_string()) {
    return std::string(custom.as_string());
  }
  switch (k) {
    case keyword::type:
      return type_message(n, f.instance);
    case keyword::enum_:
      return enum_message(n);
    case keyword::const_:
      return subject(n) + " must be " + display(n.const_value) + ".";
    case keyword::required:
      return "Enter " + property_phrase(p, n, f.name) + ": it is required.";
    case keyword::dependencies:
      return "Enter " + property_phrase(p, n, f.name) + ": it is required when '" +
             std::string(f.trigger) + "' is given.";
    case keyword::additional_properties: {
      std::string out =
          "Remove '" + std::string(f.name) + "': it is not a field of " +
          (n.title.empty() ? std::string("this object") : "this " + std::string(n.title)) + ".";
      if (!f.suggestion.empty()) out += " Did you mean '" + std::string(f.suggestion) + "'?";
      return out;
    }
    case keyword::property_names:
      return in_quotes(f.name) + " is not an allowed field name in " + the_title(n, "this object") +
             ".";
    case keyword::min_items:
      return count_sentence(n, "List at least", n.min_items, "item", "this list", f.actual);
    case keyword::max_items:
      return count_sentence(n, "List at most", n.max_items, "item", "this list", f.actual);
    case keyword::unique_items:
      return "This value is already listed earlier in " + the_title(n, "this list") + ".";
    case keyword::contains:
      return subject(n) + " must include at least one matching item.";
    case keyword::min_length:
      return length_sentence(n, "is too short: at least", n.min_length, f.actual);
    case keyword::max_length:
      return length_sentence(n, "is too long: at most", n.max_length, f.actual);
    case keyword::pattern:
      return subject(n) + " does not have the expected form.";
    case keyword::format:
      if (n.format == format_kind::email)
        return "Enter a valid email address, like name@example.com.";
      if (n.format == format_kind::uuid) {
        return "Enter " + the_title(n, "this value") +
               " as a UUID, like 123e4567-e89b-12d3-a456-426614174000.";
      }
      return subject(n) + " must be a valid regular expression.";
    case keyword::minimum:
      return subject(n) + " must be at least " + std::string(n.minimum.text) + ".";
    case keyword::maximum:
      return subject(n) + " must be at most " + std::string(n.maximum.text) + ".";
    case keyword::exclusive_minimum:
      return subject(n) + " must be greater than " + std::string(n.exclusive_minimum.text) + ".";
    case keyword::exclusive_maximum:
      return subject(n) + " must be less than " + std::string(n.exclusive_maximum.text) + ".";
    case keyword::multiple_of:
      return subject(n) + " must be a multiple of " + std::string(n.multiple_of.text) + ".";
    case keyword::min_properties:
      return count_sentence(n, "Give at least", n.min_properties, "field", "this object", f.actual);
    case keyword::max_properties:
      return count_sentence(n, "Give at most", n.max_properties, "field", "this object", f.actual);
    case keyword::one_of:
      if (f.several) {
        return subject(n) +
               " matches more than one of the allowed forms; it must match exactly one.";
      }
      return subject(n) + " does not match any of the allowed forms.";
    case keyword::any_of:
      return subject(n) + " does not match any of the allowed forms.";
    case keyword::not_:
      return subject(n) + " is not allowed here.";
    case keyword::schema:
      return "The schema behind this check refers to itself without end.";
    case keyword::properties:
    case keyword::pattern_properties:
    case keyword::items:
    case keyword::additional_items:
    case keyword::all_of:
    case keyword::false_:
      break;
  }
  return "This value is not allowed here.";
}

}  // namespace invitekit::detail
