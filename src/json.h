// invitekit: a small, fast, read-only JSON document — what every part of the core reads.
//
//   invitekit::json_document doc;
//   if (!doc.parse(text)) report(doc.error());           // code "json" or "limit", line/column
//   for (auto member : doc.root().members()) use(member.key, member.value);
//
// Why not nlohmann::json: validation speed is a product goal (≥10× valijson), and the same
// code ships in a size-bounded .wasm. The document keeps every value in one flat buffer
// (no allocation per value, reusable across parses), keeps each number's original text so a
// request body is re-serialized exactly as written, and treats every property name —
// "__proto__" included — as an ordinary string. Duplicate keys: the last one wins on lookup,
// as in JSON.parse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace invitekit {

enum class json_type : std::uint8_t { null, boolean, number, string, array, object };

struct json_limits {
  std::size_t max_depth = 64;       // deeper nesting is a "limit" error
  std::size_t max_bytes = 1 << 20;  // longer text is a "limit" error
  // Opens every error message: "The response is not valid JSON: …" when reading a response.
  std::string_view subject = "The invite";
};

struct json_parse_error {
  std::string code;     // "json" (syntax, invalid UTF-8) or "limit"
  std::string message;  // for an admin, e.g. "The invite is not valid JSON: a ',' or '}' is
                        // missing after the value at line 3, column 5."
  std::string path;     // JSON Pointer of the value being read when it failed ("" if none)
  std::size_t line = 0;    // 1-based; 0 when not applicable
  std::size_t column = 0;  // 1-based, in code points
};

class json_document;
struct json_member;

namespace detail {
// One value in a json_document's flat buffer. A container's elements follow it in document
// order (an object's as key, value, key, value, …), so a subtree is a contiguous range.
struct json_node {
  std::uint32_t a;  // string, number: offset of its text; array, object: index past the subtree
  std::uint32_t b;  // string, number: length in bytes; array: elements; object: members
  json_type type;
  std::uint8_t flags;  // boolean: its value; number: 1 if written as a plain integer ("12")
};
}  // namespace detail

// A view of one value inside a json_document, valid while the document is alive and neither
// moved nor re-parsed. A default-constructed view is "missing" (exists() == false); find()
// returns one.
class json_value {
 public:
  json_value() = default;

  bool exists() const;
  json_type type() const;
  bool is_null() const;
  bool is_bool() const;
  bool is_number() const;
  bool is_integer() const;  // a finite number with no fractional part: 1 and 1.0 are integers
  bool is_string() const;
  bool is_array() const;
  bool is_object() const;

  bool as_bool() const;
  double as_number() const;
  std::string_view number_text() const;  // the number exactly as written in the source
  std::string_view as_string() const;    // unescaped UTF-8

  std::size_t size() const;  // elements of an array, members of an object, else 0

  // Iteration (cheap forward ranges): for (json_value v : a.items()) / for (json_member m : o.members())
  class item_range;
  class member_range;
  item_range items() const;
  member_range members() const;

  json_value find(std::string_view key) const;   // object member or a missing value
  json_value at(std::size_t index) const;         // array element or a missing value (O(index))
  json_value at_pointer(std::string_view pointer) const;  // RFC 6901, or a missing value

 private:
  friend class json_document;
  friend bool json_equal(const json_value&, const json_value&);
  friend void append_json(std::string&, const json_value&);
  json_value(const json_document* doc, std::uint32_t index) : doc_(doc), index_(index) {}
  const detail::json_node& node() const;
  std::uint32_t next() const;  // the index just past this value's subtree
  std::string_view verbatim() const;  // the source text if it is already this value's to_json
  bool slow_is_integer() const;

  const json_document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

struct json_member {
  std::string_view key;
  json_value value;
};

// The elements of an array, in order (empty for anything else).
class json_value::item_range {
 public:
  class iterator {
   public:
    json_value operator*() const { return value_; }
    iterator& operator++() {
      value_.index_ = value_.next();
      return *this;
    }
    bool operator!=(const iterator& o) const { return value_.index_ != o.value_.index_; }
    bool operator==(const iterator& o) const { return value_.index_ == o.value_.index_; }

   private:
    friend class item_range;
    explicit iterator(json_value v) : value_(v) {}
    json_value value_;
  };
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(json_value(first_.doc_, end_)); }

 private:
  friend class json_value;
  item_range(json_value first, std::uint32_t end) : first_(first), end_(end) {}
  json_value first_;
  std::uint32_t end_ = 0;
};

// The members of an object, in document order, duplicates included (empty for anything else).
class json_value::member_range {
 public:
  class iterator {
   public:
    json_member operator*() const {
      return {key_.as_string(), json_value(key_.doc_, key_.index_ + 1)};
    }
    iterator& operator++() {
      key_.index_ = json_value(key_.doc_, key_.index_ + 1).next();
      return *this;
    }
    bool operator!=(const iterator& o) const { return key_.index_ != o.key_.index_; }
    bool operator==(const iterator& o) const { return key_.index_ == o.key_.index_; }

