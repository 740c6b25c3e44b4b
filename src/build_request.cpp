// invitekit: build_request() — a validated invite turned into the exact HTTP request its
// endpoint expects (URL, auth headers from the description, body with defaults).
#include "build_request.h"

#include <cctype>
#include <optional>
#include <string>

#include "detail/compiled_endpoint.h"
#include "detail/json_equal.h"
#include "validate.h"

namespace invitekit {
namespace {

// "API key" stays as is (an acronym opens it); "Bearer token" reads "bearer token" mid-sentence.
std::string in_sentence(std::string_view label) {
  std::string s(label);
  bool acronym = s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]));
  if (!s.empty() && !acronym) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// The value the caller gave for a credential the description names. The names are the JS
// option names, which the public credentials struct mirrors field by field.
std::string_view credential_value(const credentials& given, std::string_view name) {
  if (name == "apiKey") return given.api_key;
  if (name == "bearerToken") return given.bearer_token;
  if (name == "sessionToken") return given.session_token;
  return {};
}

// Why this credential cannot go into a header, or nothing. Only visible ASCII (0x21–0x7E) is
// accepted: a CR or LF would split the header (injection), and spaces, tabs and non-ASCII
// characters are always paste accidents in keys and tokens.
std::optional<std::string> credential_problem(const credential_spec& spec, std::string_view value) {
  const std::string label = in_sentence(spec.label);
  if (value.empty()) return "Enter your " + label + ".";
  // "Bearer {value}": a token pasted with its "Bearer " prefix would be sent as "Bearer Bearer …".
  const std::string_view format = spec.format;
  const std::size_t slot = format.find("{value}");
  const std::string_view prefix = slot == std::string_view::npos ? std::string_view() : format.substr(0, slot);
  if (!prefix.empty() && starts_with_ignoring_case(value, prefix))
    return "Enter the " + label + " without the '" + std::string(prefix) + "' in front; it is added for you.";
  bool invisible = false, non_ascii = false;
  for (unsigned char c : value) {
    if (c >= 0x80) non_ascii = true;
    else if (c < 0x21 || c == 0x7F) invisible = true;
  }
  const std::string subject = "The " + label;
  if (invisible)
    return subject + " contains a line break or other invisible character; paste it again without spaces or line breaks.";
  if (non_ascii)
    return subject + " contains a character that is not plain ASCII (an accented letter or a typographic quote, perhaps); paste it again from its source.";
  return std::nullopt;
}

std::string formatted(std::string_view format, std::string_view value) {
  std::string out(format);
  const std::size_t slot = out.find("{value}");
  if (slot != std::string::npos) out.replace(slot, 7, value);
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A "." or ".." segment, written plainly or percent-encoded ("%2e"): a URL parser resolves it,
// so the request would go somewhere other than the address shown.
bool has_dot_segment(std::string_view path) {
  std::size_t at = 0;
  while (at < path.size()) {
    std::size_t end = path.find('/', at + 1);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(at + 1, end - at - 1);
    std::size_t dots = 0;
    while (!segment.empty()) {
      if (segment.front() == '.') {
        segment.remove_prefix(1);
      } else if (segment.size() >= 3 && segment[0] == '%' && segment[1] == '2' && (segment[2] == 'e' || segment[2] == 'E')) {
        segment.remove_prefix(3);
      } else {
        break;
      }
      ++dots;
    }
    if (segment.empty() && (dots == 1 || dots == 2)) return true;
    at = end;
  }
  return false;
}

// Checks a base URL by hand (a regex would cost ~140 KB in the .wasm): http or https, a host,
// an optional port, an optional path, and nothing the path would not survive being joined to.
// Returns the problem, or nothing.
std::optional<std::string> base_url_problem(std::string_view url) {
  constexpr const char* example = " (for example https://api.example.com)";
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F)
      return std::string("The server URL contains a space or a character a URL cannot hold; remove it.");
  }
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos)
    return std::string("The server URL must be a full address starting with https:// or http://") + example + ".";
  const std::string_view scheme = url.substr(0, scheme_end);
  if (!(scheme.size() == 4 && starts_with_ignoring_case(scheme, "http")) &&
      !(scheme.size() == 5 && starts_with_ignoring_case(scheme, "https")))
    return "The server URL must start with https:// or http://, not " + std::string(scheme) + "://.";
  if (url.find_first_of("?#") != std::string_view::npos)
    return std::string("The server URL cannot contain a query (?…) or a fragment (#…); remove that part.");
  if (url.find('\\') != std::string_view::npos)
    return std::string("The server URL contains a backslash; use forward slashes.");

  std::string_view rest = url.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  if (has_dot_segment(rest.substr(authority.size())))
    return std::string("The server URL cannot contain '.' or '..' as a part of its path; give the server's address as it is, "
                       "for example https://api.example.com/main.");
  if (authority.find('@') != std::string_view::npos)
    return std::string("The server URL cannot contain a user name or password; give credentials in their own fields.");

  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    // An IPv6 literal: [hex and colons, maybe a dotted IPv4 tail].
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::string("The server URL has an IPv6 address without its closing ']'.");
    host = authority.substr(0, close + 1);
    for (char c : authority.substr(1, close - 1))
      if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'))
        return std::string("The server URL has an IPv6 address that is not valid.");
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::string("The server URL has something after its IPv6 address that is not a port.");
      port = after.substr(1);
      if (port.empty()) return std::string("The server URL has a ':' but no port number after it.");
    }
    if (close == 1) return std::string("The server URL has an empty IPv6 address.");
  } else {
    const std::size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return std::string("The server URL has a ':' but no port number after it.");
    }
    bool has_alnum = false;
    for (char c : host) {
      if (!(is_alnum(c) || c == '-' || c == '.'))
        return "The server URL's host name contains '" + std::string(1, c) + "', which a host name cannot hold.";
      has_alnum = has_alnum || is_alnum(c);
    }
    if (!has_alnum) return std::string("The server URL has no host name") + example + ".";
  }
  if (!port.empty()) {
    long value = 0;
    for (char c : port) {
      if (!is_digit(c) || value > 65535) return "The server URL's port must be a number from 1 to 65535.";
      value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535) return std::string("The server URL's port must be a number from 1 to 65535.");
  }
  return std::nullopt;
}

