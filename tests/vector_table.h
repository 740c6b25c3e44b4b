// invitekit tests: the shared vector files (tests/vectors/*.json) as GoogleTest parameter tables,
// one CTest entry per row, named after the row.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "build_request.h"
#include "issue.h"
#include "json.h"

namespace invitekit {

// Lets GoogleTest print a failing row as JSON instead of as bytes.
inline void PrintTo(const json_value& v, std::ostream* os) { *os << to_json(v); }

namespace test {

// The rows of tests/vectors/<file>, parsed once; the documents live until the program ends
// because every row is a view into one. Empty if the file is missing or broken, which the
// caller's own test reports (an empty table alone would only be a GoogleTest warning).
inline const std::vector<json_value>& vector_rows(const std::string& file) {
  struct table {
    json_document doc;
    std::vector<json_value> rows;
  };
  static std::map<std::string, std::unique_ptr<table>> loaded;
  auto& slot = loaded[file];
  if (!slot) {
    slot = std::make_unique<table>();
    std::ifstream in(std::string(INVITEKIT_TESTS_DIR) + "/vectors/" + file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json_limits limits;
    limits.max_bytes = 64u << 20;  // the vector files are ours, not user input
    if (in && slot->doc.parse(text.str(), limits))
      for (json_value row : slot->doc.root().items()) slot->rows.push_back(row);
  }
  return slot->rows;
}

// "bulkInvite 51 website ids" → "bulkInvite_51_website_ids": GoogleTest names allow only
// letters, digits and '_'.
inline std::string row_name(const ::testing::TestParamInfo<json_value>& info) {
  std::string name;
  for (char c : info.param.find("name").as_string()) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word) name += c;
    else if (!name.empty() && name.back() != '_') name += '_';
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name.empty() ? "row_" + std::to_string(info.index) : name;
}

using path_code = std::pair<std::string, std::string>;

// A vector's [{path, code}] list; an absent list means none.
inline std::vector<path_code> expected_issues(const json_value& list) {
  std::vector<path_code> out;
  for (json_value e : list.items())
    out.emplace_back(std::string(e.find("path").as_string()), std::string(e.find("code").as_string()));
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
inline header_list headers_of(const json_value& list) {
  header_list out;
  for (json_value h : list.items()) out.emplace_back(std::string(h.at(0).as_string()), std::string(h.at(1).as_string()));
  return out;
}

// A row's body as text: bodyText verbatim, else body serialized compactly.
inline std::string body_text(const json_value& holder) {
  const json_value text = holder.find("bodyText");
  return text.exists() ? std::string(text.as_string()) : to_json(holder.find("body"));
}

}  // namespace test
}  // namespace invitekit
