// invitekit: the endpoint catalog — the three documented invite endpoints, described as data.
//
// Each endpoint is one JSON file in src/endpoints/, embedded at build time. The file is the
// single source of truth: validation, request building, response reading, the admin page's
// form and serve.py's sandbox all read it. Adding an endpoint means adding a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_text.h"

namespace invitekit {

struct credential_spec {
  std::string name;    // "apiKey", "bearerToken", "sessionToken" (the JS option names)
  std::string label;   // "API key"
  std::string header;  // "x-api-key"
  std::string format;  // "{value}" or "Bearer {value}"
};

struct endpoint_info {
  std::string id;                // "athena.createInvite"
  std::string family;            // "athena" or "usersOrganizations": endpoints sharing credentials
  std::string title;
  std::string method;            // "POST"
  std::string path;              // "/api/v1/invites"
  std::string default_base_url;  // the docs' server
  std::vector<credential_spec> credentials;
  json description;                    // the whole description (schema, fields, responses, …)
  std::string_view description_json;  // the same, as the embedded text
};

// All endpoints, in a stable order (the order of their ids).
const std::vector<endpoint_info>& endpoints();

// The endpoint with this id, or nullptr.
const endpoint_info* find_endpoint(std::string_view id);

}  // namespace invitekit