// A base URL pasted as the endpoint's whole address would send the path twice (a sure 404).
std::optional<std::string> repeated_path_problem(std::string_view base, const endpoint_info& info) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  const std::string_view path = info.path;
  if (path.size() < 2 || base.size() < path.size() || base.substr(base.size() - path.size()) != path)
    return std::nullopt;
  return "The server URL already ends with this endpoint's path (" + info.path +
         "); give only the server, for example " + info.default_base_url + ".";
}

// base + path with exactly one slash between them, whether or not the base ends in one.
std::string join_url(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  std::string url(base);
  if (path.empty() || path.front() != '/') url += '/';
  url += path;
  return url;
}

// The request for a body validate() has already read.
build_result build_from(std::string_view endpoint_id, validation_result body, const request_options& options) {
  build_result out;
  // The body first: its errors come before the connection's, as the form lists them.
  out.errors = std::move(body.errors);
  out.warnings = std::move(body.warnings);
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) return out;  // validate() already said so
  const endpoint_info& info = *ep->info;

  // Credential errors point at the option that holds them, as the JS API names it.
  header_list headers;
  for (const credential_spec& spec : info.credentials) {
    const std::string_view value = credential_value(options.credentials, spec.name);
    if (auto problem = credential_problem(spec, value)) {
      if (out.errors.size() < max_errors) out.errors.push_back({"/credentials/" + spec.name, codes::credential, *problem});
      continue;
    }
    headers.emplace_back(spec.header, formatted(spec.format, value));
  }
  if (const auto fixed = info.description.find("headers"); fixed != info.description.end() && fixed->is_object())
    for (auto h = fixed->begin(); h != fixed->end(); ++h) headers.emplace_back(h.key(), detail::string_of(h.value()));

  const std::string_view base = options.base_url.empty() ? std::string_view(info.default_base_url)
                                                         : std::string_view(options.base_url);
  std::optional<std::string> problem = base_url_problem(base);
  if (!problem) problem = repeated_path_problem(base, info);
  if (problem) {
    if (out.errors.size() < max_errors) out.errors.push_back({"/baseUrl", codes::base_url, *problem});
  }

  if (!out.errors.empty()) return out;
  out.ok = true;
  out.request.method = info.method;
  out.request.url = join_url(base, info.path);
  out.request.headers = std::move(headers);
  out.request.body = to_json_text(body.value);
  return out;
}

}  // namespace

build_result build_request(std::string_view endpoint_id, std::string_view body_json, const request_options& options) {
  return build_from(endpoint_id, validate(endpoint_id, body_json), options);
}

build_result build_request(std::string_view endpoint_id, const json& body, const request_options& options) {
  return build_from(endpoint_id, validate(endpoint_id, body), options);
}

build_result build_request(std::string_view endpoint_id, const nlohmann::json& body, const request_options& options) {
  return build_from(endpoint_id, validate(endpoint_id, body), options);
}

}  // namespace invitekit
