// invitekit admin page: the sandbox's keys and ids, and putting them into the form.
#include "sandbox_offers.h"

#include "browser.h"
#include "text.h"
#include "page_json.h"

namespace invitekit::web {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The credential a seeded key fills in: "globalApiKey" → "apiKey", "bearerToken" → "bearerToken".
std::string credential_for_key(const app_state& s, std::string_view family, std::string_view key) {
  for (const auto& form : s.forms) {
    if (form.info->family != family) continue;
    for (const auto& c : form.info->credentials)
      if (ends_with(lower(key), lower(c.name))) return c.name;
  }
  return {};
}

// "globalApiKey" → "global API key": a seeded key's name as the page says it.
std::string words(std::string_view camel) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word == "api" ? "API" : word == "id" ? "ID" : word;
    word.clear();
  };
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      flush();
      word += static_cast<char>(c + ('a' - 'A'));
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<sandbox_key> sandbox_keys(const app_state& s) {
  std::vector<sandbox_key> out;
  if (!s.sandbox.credentials_loaded) return out;
  const std::string& family = s.form().info->family;
  const json* keys = member(s.sandbox.credentials, family);
  if (!keys || !keys->is_object()) return out;
  for (const auto& [name, value] : keys->items())
    if (value.is_string())
      out.push_back(
          {name, words(name), credential_for_key(s, family, name), value.get<std::string>()});
  return out;
}

std::vector<sandbox_id> sandbox_ids(const app_state& s) {
  std::vector<sandbox_id> out;
  for (const char* list : {"websites", "groups"}) {
    const json* ids = member(s.sandbox.credentials, list);
    if (!ids || !ids->is_array()) continue;
    std::string kind(list);
    kind.pop_back();  // "websites" → "website"
    for (const json& id : *ids) out.push_back({kind, text_of(&id)});
  }
  return out;
}

bool use_sandbox_key(app_state& s, const std::string& name) {
  for (const sandbox_key& key : sandbox_keys(s)) {
    if (key.name != name || key.credential.empty()) continue;
    s.conn.secrets[key.credential] = key.value;
    s.dirty = true;
    if (s.conn.remember) save_settings(s);
    show_notice(s, "Using the sandbox's " + key.words + ".");
    return true;
  }
  return false;
}

bool use_sandbox_id(app_state& s, const std::string& kind, const std::string& id) {
  draft& d = s.current_draft();
  for (const field_spec& field : s.form().fields) {
    if (field.path == "/" + kind + "_id") {
      for (const auto& [path, values] : field.show_when)
        if (!values.empty()) d.values[path] = values.front();
      d.values[field.path] = id;
      mark_edited(s, field.path);
      show_notice(s, "Put " + kind + " " + id + " into the form.");
      return true;
    }
    if (field.path == "/" + kind + "_ids") {
      auto& rows = d.lists[field.path];
      if (!rows.empty() && rows.back().empty())
        rows.back() = id;
      else
        rows.push_back(id);
      mark_edited(s, field.path);
      show_notice(s, "Put " + kind + " " + id + " into the form.");
      return true;
    }
  }
  browser::set_clipboard_text(id);
  show_notice(s, "This endpoint has no " + kind + " field; copied the ID instead.");
  return false;
}

}  // namespace invitekit::web
