// invitekit detail: the schema compiler. One pass compiles every subschema a keyword reaches
// (noting where each $id lives); then each $ref is pointed at its target, compiling targets no
// keyword reached ("#/definitions/x/items", "#/tilda~0field") on demand.
//
// Nodes are keyed by their JSON Pointer inside the schema, so a $ref to a subschema that was
// already compiled (or is being compiled: recursion) reuses that node.
#include <map>
#include <string>

#include "detail/json_pointer.h"
#include "detail/schema_program.h"
#include "detail/schema_uri.h"

namespace invitekit::detail {

const std::string& title_of(const schema_node& n) { return n.title; }

const std::string& property_title(const schema_node& n, std::string_view name) {
  static const std::string none;
  for (const auto& [property, title] : n.property_titles)
    if (property == name) return title;
  return none;
}

namespace {

bool is_schema(const json& v) { return v.is_object() || v.is_boolean(); }

std::string child(const std::string& pointer, std::string_view token) {
  std::string p = pointer;
  append_pointer_token(p, token);
  return p;
}

}  // namespace

class schema_compiler {
 public:
  schema_compiler(const json& source, schema_program& program, issue_list* errors)
      : source_(source), p_(program), errors_(errors) {}

  bool run() {
    std::string base;
    if (source_.is_object())
      if (auto id = source_.find("$id"); id != source_.end() && id->is_string()) base = uri_document(string_of(*id));
    resources_[base] = "";
    p_.root = node_at("", source_, base);
    // Resolving a $ref may compile new nodes, with $refs of their own.
    while (!pending_refs_.empty()) {
      const pending_ref r = std::move(pending_refs_.back());
      pending_refs_.pop_back();
      const std::int32_t target = resolve_ref(r);
      p_.nodes[static_cast<std::size_t>(r.node)].ref = target;
      if (target == no_node) p_.nodes[static_cast<std::size_t>(r.node)].always_false = true;
    }
    return ok_;
  }

  // The node of the subschema at `pointer` (compiled now if it is new). `base`: its parent's
  // base URI, which its own $id may change.
  std::int32_t node_at(const std::string& pointer, const json& s, const std::string& base) {
    if (auto it = node_of_.find(pointer); it != node_of_.end()) return it->second;
    const auto index = static_cast<std::int32_t>(p_.nodes.size());
    p_.nodes.emplace_back();
    node_of_.emplace(pointer, index);
    schema_node n;  // filled aside: compiling children grows p_.nodes
    fill(n, index, s, pointer, base);
    p_.nodes[static_cast<std::size_t>(index)] = std::move(n);
    return index;
  }

  void fail(const std::string& pointer, std::string message) {
    ok_ = false;
    if (errors_) errors_->push_back({pointer, codes::schema, std::move(message)});
  }

 private:
  struct pending_ref {
    std::int32_t node;
    std::string ref, pointer, base;
  };

  void fill(schema_node& n, std::int32_t index, const json& s, const std::string& pointer, std::string base) {
    if (s.is_boolean()) {
      n.always_false = !s.template get<bool>();
      return;
    }
    if (!s.is_object()) {
      fail(pointer, "A schema must be an object or a boolean.");
      return;
    }
    if (auto ref = s.find("$ref"); ref != s.end() && ref->is_string()) {
      pending_refs_.push_back({index, string_of(*ref), pointer, base});
      return;
    }
    if (auto id = s.find("$id"); id != s.end() && id->is_string()) {
      const std::string uri = resolve_uri(base, string_of(*id));
      if (uri_fragment(uri).empty() || uri_fragment(uri).front() == '/') {
        base = std::string(uri_document(uri));
        resources_[base] = pointer;
      } else {
        anchors_[uri] = pointer;  // "#name": a location-independent identifier
      }
    }
    base_of_[pointer] = base;
    if (auto title = s.find("title"); title != s.end() && title->is_string()) n.title = string_of(*title);
    if (auto code = s.find("x-code"); code != s.end() && code->is_string()) n.x_code = string_of(*code);
    if (auto messages = s.find("x-messages"); messages != s.end()) {
      if (messages->is_object()) n.x_messages = *messages;
      else fail(child(pointer, "x-messages"), "'x-messages' must map keywords to messages.");
    }
    compile_context c(*this, s, pointer, base, n);
    compile_keywords(c, n, static_cast<keyword_check*>(nullptr));
  }

