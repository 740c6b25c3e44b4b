// invitekit detail: what every keyword of the schema engine is written against.
//
// A keyword is one struct in src/detail/keywords/, listed once in keywords/registry.h:
//
//   struct min_length_keyword {
//     static constexpr std::uint8_t applies_to = kind_string;     // kinds of value it checks
//     static std::optional<min_length_keyword> compile(compile_context& c);  // nullopt: absent
//     template <class Json, class Walker>
//     bool check(const Json& v, const schema_node& n, Walker& w) const;  // false: it failed
//   };
//
// compile() reads the keyword's value from the subschema (c.find("minLength")), compiles any
// subschemas it holds (c.subschema(...)) and reports a malformed value (c.fail(...)). check()
// reports each failure with w.fail(n, "minLength", message) — the message is a function, called
// only when errors are being collected — and returns early when fail() says the walk must stop.
// The walker (detail/schema_walker.h) provides: fail, eval, probe (yes/no, nothing recorded),
// descend (into a member or element, for the error's path), node(i), collecting().
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/json_equal.h"
#include "detail/quoted.h"
#include "json_text.h"

namespace invitekit::detail {

inline constexpr std::int32_t no_node = -1;

struct schema_node;

// The node's "title": how messages name the value it checks ("" when it has none).
const std::string& title_of(const schema_node& n);
// The title of the schema of property `name` of an object node ("" when none).
const std::string& property_title(const schema_node& n, std::string_view name);

// A default the schema gives a property: inserted where an object that validated lacks it.
struct property_default {
  std::string name;
  json value;
};

// One step of the path to a value: a member's key or an element's index.
struct path_segment {
  std::string_view key;
  std::size_t index = 0;
  bool is_key = true;

  static path_segment member(std::string_view key) { return {key, 0, true}; }
  static path_segment element(std::size_t index) { return {{}, index, false}; }
};

class schema_compiler;

// The compiler's view of one subschema while it is compiled (see detail/schema_compiler.cpp).
class compile_context {
 public:
  // The keyword's value in this subschema, or nullptr.
  const json* find(std::string_view keyword) const;

  // Compiles a subschema this keyword holds and returns its node. The path inside the schema is
  // the keyword, then `token` or `index` when the keyword holds a map or a list of schemas.
  std::int32_t subschema(std::string_view keyword, const json& schema);
  std::int32_t subschema(std::string_view keyword, std::string_view token, const json& schema);
  std::int32_t subschema(std::string_view keyword, std::size_t index, const json& schema);
  // The node of schema[keyword] when it is a schema (object or boolean), else no_node.
  std::int32_t optional_subschema(std::string_view keyword);

  // A "schema" error about this keyword's value (path: the keyword inside the schema).
  void fail(std::string_view keyword, std::string message);
  void fail(std::string_view keyword, std::string_view token, std::string message);

  // A non-negative integer keyword ("maxLength": 2.0 counts); nullopt when absent or malformed
  // (and then reported).
  std::optional<std::uint64_t> count(std::string_view keyword);

  // What the node keeps for the walker besides its keywords.
  void add_default(std::string name, json value);
  void add_property_title(std::string name, std::string title);

 private:
  friend class schema_compiler;
  compile_context(schema_compiler& compiler, const json& schema, std::string pointer, std::string base,
                  schema_node& node)
      : compiler_(compiler), schema_(schema), pointer_(std::move(pointer)), base_(std::move(base)), node_(node) {}

  schema_compiler& compiler_;
  const json& schema_;
  std::string pointer_;  // where the subschema is in the schema document
  std::string base_;     // its base URI, for $ref
  schema_node& node_;
};

// ---- Words for messages --------------------------------------------------------------------
// A field is named by its schema's "title" ("The first name is too long: …"); without one the
// sentence says "This value". Messages are built only for errors, by appending into one string
// (a broken body builds several: operator+ chains and their temporaries were most of the cost).

// Two pieces of text said one after the other, without building a string for them.
struct phrase {
  std::string_view first, second;
};

// "The first name", or "This value" without a title.
inline phrase subject(std::string_view title) {
  return title.empty() ? phrase{"This value", {}} : phrase{"The ", title};
}

// "the first name", or the fallback ("this list") without a title.
inline phrase the_title(std::string_view title, std::string_view fallback) {
  return title.empty() ? phrase{fallback, {}} : phrase{"the ", title};
}

// "1 character", "250 characters".
struct counted {
  std::uint64_t count;
  std::string_view noun;
};

class sentence {
 public:
  sentence() { text_.reserve(96); }
  sentence& operator<<(std::string_view s) {
    text_ += s;
    return *this;
  }
  sentence& operator<<(phrase p) {
    text_ += p.first;
    text_ += p.second;
    return *this;
  }
  sentence& operator<<(std::uint64_t n) {
    char digits[24];
    text_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    return *this;
  }
  sentence& operator<<(counted c) {
    *this << c.count << " " << c.noun;
    if (c.count != 1) text_ += 's';
    return *this;
  }
  std::string str() { return std::move(text_); }

 private:
  std::string text_;
};

// A value as a message shows it: text as it is, anything else as JSON.
inline std::string display(const json& v) { return v.is_string() ? string_of(v) : to_json_text(v); }

}  // namespace invitekit::detail
