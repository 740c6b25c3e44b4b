// invitekit detail: JSON Pointers (RFC 6901) — building them while walking a value, and
// resolving them without nlohmann's json_pointer, which throws on a malformed pointer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace invitekit::detail {

// Appends "/" + token to a pointer, escaping '~' as "~0" and '/' as "~1".
void append_pointer_token(std::string& pointer, std::string_view token);
void append_pointer_index(std::string& pointer, std::size_t index);

// Calls f(token) for each unescaped token of a pointer ("" has none). Returns false, having
// called f for none, when the pointer is malformed (no leading '/', a '~' not followed by 0 or 1).
template <class F>
bool for_each_pointer_token(std::string_view pointer, F&& f);

// The value a pointer names inside root, or nullptr (also for a malformed pointer).
template <class Json>
const Json* resolve_pointer(const Json& root, std::string_view pointer);
template <class Json>
Json* resolve_pointer(Json& root, std::string_view pointer);

// ---- implementation ----

bool pointer_is_well_formed(std::string_view pointer);
std::string unescape_pointer_token(std::string_view token);

template <class F>
bool for_each_pointer_token(std::string_view pointer, F&& f) {
  if (!pointer_is_well_formed(pointer)) return false;
  std::size_t at = 0;
  while (at < pointer.size()) {
    const std::size_t next = pointer.find('/', at + 1);
    const std::string_view raw = pointer.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
    if (!f(unescape_pointer_token(raw))) return true;
    if (next == std::string_view::npos) break;
    at = next;
  }
  return true;
}

// The array index a token names: digits without a leading zero ("0", "12"), or npos.
std::size_t pointer_index(std::string_view token);

template <class Json>
Json* resolve_pointer(Json& root, std::string_view pointer) {
  Json* at = &root;
  const bool ok = for_each_pointer_token(pointer, [&](const std::string& token) {
    if (at->is_object()) {
      auto found = at->find(token);
      at = found == at->end() ? nullptr : &*found;
    } else if (at->is_array()) {
      const std::size_t i = pointer_index(token);
      at = i < at->size() ? &(*at)[i] : nullptr;
    } else {
      at = nullptr;
    }
    return at != nullptr;
  });
  return ok ? at : nullptr;
}

template <class Json>
const Json* resolve_pointer(const Json& root, std::string_view pointer) {
  return resolve_pointer(const_cast<Json&>(root), pointer);
}

}  // namespace invitekit::detail
