// invitekit admin page: the page's JSON helpers (see page_json.h).
#include "page_json.h"

namespace invitekit::web {

json parse_json(std::string_view text) { return json::parse(text, nullptr, false); }

std::string json_text(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (std::size_t k = i + 1; k < end; ++k) {
      if (pointer[k] == '~' && k + 1 < end) {
        token += pointer[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        token += pointer[k];
      }
    }
    tokens.push_back(std::move(token));
    i = end;
  }
  return tokens;
}

const json* at_pointer(const json& root, std::string_view pointer) {
  const json* node = &root;
  for (const std::string& token : pointer_tokens(pointer)) {
    if (node->is_object()) {
      node = member(*node, token);
    } else if (node->is_array() && !token.empty() && token.size() < 9 &&
               token.find_first_not_of("0123456789") == std::string::npos) {
      std::size_t index = 0;
      for (char c : token) index = index * 10 + static_cast<std::size_t>(c - '0');
      node = index < node->size() ? &(*node)[index] : nullptr;
    } else {
      node = nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

std::string text_of(const json* value) {
  if (value == nullptr || value->is_null()) return {};
  if (const auto* s = value->get_ptr<const std::string*>()) return *s;
  if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
  return json_text(*value);
}

}  // namespace invitekit::web
