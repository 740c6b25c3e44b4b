// invitekit admin page: what the sandbox (serve.py's GET /sandbox/credentials) offers the form —
// its seeded keys for the current endpoint's family and its website and group ids — and putting
// one into the form. The canvas (panels/sandbox_panel.cpp, the connection panel) and the
// accessible form offer the same things through these.
#pragma once

#include <string>
#include <vector>

#include "app_state.h"

namespace invitekit::web {

struct sandbox_key {
  std::string name;        // as the sandbox names it: "globalApiKey"
  std::string words;       // as the page says it: "global API key"
  std::string credential;  // the credential it fills in ("apiKey"), "" for a note (websiteId)
  std::string value;       // a note's value; a key's stays here, never in a published model
};

struct sandbox_id {
  std::string kind;  // "website", "group"
  std::string value;
};

// The seeded keys of the current endpoint's family (none until /sandbox/credentials answered).
std::vector<sandbox_key> sandbox_keys(const app_state& s);
std::vector<sandbox_id> sandbox_ids(const app_state& s);

// Puts the key named `name` into its credential field; false when there is no such key.
bool use_sandbox_key(app_state& s, const std::string& name);

// Puts a website or group id into the form: the "<kind>_id" field (making it apply, by setting
// what its showWhen asks for) or a row of the "<kind>_ids" list. False when the endpoint has
// neither (the id is copied to the clipboard instead, and the notice says so).
bool use_sandbox_id(app_state& s, const std::string& kind, const std::string& id);

}  // namespace invitekit::web
