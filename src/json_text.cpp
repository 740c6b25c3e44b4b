// invitekit: parse_json — nlohmann's SAX parser feeding a document builder that keeps the limits,
// notes keys given twice and turns nlohmann's parse errors into an admin's words.
#include "json_text.h"

#include <iterator>
#include <memory>
#include <map>
#include <utility>
#include <vector>

#include "detail/json_equal.h"
#include "detail/json_pointer.h"
#include "detail/json_syntax_error.h"
#include "detail/quoted.h"
#include "detail/utf8.h"

namespace invitekit {
namespace {

// A pointer into the text that also records how far the parser has read: nlohmann reads its
// input one character at a time through this iterator, so when the builder is told a container
// opens, `*seen` is just past its bracket. That is where a depth error points.
struct tracked_iterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at;
  const char** seen;

  reference operator*() const { return *at; }
  tracked_iterator& operator++() {
    *seen = ++at;
    return *this;
  }
  bool operator==(const tracked_iterator& o) const { return at == o.at; }
  bool operator!=(const tracked_iterator& o) const { return at != o.at; }
};

// Objects with more members than this get an index for finding a key given twice, so that
// a hostile body of many keys costs n, not n², to read.
constexpr std::size_t linear_key_search = 16;

// Builds the document from nlohmann's SAX events (as nlohmann's own DOM parser does), with
// nesting counted, duplicate keys noted and the failure's position kept.
class document_builder final : public nlohmann::json_sax<json> {
 public:
  document_builder(json& root, const json_limits& limits, issue_list& warnings)
      : root_(root), limits_(limits), warnings_(warnings) {}

