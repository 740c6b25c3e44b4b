// invitekit: turn a valid invite into the exact HTTP request its endpoint expects.
//
//   invitekit::request_options options;
//   options.base_url = "https://api.athenahq.ai";
//   options.credentials.api_key = key;
//   auto built = invitekit::build_request("athena.createInvite", body_json, options);
//   if (built.ok) send(built.request.method, built.request.url, built.request.headers, built.request.body);
//
// The body may be JSON text or a parsed value (the core's json or a plain nlohmann::json).
// Never throws. The body is validated first; its errors come back and no request is built.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "issue.h"
#include "json_text.h"

namespace invitekit {

struct credentials {
  std::string api_key;        // AthenaHQ: sent as x-api-key
  std::string bearer_token;   // users-organizations: sent as Authorization: Bearer …
  std::string session_token;  // users-organizations: sent as x-session-token
};

struct request_options {
  std::string base_url;  // absolute http(s) URL, no query or fragment; empty: the docs' server
  invitekit::credentials credentials;  // qualified: the member shares the type's name
};

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method;
  std::string url;
  header_list headers;  // in a stable order: auth headers as the endpoint lists them, then content-type
  std::string body;     // the validated body with defaults filled in, compact JSON
};

struct build_result {
  bool ok = false;
  issue_list errors;    // body errors, then "credential" errors at "/credentials/<name>"
                        // (apiKey, bearerToken, sessionToken: the JS option names), then a
                        // "baseUrl" error at "/baseUrl"
  issue_list warnings;
  http_request request; // meaningful only when ok
};

build_result build_request(std::string_view endpoint_id, std::string_view body_json, const request_options& options);
build_result build_request(std::string_view endpoint_id, const json& body, const request_options& options);
build_result build_request(std::string_view endpoint_id, const nlohmann::json& body, const request_options& options);
inline build_result build_request(std::string_view endpoint_id, const std::string& body_json,
                                  const request_options& options) {
  return build_request(endpoint_id, std::string_view(body_json), options);
}
inline build_result build_request(std::string_view endpoint_id, const char* body_json, const request_options& options) {
  return build_request(endpoint_id, std::string_view(body_json), options);
}

}  // namespace invitekit
