// invitekit detail: messages for failed keywords — built only when an error is reported.
//
// A field is named by its schema's "title" ("The first name is too long: …"); without one the
// sentence falls back to "This value". A subschema's "x-messages" wins over all of this.
#include "detail/schema_messages.h"

#include <charconv>

namespace invitekit::detail {
namespace {

// Messages are built by appending into one string reserved up front: a broken body builds
// several, and the temporaries of operator+ chains were most of their cost.
class sentence {
 public:
  sentence() { out_.reserve(96); }
  sentence& operator<<(std::string_view s) {
    out_ += s;
    return *this;
  }
  sentence& operator<<(char c) {
    out_ += c;
    return *this;
  }
  sentence& operator<<(std::size_t n) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    out_.append(digits, end);
    return *this;
  }
  std::string take() { return std::move(out_); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

// "The first name", or "This value" without a title.
void subject(sentence& out, const schema_node& n) {
  if (n.title.empty())
    out << "This value";
  else
    out << "The " << n.title;
}

// "the first name", or the fallback without a title.
void the_title(sentence& out, const schema_node& n, std::string_view fallback) {
  if (n.title.empty())
    out << fallback;
  else
    out << "the " << n.title;
}

// How the named property is called: "the email address" from its own schema, or 'email'.
void property_phrase(sentence& out, const schema_program& p, const schema_node& n,
                     std::string_view name) {
  const int i = n.find_name(name);
  if (i >= 0) {
    const std::int32_t s = n.names[static_cast<std::size_t>(i)].schema;
    if (s != no_node && !p.nodes[static_cast<std::size_t>(s)].title.empty()) {
      out << "the " << p.nodes[static_cast<std::size_t>(s)].title;
      return;
    }
  }
  out << '\'' << name << '\'';
}

void display(sentence& out, const json_value& v) {
  if (v.is_string())
    out << v.as_string();
  else
    append_json(out.str(), v);
}

void plural(sentence& out, std::size_t count, std::string_view noun) {
  out << count << ' ' << noun;
  if (count != 1) out << 's';
}

// "The first name is too long: at most 250 characters (it has 251)."
std::string length_sentence(const schema_node& n, std::string_view bound, std::int64_t limit,
                            std::size_t actual) {
  sentence out;
  subject(out, n);
  out << ' ' << bound << ' ';
  plural(out, static_cast<std::size_t>(limit), "character");
  out << " (it has " << actual << ").";
  return out.take();
}

// "List at most 50 items in the website IDs (it has 51)." — no verb to agree with the title.
std::string count_sentence(const schema_node& n, std::string_view bound, std::int64_t limit,
                           std::string_view noun, std::string_view fallback, std::size_t actual) {
  sentence out;
  out << bound << ' ';
  plural(out, static_cast<std::size_t>(limit), noun);
  out << " in ";
  the_title(out, n, fallback);
  out << " (it has " << actual << ").";
  return out.take();
}

std::string_view type_phrase(std::uint8_t bit) {
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

std::string_view actual_phrase(const json_value& v) {
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
  sentence out;
  subject(out, n);
  out << " must be ";
  bool first = true;
  for (std::uint8_t bit = 1; bit <= type_object; bit <<= 1) {
    if (!(n.types & bit)) continue;
    if (bit == type_integer && (n.types & type_number)) continue;  // "a number" covers it
    if (!first) out << " or ";
    first = false;
    out << type_phrase(bit);
  }
  // Mixing up structures is worth spelling out; "must be text" says enough for a number.
  const json_type t = instance.type();
  if (t == json_type::array || t == json_type::object || t == json_type::null) {
    out << ", not " << actual_phrase(instance);
  }
  out << '.';
  return out.take();
}

std::string enum_message(const schema_node& n) {
  sentence out;
  out << "Choose one of: ";
  bool first = true;
  for (const json_value v : n.enum_values.items()) {
    if (!first) out << ", ";
    display(out, v);
    first = false;
  }
  out << '.';
  return out.take();
}

// subject + middle + limit text + "."
std::string subject_sentence(const schema_node& n, std::string_view middle, std::string_view end) {
  sentence out;
  subject(out, n);
  out << middle << end << '.';
  return out.take();
}

}  // namespace

std::string schema_message(const schema_program& p, const schema_node& n, keyword k,
                           const message_facts& f) {
  if (n.x_messages.exists()) {
    if (const json_value custom = n.x_messages.find(keyword_name(k)); custom.is_string()) {
      return std::string(custom.as_string());
    }
  }
  switch (k) {
    case keyword::type:
      return type_message(n, f.instance);
    case keyword::enum_:
      return enum_message(n);
    case keyword::const_: {
      sentence out;
      subject(out, n);
      out << " must be ";
      display(out, n.const_value);
      out << '.';
      return out.take();
    }
    case keyword::required: {
      sentence out;
      out << "Enter ";
      property_phrase(out, p, n, f.name);
      out << ": it is required.";
      return out.take();
    }
    case keyword::dependencies: {
      sentence out;
      out << "Enter ";
      property_phrase(out, p, n, f.name);
      out << ": it is required when '" << f.trigger << "' is given.";
      return out.take();
    }
    case keyword::additional_properties: {
      sentence out;
      out << "Remove '" << f.name << "': it is not a field of ";
      if (n.title.empty())
        out << "this object";
      else
        out << "this " << n.title;
      out << '.';
      if (!f.suggestion.empty()) out << " Did you mean '" << f.suggestion << "'?";
      return out.take();
    }
    case keyword::property_names: {
      sentence out;
      out << '\'' << f.name << "' is not an allowed field name in ";
      the_title(out, n, "this object");
      out << '.';
      return out.take();
    }
    case keyword::min_items:
      return count_sentence(n, "List at least", n.min_items, "item", "this list", f.actual);
    case keyword::max_items:
      return count_sentence(n, "List at most", n.max_items, "item", "this list", f.actual);
    case keyword::unique_items: {
      sentence out;
      out << "This value is already listed earlier in ";
      the_title(out, n, "this list");
      out << '.';
      return out.take();
    }
    case keyword::contains:
      return subject_sentence(n, " must include at least one matching item", "");
    case keyword::min_length:
      return length_sentence(n, "is too short: at least", n.min_length, f.actual);
    case keyword::max_length:
      return length_sentence(n, "is too long: at most", n.max_length, f.actual);
    case keyword::pattern:
      return subject_sentence(n, " does not have the expected form", "");
    case keyword::format:
      if (n.format == format_kind::email)
        return "Enter a valid email address, like name@example.com.";
      if (n.format == format_kind::uuid) {
        sentence out;
        out << "Enter ";
        the_title(out, n, "this value");
        out << " as a UUID, like 123e4567-e89b-12d3-a456-426614174000.";
        return out.take();
      }
      return subject_sentence(n, " must be a valid regular expression", "");
    case keyword::minimum:
      return subject_sentence(n, " must be at least ", n.minimum.text);
    case keyword::maximum:
      return subject_sentence(n, " must be at most ", n.maximum.text);
    case keyword::exclusive_minimum:
      return subject_sentence(n, " must be greater than ", n.exclusive_minimum.text);
    case keyword::exclusive_maximum:
      return subject_sentence(n, " must be less than ", n.exclusive_maximum.text);
    case keyword::multiple_of:
      return subject_sentence(n, " must be a multiple of ", n.multiple_of.text);
    case keyword::min_properties:
      return count_sentence(n, "Give at least", n.min_properties, "field", "this object", f.actual);
    case keyword::max_properties:
      return count_sentence(n, "Give at most", n.max_properties, "field", "this object", f.actual);
    case keyword::one_of:
      if (f.several) {
        return subject_sentence(
            n, " matches more than one of the allowed forms; it must match exactly one", "");
      }
      return subject_sentence(n, " does not match any of the allowed forms", "");
    case keyword::any_of:
      return subject_sentence(n, " does not match any of the allowed forms", "");
    case keyword::not_:
      return subject_sentence(n, " is not allowed here", "");
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
