// invitekit: the one shape every problem takes — {path, code, message} — and the codes it may carry.
#pragma once

#include <string>
#include <vector>

namespace invitekit {

// One error or warning about an invite, a request or a response.
//   path     JSON Pointer (RFC 6901) to the field concerned; "" is the whole body. A missing
//            required property points at the property itself ("/website_id") so a form can
//            show the message under that field.
//   code     a stable identifier, see below. Tests and programs compare codes, never messages.
//   message  one sentence written for an organization admin, not for a developer.
struct issue {
  std::string path;
  std::string code;
  std::string message;

  friend bool operator==(const issue&, const issue&) = default;
};

using issue_list = std::vector<issue>;

// The codes. A failed JSON Schema keyword reports the keyword itself:
//   type enum const required additionalProperties properties patternProperties items
//   additionalItems minItems maxItems uniqueItems contains minLength maxLength pattern format
//   minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minProperties maxProperties
//   propertyNames dependencies allOf anyOf oneOf not false
// A schema may rename the code of its own keywords with "x-code" (e.g. "ignored", "duplicate",
// "longLocalPart"). "duplicate" is also a key given twice in JSON text, and a value a table's
// rows must not share (an email on two rows). Beyond the keywords:
namespace codes {
inline constexpr const char* json = "json";              // text that does not parse (line, column)
inline constexpr const char* limit = "limit";            // nesting deeper than 64, body over 1 MiB
inline constexpr const char* endpoint = "endpoint";      // unknown endpoint id
inline constexpr const char* credential = "credential";  // missing or unsafe API key / token
inline constexpr const char* base_url = "baseUrl";       // not an absolute http(s) URL
inline constexpr const char* schema = "schema";          // a schema that does not compile
inline constexpr const char* response = "response";      // a response that breaks the API contract
inline constexpr const char* table = "table";            // a table of people that cannot be read as meant
inline constexpr const char* column = "column";          // a table's column left out, doubled or missing
}  // namespace codes

// Every call stops collecting errors at this many (a cap against abusive input).
inline constexpr std::size_t max_errors = 100;

}  // namespace invitekit
