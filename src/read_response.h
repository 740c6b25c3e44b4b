// invitekit: read an endpoint's HTTP response into an outcome an admin can act on.
//
//   auto reading = invitekit::read_response("athena.bulkInvite", {200, headers, body, sent_body});
//   if (reading.result == invitekit::outcome::partial) for (auto& row : reading.results) ...
//
// Never throws. Unknown fields are tolerated; broken promises of the API become warnings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "build_request.h"
#include "issue.h"
#include "json_text.h"

namespace invitekit {

struct http_response {
  int status = 0;
  header_list headers;        // names compared case-insensitively
  std::string body;           // the raw body text
  std::string request_body;   // optional: the body that was sent, to check results against it
};

enum class outcome { success, partial, failure };

const char* to_string(outcome o);  // "success", "partial", "failure"

// One row of a bulk response: what happened to one website or group.
struct target_result {
  std::string target_id;    // the website or group id
  std::string target_kind;  // "website" or "group"
  bool success = false;
  std::string message;      // the server's message on success
  std::string error;        // the server's error on failure
  std::string user_id;
  std::string invite_id;
};

struct response_reading {
  outcome result = outcome::failure;
  int status = 0;
  std::string message;      // the server's message, or a plain sentence for the status
  std::string invite_id;
  std::string user_id;      // numbers (users-organizations) are given as their decimal text
  std::vector<target_result> results;
  std::optional<int> retry_after;  // seconds, from Retry-After on 429/503
  issue_list warnings;      // contract breaks (code "response"), unreadable body, …
};

response_reading read_response(std::string_view endpoint_id, const http_response& response);

// The same for a response whose body a program has already parsed (null: no body). A plain
// nlohmann::json converts to json here.
response_reading read_response(std::string_view endpoint_id, int status, const header_list& headers, const json& body,
                               const json& request_body = nullptr);

}  // namespace invitekit
