// invitekit: compiled_schema — the public face of the JSON Schema engine (see schema.h); the
// work happens in detail/schema_compiler.cpp and detail/schema_eval.cpp.
#include "schema.h"

#include "detail/schema_compiler.h"
#include "detail/schema_eval.h"

namespace invitekit {

struct compiled_schema::impl {
  // Lives on the heap and never moves: the program's views point into its own document.
  detail::schema_program program;
};

compiled_schema::compiled_schema() : impl_(std::make_unique<impl>()) {}
compiled_schema::~compiled_schema() = default;
compiled_schema::compiled_schema(compiled_schema&&) noexcept = default;
compiled_schema& compiled_schema::operator=(compiled_schema&&) noexcept = default;

bool compiled_schema::compile(const json_value& schema, issue_list* errors) {
  if (!impl_) impl_ = std::make_unique<impl>();
  detail::schema_program& program = impl_->program;
  program.nodes.clear();
  program.root = detail::no_node;
  if (!schema.exists()) {
    if (errors) errors->push_back({"", codes::schema, "There is no schema to compile."});
    return false;
  }
  // Keep our own copy, so the caller may drop its document.
  const std::string text = to_json(schema);
  json_limits limits;
  limits.max_depth = 1024;
  limits.max_bytes = text.size() + 1;
  if (!program.source.parse(text, limits)) {
    if (errors) errors->push_back({"", codes::schema, program.source.error().message});
    return false;
  }
  if (!detail::compile_program(program, errors)) {
    program.root = detail::no_node;
    return false;
  }
  return true;
}

schema_result compiled_schema::validate(const json_value& instance) const {
  schema_result result;
  if (!impl_ || impl_->program.root == detail::no_node) {
    result.errors.push_back(
        {"", codes::schema, "The schema did not compile, so nothing can be checked."});
    return result;
  }
  detail::eval_output out;
  const detail::schema_program& program = impl_->program;
  // A valid instance takes the fast walk when the defaults it needs are the root's own; the
  // full walk, which builds paths and messages, is left to instances that have errors.
  if (program.defaults_at_root_only && detail::eval_fast(program, instance)) {
    detail::root_defaults(program, instance, out);
    result.defaults = std::move(out.defaults);
    return result;
  }
  detail::eval_full(program, instance, out);
  result.errors.reserve(out.errors.size());
  for (detail::eval_error& e : out.errors) result.errors.push_back(std::move(e.item));
  result.defaults = std::move(out.defaults);
  return result;
}

bool compiled_schema::is_valid(const json_value& instance) const {
  return impl_ && detail::eval_fast(impl_->program, instance);
}

namespace {

// Writes `,"name":default` for each default of the object at object_path that v lacks; `first`
// says whether the object has no member written before them (no leading comma then).
void append_missing_defaults(std::string& out, const json_value& v,
                             const std::vector<default_insertion>& defaults,
                             const std::string& object_path, bool first) {
  for (const default_insertion& d : defaults) {
    if (d.object_path != object_path || v.find(d.property).exists()) continue;
    if (!first) out += ',';
    first = false;
    append_json_string(out, d.property);
    out += ':';
    out += d.value_json;
  }
}

void write_with_defaults(std::string& out, const json_value& v, std::string& path,
                         const std::vector<default_insertion>& defaults) {
  if (v.is_array()) {
    out += '[';
    std::size_t i = 0;
    for (const json_value item : v.items()) {
      if (i) out += ',';
      const std::size_t mark = path.size();
      append_pointer_index(path, i++);
      write_with_defaults(out, item, path, defaults);
      path.resize(mark);
    }
    out += ']';
    return;
  }
  if (!v.is_object()) {
    append_json(out, v);
    return;
  }
  out += '{';
  bool first = true;
  for (const json_member m : v.members()) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, m.key);
    out += ':';
    const std::size_t mark = path.size();
    append_pointer_token(path, m.key);
    write_with_defaults(out, m.value, path, defaults);
    path.resize(mark);
  }
  append_missing_defaults(out, v, defaults, path, first);
  out += '}';
}

}  // namespace

std::string to_json_with_defaults(const json_value& v,
                                  const std::vector<default_insertion>& defaults) {
  if (defaults.empty()) return to_json(v);
  // The usual case, defaults for the top-level object only: its compact form (often a copy of
  // the source text) with the defaults written before the closing brace.
  bool top_level_only = v.is_object();
  for (const default_insertion& d : defaults) top_level_only = top_level_only && d.object_path.empty();
  if (top_level_only) {
    std::string out = to_json(v);
    out.pop_back();  // '}'
    append_missing_defaults(out, v, defaults, std::string(), v.size() == 0);
    out += '}';
    return out;
  }
  std::string out;
  std::string path;
  write_with_defaults(out, v, path, defaults);
  return out;
}

}  // namespace invitekit