  // Each keyword of the registry, in its order, compiled from the subschema if present.
  template <class... Keywords>
  void compile_keywords(compile_context& c, schema_node& n, std::variant<Keywords...>*) {
    (add_keyword<Keywords>(c, n), ...);
  }
  template <class Keyword>
  static void add_keyword(compile_context& c, schema_node& n) {
    if (std::optional<Keyword> k = Keyword::compile(c)) n.checks.push_back({Keyword::applies_to, std::move(*k)});
  }

  std::int32_t resolve_ref(const pending_ref& r) {
    const std::string uri = resolve_uri(r.base, r.ref);
    const std::string_view fragment = uri_fragment(uri);
    std::string target;
    if (fragment.empty() || fragment.front() == '/') {
      const auto resource = resources_.find(std::string(uri_document(uri)));
      if (resource == resources_.end()) {
        fail(r.pointer, "The schema refers to '" + r.ref + "', which is not part of it.");
        return no_node;
      }
      target = resource->second + normalize_pointer_fragment(fragment);
    } else {
      const auto anchor = anchors_.find(uri);
      if (anchor == anchors_.end()) {
        fail(r.pointer, "The schema refers to '" + r.ref + "', which it does not define.");
        return no_node;
      }
      target = anchor->second;
    }
    const json* s = resolve_pointer(source_, target);
    if (s == nullptr || !is_schema(*s)) {
      fail(r.pointer, "The schema refers to '" + r.ref + "', which is not a schema.");
      return no_node;
    }
    const auto known = base_of_.find(target);
    return node_at(target, *s, known == base_of_.end() ? std::string(uri_document(uri)) : known->second);
  }

  friend class compile_context;
  const json& source_;
  schema_program& p_;
  issue_list* errors_;
  bool ok_ = true;
  std::vector<pending_ref> pending_refs_;
  std::map<std::string, std::int32_t> node_of_;   // schema pointer → node
  std::map<std::string, std::string> base_of_;    // schema pointer → base URI
  std::map<std::string, std::string> resources_;  // document URI → schema pointer
  std::map<std::string, std::string> anchors_;    // "uri#name" → schema pointer
};

// ---- compile_context: what a keyword's compile() sees ----

const json* compile_context::find(std::string_view keyword) const {
  const auto it = schema_.find(keyword);
  return it == schema_.end() ? nullptr : &*it;
}

std::int32_t compile_context::subschema(std::string_view keyword, const json& schema) {
  return compiler_.node_at(child(pointer_, keyword), schema, base_);
}

std::int32_t compile_context::subschema(std::string_view keyword, std::string_view token, const json& schema) {
  return compiler_.node_at(child(child(pointer_, keyword), token), schema, base_);
}

std::int32_t compile_context::subschema(std::string_view keyword, std::size_t index, const json& schema) {
  std::string p = child(pointer_, keyword);
  append_pointer_index(p, index);
  return compiler_.node_at(p, schema, base_);
}

std::int32_t compile_context::optional_subschema(std::string_view keyword) {
  const json* s = find(keyword);
  return s != nullptr && is_schema(*s) ? subschema(keyword, *s) : no_node;
}

void compile_context::fail(std::string_view keyword, std::string message) {
  compiler_.fail(child(pointer_, keyword), std::move(message));
}

void compile_context::fail(std::string_view keyword, std::string_view token, std::string message) {
  compiler_.fail(child(child(pointer_, keyword), token), std::move(message));
}

std::optional<std::uint64_t> compile_context::count(std::string_view keyword) {
  const json* v = find(keyword);
  if (v == nullptr) return std::nullopt;
  if (!is_integer(*v) || number_of(*v) < 0) {
    fail(keyword, single_quoted(keyword) + " must be a non-negative integer.");
    return std::nullopt;
  }
  if (v->is_number_unsigned()) return *v->get_ptr<const std::uint64_t*>();
  const double d = number_of(*v);
  return d > 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(d);
}

void compile_context::add_default(std::string name, json value) {
  node_.defaults.push_back({std::move(name), std::move(value)});
}

void compile_context::add_property_title(std::string name, std::string title) {
  node_.property_titles.emplace_back(std::move(name), std::move(title));
}

bool compile_program(const json& schema, schema_program& program, issue_list* errors) {
  program = {};
  return schema_compiler(schema, program, errors).run();
}

}  // namespace invitekit::detail
