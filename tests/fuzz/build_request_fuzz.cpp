// invitekit fuzz target: build_request() (build_request.h). Input: selector byte, then fields
// base URL, API key, bearer token, session token, body text.
//   - never crashes or throws; errors and warnings are capped, each with a code and words;
//     ok is "no errors", and the body's errors are validate()'s, first;
//   - no header name or value holds a control byte (below 0x20, or 0x7F): no header splitting;
//   - when ok: the method is the endpoint's, the URL is exactly the base (or the endpoint's
//     default) without its trailing slashes, then the documented path, and that URL has no dot
//     segment, query, fragment, user info or byte a URL cannot hold; each credential is sent in
//     its own header; the body is validate()'s value, and the value overload builds the same.
#include <algorithm>
#include <cctype>

#include "build_request.h"
#include "fuzz_support.h"
#include "validate.h"

using namespace invitekit;
using invitekit::fuzz::check_issues;

namespace {

bool has_control_byte(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// Whether a URL parser would resolve part of the path: a "." or ".." segment, plain or with
// its dots percent-encoded.
bool resolves_dot_segments(std::string_view url) {
  const std::size_t authority = url.find("://");
  std::string path(url.substr(url.find('/', authority == std::string_view::npos ? 0 : authority + 3)));
  for (std::size_t at; (at = path.find("%2")) != std::string::npos && at + 2 < path.size() &&
                       (path[at + 2] == 'e' || path[at + 2] == 'E');)
    path.replace(at, 3, ".");
  return path.find("/./") != std::string::npos || path.find("/../") != std::string::npos ||
         path.ends_with("/.") || path.ends_with("/..");
}

std::string value_of(const header_list& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return {};
}

std::string_view credential_named(const credentials& given, std::string_view name) {
  return name == "apiKey" ? given.api_key : name == "bearerToken" ? given.bearer_token : given.session_token;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::fuzz_input input(data, size);
  const std::string id = input.endpoint_id();
  request_options options;
  options.base_url = input.next_field();
  options.credentials.api_key = input.next_field();
  options.credentials.bearer_token = input.next_field();
  options.credentials.session_token = input.next_field();
  const std::string_view body = input.rest();

  const build_result built = build_request(id, body, options);
  check_issues(built.errors, "build_request errors", detail::is_utf8(id));
  check_issues(built.warnings, "build_request warnings");
  INVITEKIT_FUZZ_CHECK(built.ok == built.errors.empty(), "ok is not 'no errors'");
  for (const auto& [name, value] : built.request.headers)
    INVITEKIT_FUZZ_CHECK(!has_control_byte(name) && !has_control_byte(value), "a control byte in header " + name);

  const validation_result validated = validate(id, body);
  INVITEKIT_FUZZ_CHECK(built.errors.size() >= validated.errors.size() &&
                           std::equal(validated.errors.begin(), validated.errors.end(), built.errors.begin()),
                       "the body's errors do not come first");
  if (!built.ok) return 0;

  const endpoint_info& info = *find_endpoint(id);
  std::string_view base = options.base_url.empty() ? std::string_view(info.default_base_url) : options.base_url;
  while (base.ends_with('/')) base.remove_suffix(1);
  const std::string& url = built.request.url;
  INVITEKIT_FUZZ_CHECK(built.request.method == info.method, built.request.method);
  INVITEKIT_FUZZ_CHECK(url == std::string(base) + info.path, url);
  std::string scheme = url.substr(0, url.find("://"));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  INVITEKIT_FUZZ_CHECK(scheme == "https" || scheme == "http", url);
  INVITEKIT_FUZZ_CHECK(url.find_first_of("?#\\") == std::string::npos, url);
  const std::size_t host_at = scheme.size() + 3;  // after "://"; '@' in the path is only a character
  INVITEKIT_FUZZ_CHECK(url.substr(host_at, url.find('/', host_at) - host_at).find('@') == std::string::npos, url);
  INVITEKIT_FUZZ_CHECK(std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c >= 0x7F; }), url);
  INVITEKIT_FUZZ_CHECK(!resolves_dot_segments(url), url);

  for (const credential_spec& spec : info.credentials) {
    const std::string sent = value_of(built.request.headers, spec.header);
    INVITEKIT_FUZZ_CHECK(sent.find(credential_named(options.credentials, spec.name)) != std::string::npos,
                         spec.header + ": " + sent);
  }

  const json_parse_result sent_body = parse_json(built.request.body);
  INVITEKIT_FUZZ_CHECK(sent_body.ok && sent_body.value == validated.value, built.request.body);

  const json_parse_result parsed = parse_json(body);
  INVITEKIT_FUZZ_CHECK(parsed.ok, "built from a body that does not parse");
  const build_result from_value = build_request(id, parsed.value, options);
  INVITEKIT_FUZZ_CHECK(from_value.ok && from_value.request.url == url && from_value.request.headers == built.request.headers &&
                           from_value.request.body == built.request.body,
                       "build_request(json) builds another request");
  return 0;
}
