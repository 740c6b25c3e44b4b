// invitekit detail: the little URI arithmetic $id and $ref need (RFC 3986 reference
// resolution, simplified to what schemas use) and JSON Pointer fragments.
#pragma once

#include <string>
#include <string_view>

namespace invitekit::detail {

// Resolves `ref` against `base`: "#/a" and "#name" keep base's document, "/x" keeps its
// scheme and host, "x" replaces its last path segment, "scheme:..." stands alone.
std::string resolve_uri(std::string_view base, std::string_view ref);

// Splits "doc#fragment" into its two halves (fragment without '#').
std::string_view uri_document(std::string_view uri);
std::string_view uri_fragment(std::string_view uri);

// A URI fragment holding a JSON Pointer ("/definitions/a%25b") in the canonical escaped form
// compiled nodes are keyed by ("/definitions/a%b"): percent-decoded, tokens re-escaped.
std::string normalize_pointer_fragment(std::string_view fragment);

}  // namespace invitekit::detail
