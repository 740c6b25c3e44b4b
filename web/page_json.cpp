// invitekit admin page: the page's JSON helpers (see page_json.h).
#include "page_json.h"

#include "detail/json_pointer.h"

namespace invitekit::web {

json parse_json(std::string_view text) {
  // The core's reader (it never throws, and bounds the depth); the page's own storage — a batch
  // of thousands of rows — may be larger than an invite's megabyte.
  json_limits limits;
  limits.max_bytes = std::size_t(64) << 20;
  json_parse_result read = invitekit::parse_json(text, limits);
  return read.ok ? std::move(read.value) : json(json::value_t::discarded);
}

std::string json_text(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const json* at_pointer(const json& root, std::string_view pointer) { return detail::resolve_pointer(root, pointer); }

std::string text_of(const json* value) {
  if (value == nullptr || value->is_null()) return {};
  if (const auto* s = value->get_ptr<const std::string*>()) return *s;
  if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
  return json_text(*value);
}

}  // namespace invitekit::web
