// invitekit detail: URI reference resolution and pointer fragments for $id / $ref.
#include "detail/schema_uri.h"

#include "detail/json_pointer.h"

namespace invitekit::detail {
namespace {

bool has_scheme(std::string_view ref) {
  const std::size_t colon = ref.find(':');
  return colon != std::string_view::npos && colon > 0 && ref.find_first_of("/?#") > colon;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view uri_document(std::string_view uri) { return uri.substr(0, uri.find('#')); }

std::string_view uri_fragment(std::string_view uri) {
  const std::size_t hash = uri.find('#');
  return hash == std::string_view::npos ? std::string_view() : uri.substr(hash + 1);
}

std::string resolve_uri(std::string_view base, std::string_view ref) {
  if (has_scheme(ref)) return std::string(ref);
  const std::string_view doc = uri_document(base);
  if (ref.empty()) return std::string(doc);
  if (ref.front() == '#') return std::string(doc) + std::string(ref);
  if (ref.front() == '/') {
    // Keep "scheme://host" (or just "scheme:" for a URN-like base).
    std::size_t authority_end = 0;
    if (const std::size_t s = doc.find("://"); s != std::string_view::npos) {
      authority_end = doc.find('/', s + 3);
      if (authority_end == std::string_view::npos) authority_end = doc.size();
    } else if (const std::size_t colon = doc.find(':'); colon != std::string_view::npos) {
      authority_end = colon + 1;
    }
    return std::string(doc.substr(0, authority_end)) + std::string(ref);
  }
  const std::size_t slash = doc.rfind('/');
  const std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : doc.substr(0, slash + 1);
  return std::string(dir) + std::string(ref);
}

std::string normalize_pointer_fragment(std::string_view fragment) {
  std::string decoded;
  decoded.reserve(fragment.size());
  for (std::size_t i = 0; i < fragment.size(); ++i) {
    if (fragment[i] == '%' && i + 2 < fragment.size() && hex_value(fragment[i + 1]) >= 0 &&
        hex_value(fragment[i + 2]) >= 0) {
      decoded.push_back(
          static_cast<char>(hex_value(fragment[i + 1]) * 16 + hex_value(fragment[i + 2])));
      i += 2;
    } else {
      decoded.push_back(fragment[i]);
    }
  }
  // Re-escape token by token so "~0"/"~1" spellings land on one canonical key.
  std::string pointer;
  std::size_t start = 1;
  while (start <= decoded.size() && !decoded.empty()) {
    std::size_t end = decoded.find('/', start);
    if (end == std::string::npos) end = decoded.size();
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      if (decoded[i] == '~' && i + 1 < end && (decoded[i + 1] == '0' || decoded[i + 1] == '1')) {
        token.push_back(decoded[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        token.push_back(decoded[i]);
      }
    }
    append_pointer_token(pointer, token);
    start = end + 1;
  }
  return pointer;
}

}  // namespace invitekit::detail