  bool null() override { return place(json()) != nullptr; }
  bool boolean(bool value) override { return place(json(value)) != nullptr; }
  bool number_integer(number_integer_t value) override { return place(json(value)) != nullptr; }
  bool number_unsigned(number_unsigned_t value) override { return place(json(value)) != nullptr; }
  bool number_float(number_float_t value, const string_t&) override { return place(json(value)) != nullptr; }
  bool string(string_t& value) override { return place(json(std::move(value))) != nullptr; }
  bool binary(binary_t&) override { return false; }  // JSON text has no binary values
  bool start_object(std::size_t) override { return open(json::value_t::object); }
  bool start_array(std::size_t) override { return open(json::value_t::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    container& top = open_.back();
    auto& members = *top.value->get_ptr<json::object_t*>();
    const std::size_t at = find_key(top, name);
    if (at != npos) {
      // The last value wins, as JSON.parse has it; the key keeps its first place.
      if (warnings_.size() < max_errors) {
        std::string path = path_of_open(false, false);
        detail::append_pointer_token(path, name);
        warnings_.push_back({std::move(path), "duplicate",
                             detail::single_quoted(name) + " is given twice; only its last value is used."});
      }
      slot_ = &members.begin()[static_cast<std::ptrdiff_t>(at)].second;
      return true;
    }
    if (top.index) top.index->emplace(name, members.size());
    members.Container::emplace_back(std::move(name), nullptr);
    if (!top.index && members.size() > linear_key_search) index_keys(top);
    slot_ = &members.back().second;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    failure_ = {position, e.id, e.what()};
    return false;
  }

  // What went wrong, once sax_parse has returned false.
  struct failure {
    std::size_t position = 0;  // nlohmann's: characters read when it stopped
    int id = 0;                // nlohmann's exception id (101 syntax, 406 number overflow)
    std::string what;
  };
  const failure& syntax_failure() const { return failure_; }
  // Whether the parse stopped at a container opened past max_depth.
  bool too_deep() const { return too_deep_; }

  // The pointer of the value being read: the last key of each open object, and in each open
  // array the element being read (`expecting_value`: a new one after '[' or ',') or just read.
  // Without `innermost_member`, the pointer of the innermost open container itself.
  std::string path_of_open(bool expecting_value = false, bool innermost_member = true) const {
    std::string path;
    const std::size_t count = innermost_member ? open_.size() : open_.size() - 1;
    for (std::size_t i = 0; i < count; ++i) {
      const json& c = *open_[i].value;
      if (c.is_object()) {
        const auto& members = *c.get_ptr<const json::object_t*>();
        if (!members.empty()) detail::append_pointer_token(path, members.back().first);
      } else {
        const std::size_t n = c.size();
        const bool innermost = i + 1 == open_.size();
        detail::append_pointer_index(path, innermost && expecting_value ? n : (n == 0 ? 0 : n - 1));
      }
    }
    return path;
  }
  bool innermost_is_object() const { return !open_.empty() && open_.back().value->is_object(); }
  bool inside_container() const { return !open_.empty(); }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  struct container {
    json* value;
    // Only for objects past linear_key_search members: each key's position. (An ordered map,
    // not a hash table: the core already carries std::map's code, and these objects are rare.)
    std::unique_ptr<std::map<std::string, std::size_t, std::less<>>> index;
  };

  static std::size_t find_key(const container& top, std::string_view name) {
    if (top.index) {
      const auto found = top.index->find(name);
      return found == top.index->end() ? npos : found->second;
    }
    const auto& members = *top.value->get_ptr<const json::object_t*>();
    for (auto it = members.begin(); it != members.end(); ++it)
      if (it->first == name) return static_cast<std::size_t>(it - members.begin());
    return npos;
  }

  static void index_keys(container& top) {
    const auto& members = *top.value->get_ptr<const json::object_t*>();
    top.index = std::make_unique<std::map<std::string, std::size_t, std::less<>>>();
    for (auto it = members.begin(); it != members.end(); ++it)
      top.index->emplace(it->first, static_cast<std::size_t>(it - members.begin()));
  }

  // Puts a value where the parser is: the root, the next element of an array, or the member
  // whose key was just read. Returns where it went. One out-of-line function for every kind of
  // value, rather than one copy per SAX event.
  [[gnu::noinline]] json* place(json&& value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& top = *open_.back().value;
    if (top.is_array()) {
      auto& items = *top.get_ptr<json::array_t*>();
      items.push_back(std::move(value));
      return &items.back();
    }
    *slot_ = std::move(value);
    return slot_;
  }

  bool open(json::value_t type) {
    if (open_.size() >= limits_.max_depth) {
      too_deep_ = true;
      return false;
    }
    // An open container's address is stable: nothing is added to its parent until it closes.
    open_.push_back({place(json(type)), nullptr});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  json& root_;
  const json_limits& limits_;
  issue_list& warnings_;
  std::vector<container> open_;
  json* slot_ = nullptr;
  failure failure_;
  bool too_deep_ = false;
};

// 1-based line and column (in code points) of a byte offset. CR LF, LF and a lone CR each end a line.
void locate(std::string_view text, std::size_t offset, json_parse_error& e) {
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  e.line = line;
  e.column = column;
}

std::string size_phrase(std::size_t bytes) {
  return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

std::string too_deep_words(const json_limits& limits) {
  return " is nested too deeply: more than " + std::to_string(limits.max_depth) + " levels of objects and arrays";
}

json_parse_result failed(json_parse_error error) {
  json_parse_result r;
  r.error = std::move(error);
  return r;
}

// The error for text that has a syntax error at `syntax.at`, with the admin's words.
json_parse_error syntax_error(std::string_view text, const json_limits& limits, const detail::json_syntax_error& syntax,
                              std::string path) {
  json_parse_error e;
  e.code = codes::json;
  e.path = std::move(path);
  locate(text, syntax.at, e);
  e.message.assign(limits.subject)
      .append(" is not valid JSON: ")
      .append(syntax.words)
      .append(" at line ")
      .append(std::to_string(e.line))
      .append(", column ")
      .append(std::to_string(e.column))
      .append(".");
  return e;
}

}  // namespace

json_parse_result parse_json(std::string_view text, const json_limits& limits) {
  if (text.size() > limits.max_bytes) {
    json_parse_error e;
    e.code = codes::limit;
    e.message.assign(limits.subject)
        .append(" is too large: ")
        .append(std::to_string(text.size()))
        .append(" bytes, and the limit is ")
        .append(size_phrase(limits.max_bytes))
        .append(".");
    return failed(std::move(e));
  }
  // nlohmann skips a byte order mark; RFC 8259 forbids one in JSON exchanged over a network.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    return failed(syntax_error(text, limits, detail::byte_order_mark_error(), ""));
  }

  json_parse_result r;
  const char* seen = text.data();
  document_builder builder(r.value, limits, r.warnings);
  const tracked_iterator first{text.data(), &seen}, last{text.data() + text.size(), &seen};
  if (json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json, true, false)) {
    r.ok = true;
    return r;
  }
  r.warnings.clear();
  if (builder.too_deep()) {
    json_parse_error e;
    e.code = codes::limit;
    e.path = builder.path_of_open(true);
    locate(text, static_cast<std::size_t>(seen - text.data()) - 1, e);  // the bracket just read
    e.message.assign(limits.subject)
        .append(too_deep_words(limits))
        .append(", at line ")
        .append(std::to_string(e.line))
        .append(", column ")
        .append(std::to_string(e.column))
        .append(".");
    r.error = std::move(e);
    r.value = nullptr;  // after the path: the open containers are in it
    return r;
  }
  const auto& f = builder.syntax_failure();
  const detail::json_syntax_error syntax = detail::describe_syntax_error(
      text, f.position, f.id, f.what, builder.inside_container(), builder.innermost_is_object());
  r.error = syntax_error(text, limits, syntax, syntax.whole_text ? std::string() : builder.path_of_open(syntax.expecting_value));
  r.value = nullptr;
  return r;
}

namespace {

// The path of a problem is built on the way out, so a value without one costs no path at all.
template <class Json>
std::optional<issue> check_value(const Json& v, const json_limits& limits, std::size_t depth) {
  const auto problem = [&](std::string_view code, std::string_view what) {
    return issue{"", std::string(code), std::string(limits.subject) + std::string(what)};
  };
  const auto inside = [](std::optional<issue> found, std::string_view token, std::size_t index, bool is_key) {
    std::string prefix;
    if (is_key) detail::append_pointer_token(prefix, token);
    else detail::append_pointer_index(prefix, index);
    found->path.insert(0, prefix);
    return found;
  };
  switch (v.type()) {
    case nlohmann::json::value_t::string:
      if (!detail::is_utf8(detail::string_of(v))) return problem(codes::json, " holds text that is not valid UTF-8 here.");
      return std::nullopt;
    case nlohmann::json::value_t::number_float: {
      const double d = detail::number_of(v);
      if (d - d != 0)  // NaN or ±infinity
        return problem(codes::json, " holds a number JSON cannot write (infinite or not a number) here.");
      return std::nullopt;
    }
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      return problem(codes::json, " holds a value that is not JSON (binary data) here.");
    case nlohmann::json::value_t::array: {
      if (depth >= limits.max_depth) return problem(codes::limit, too_deep_words(limits) + ".");
      std::size_t i = 0;
      for (const Json& item : detail::elements_of(v)) {
        if (auto found = check_value(item, limits, depth + 1)) return inside(std::move(found), {}, i, false);
        ++i;
      }
      return std::nullopt;
    }
    case nlohmann::json::value_t::object: {
      if (depth >= limits.max_depth) return problem(codes::limit, too_deep_words(limits) + ".");
      for (const auto& [key, item] : detail::members_of(v)) {
        if (!detail::is_utf8(key)) return problem(codes::json, " has a field name that is not valid UTF-8 here.");
        if (auto found = check_value(item, limits, depth + 1)) return inside(std::move(found), key, 0, true);
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<issue> check_json_value(const json& value, const json_limits& limits) {
  return check_value(value, limits, 0);
}

std::optional<issue> check_json_value(const nlohmann::json& value, const json_limits& limits) {
  return check_value(value, limits, 0);
}

std::string to_json_text(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace invitekit
