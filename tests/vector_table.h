// invitekit tests: the shared vector files (tests/vectors/*.json) as GoogleTest parameter tables,
// one CTest entry per row, named after the row.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "build_request.h"
#include "issue.h"
#include "json_text.h"

namespace invitekit::test {

// The rows of tests/vectors/<file>, parsed once. Empty if the file is missing or broken, which
// the caller's own test reports (an empty table alone would only be a GoogleTest warning).
inline const std::vector<json>& vector_rows(const std::string& file) {
  static std::map<std::string, std::vector<json>> loaded;
  auto [slot, fresh] = loaded.try_emplace(file);
  if (fresh) {
    std::ifstream in(std::string(INVITEKIT_TESTS_DIR) + "/vectors/" + file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json_limits limits;
    limits.max_bytes = 64u << 20;  // the vector files are ours, not user input
    json_parse_result parsed = parse_json(text.str(), limits);
    if (in && parsed.ok && parsed.value.is_array())
      for (json& row : parsed.value) slot->second.push_back(std::move(row));
  }
  return slot->second;
}

// A member of a row, or null when it is absent.
inline const json& member(const json& object, std::string_view key) {
  static const json none;
  if (!object.is_object()) return none;
  const auto it = object.find(key);
  return it == object.end() ? none : *it;
}
inline bool has(const json& object, std::string_view key) {
  return object.is_object() && object.find(key) != object.end();
}
inline std::string text(const json& object, std::string_view key) {
  const json& v = member(object, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}
inline bool flag(const json& object, std::string_view key) {
  const json& v = member(object, key);
  return v.is_boolean() && v.get<bool>();
}

// "bulkInvite 51 website ids" → "bulkInvite_51_website_ids": GoogleTest names allow only
// letters, digits and '_'.
inline std::string row_name(const ::testing::TestParamInfo<json>& info) {
  std::string name;
  for (char c : text(info.param, "name")) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word) name += c;
    else if (!name.empty() && name.back() != '_') name += '_';
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name.empty() ? "row_" + std::to_string(info.index) : name;
}

using path_code = std::pair<std::string, std::string>;

// A vector's [{path, code}] list; an absent list means none.
inline std::vector<path_code> expected_issues(const json& list) {
  std::vector<path_code> out;
  if (list.is_array())
    for (const json& e : list) out.emplace_back(text(e, "path"), text(e, "code"));
  return out;
}

inline std::vector<path_code> actual_issues(const issue_list& list) {
  std::vector<path_code> out;
  for (const issue& e : list) out.emplace_back(e.path, e.code);
  return out;
}

// Every issue must say something to the admin; the vectors pin paths and codes only.
inline void expect_messages(const issue_list& list) {
  for (const issue& e : list) EXPECT_FALSE(e.message.empty()) << "no message for " << e.code << " at '" << e.path << "'";
}

// A vector's [[name, value], …] header list.
inline header_list headers_of(const json& list) {
  header_list out;
  if (list.is_array())
    for (const json& h : list)
      if (h.is_array() && h.size() == 2 && h[0].is_string() && h[1].is_string())
        out.emplace_back(h[0].get<std::string>(), h[1].get<std::string>());
  return out;
}

// A row's body as text: bodyText verbatim, else body serialized compactly.
inline std::string body_text(const json& holder) {
  return has(holder, "bodyText") ? text(holder, "bodyText") : to_json_text(member(holder, "body"));
}

}  // namespace invitekit::test