   private:
    friend class member_range;
    explicit iterator(json_value key) : key_(key) {}
    json_value key_;  // a member's key node; its value is the next node
  };
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(json_value(first_.doc_, end_)); }

 private:
  friend class json_value;
  member_range(json_value first, std::uint32_t end) : first_(first), end_(end) {}
  json_value first_;
  std::uint32_t end_ = 0;
};

// Structural equality as JSON Schema defines it: numbers compare by value (1 == 1.0),
// objects regardless of member order.
bool json_equal(const json_value& a, const json_value& b);

// Compact serialization (no spaces), numbers as written, strings escaped minimally.
std::string to_json(const json_value& v);
void append_json(std::string& out, const json_value& v);
void append_json_string(std::string& out, std::string_view utf8);  // with quotes

// Appends "/" + token to a JSON Pointer, escaping '~' as "~0" and '/' as "~1".
void append_pointer_token(std::string& pointer, std::string_view token);
void append_pointer_index(std::string& pointer, std::size_t index);

class json_document {
 public:
  json_document();
  ~json_document();
  json_document(json_document&&) noexcept;
  json_document& operator=(json_document&&) noexcept;
  json_document(const json_document&) = delete;
  json_document& operator=(const json_document&) = delete;

  // Parses UTF-8 text (a UTF-8 BOM is not allowed, as in RFC 8259 for JSON texts exchanged
  // over a network). Returns false and sets error() on failure. Reusing one document for
  // many parses reuses its memory.
  bool parse(std::string_view text, const json_limits& limits = {});
  const json_parse_error& error() const;
  json_value root() const;

 private:
  friend class json_value;
  struct impl;
  impl* impl_;
  // Copies of impl_'s buffers after a successful parse, so that json_value's accessors inline.
  const detail::json_node* nodes_ = nullptr;
  const char* text_ = nullptr;
  // The text's size when it is already compact JSON exactly as to_json writes it (no
  // whitespace, no escapes), else 0: serializing the root is then a copy.
  std::size_t compact_size_ = 0;
};

// ---- Inline accessors: the validator calls these once per value, so they must be cheap. ----
// Always inlined: at -Oz (the npm package) the compiler keeps them as calls, and Binaryen then
// merges the is_*() family into one shared function — a call per type test. Inlined, each is
// a load and a compare, which is also smaller than the call.
#define INVITEKIT_ACCESSOR [[gnu::always_inline]] inline

INVITEKIT_ACCESSOR const detail::json_node& json_value::node() const { return doc_->nodes_[index_]; }
INVITEKIT_ACCESSOR std::uint32_t json_value::next() const {
  const detail::json_node& n = node();
  return n.type == json_type::array || n.type == json_type::object ? n.a : index_ + 1;
}
INVITEKIT_ACCESSOR bool json_value::exists() const { return doc_ != nullptr; }
INVITEKIT_ACCESSOR std::string_view json_value::verbatim() const {
  if (!doc_ || index_ != 0 || doc_->compact_size_ == 0) return {};
  return {doc_->text_, doc_->compact_size_};
}
INVITEKIT_ACCESSOR json_type json_value::type() const { return doc_ ? node().type : json_type::null; }
INVITEKIT_ACCESSOR bool json_value::is_null() const { return doc_ && node().type == json_type::null; }
INVITEKIT_ACCESSOR bool json_value::is_bool() const { return doc_ && node().type == json_type::boolean; }
INVITEKIT_ACCESSOR bool json_value::is_number() const { return doc_ && node().type == json_type::number; }
INVITEKIT_ACCESSOR bool json_value::is_string() const { return doc_ && node().type == json_type::string; }
INVITEKIT_ACCESSOR bool json_value::is_array() const { return doc_ && node().type == json_type::array; }
INVITEKIT_ACCESSOR bool json_value::is_object() const { return doc_ && node().type == json_type::object; }
INVITEKIT_ACCESSOR bool json_value::is_integer() const {
  if (!is_number()) return false;
  return node().flags != 0 || slow_is_integer();
}
INVITEKIT_ACCESSOR bool json_value::as_bool() const { return is_bool() && node().flags != 0; }
INVITEKIT_ACCESSOR std::string_view json_value::number_text() const {
  if (!is_number()) return {};
  return {doc_->text_ + node().a, node().b};
}
INVITEKIT_ACCESSOR std::string_view json_value::as_string() const {
  if (!is_string()) return {};
  return {doc_->text_ + node().a, node().b};
}
INVITEKIT_ACCESSOR std::size_t json_value::size() const {
  if (!doc_) return 0;
  const detail::json_node& n = node();
  return n.type == json_type::array || n.type == json_type::object ? n.b : 0;
}
INVITEKIT_ACCESSOR json_value::item_range json_value::items() const {
  if (!is_array()) return {json_value(), 0};
  return {json_value(doc_, index_ + 1), node().a};
}
INVITEKIT_ACCESSOR json_value::member_range json_value::members() const {
  if (!is_object()) return {json_value(), 0};
  return {json_value(doc_, index_ + 1), node().a};
}

#undef INVITEKIT_ACCESSOR

}  // namespace invitekit
