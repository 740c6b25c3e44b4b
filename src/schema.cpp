// invitekit: compiled_schema — the public face of the JSON Schema engine (see schema.h); the work
// happens in detail/schema_compiler.cpp and detail/schema_walker.h.
#include "schema.h"

#include "detail/json_pointer.h"
#include "detail/schema_program.h"
#include "detail/schema_walker.h"

namespace invitekit {

struct compiled_schema::impl {
  detail::schema_program program;
};

compiled_schema::compiled_schema() : impl_(std::make_unique<impl>()) {}
compiled_schema::~compiled_schema() = default;
compiled_schema::compiled_schema(compiled_schema&&) noexcept = default;
compiled_schema& compiled_schema::operator=(compiled_schema&&) noexcept = default;

bool compiled_schema::compile(const json& schema, issue_list* errors) {
  if (!impl_) impl_ = std::make_unique<impl>();
  if (!detail::compile_program(schema, impl_->program, errors)) {
    impl_->program.root = detail::no_node;
    return false;
  }
  return true;
}

namespace {

template <class Json>
schema_result validate_with(const detail::schema_program* program, const Json& instance, bool defaults) {
  schema_result result;
  if (program == nullptr || program->root == detail::no_node) {
    result.errors.push_back({"", codes::schema, "The schema did not compile, so nothing can be checked."});
    return result;
  }
  detail::walk_output out;
  out.errors.reserve(8);  // a broken body usually has a few errors: grow once, not four times
  detail::schema_walker<Json>(*program, &out, defaults).eval(program->root, instance);
  if (out.abandoned) {  // what the walk found before it gave up is not the answer
    result.errors.push_back(std::move(*out.abandoned));
    return result;
  }
  result.errors.reserve(out.errors.size());
  for (detail::walk_error& e : out.errors) result.errors.push_back(std::move(e.item));
  result.defaults = std::move(out.defaults);
  return result;
}

template <class Json>
bool valid_with(const detail::schema_program* program, const Json& instance) {
  if (program == nullptr || program->root == detail::no_node) return false;
  detail::schema_walker<Json> walker(*program, nullptr);
  return walker.eval(program->root, instance) && !walker.abandoned();
}

}  // namespace

schema_result compiled_schema::validate(const json& instance, bool defaults) const {
  return validate_with(impl_ ? &impl_->program : nullptr, instance, defaults);
}
schema_result compiled_schema::validate(const nlohmann::json& instance, bool defaults) const {
  return validate_with(impl_ ? &impl_->program : nullptr, instance, defaults);
}
bool compiled_schema::is_valid(const json& instance) const {
  return valid_with(impl_ ? &impl_->program : nullptr, instance);
}
bool compiled_schema::is_valid(const nlohmann::json& instance) const {
  return valid_with(impl_ ? &impl_->program : nullptr, instance);
}

json with_defaults(json value, const std::vector<default_insertion>& defaults) {
  for (const default_insertion& d : defaults) {
    json* object = detail::resolve_pointer(value, d.object_path);
    if (object != nullptr && object->is_object() && object->find(d.property) == object->end())
      object->emplace(d.property, json(d.value));
  }
  return value;
}

}  // namespace invitekit
