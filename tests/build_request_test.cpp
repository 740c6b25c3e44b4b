// invitekit tests: build_request() — every row of tests/vectors/build_request.json, then the
// credential and base-URL checks swept over every byte.
#include "build_request.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "vector_table.h"

namespace invitekit {
namespace {

using test::actual_issues;
using test::expected_issues;

request_options options_of(const json& row) {
  const json& options = test::member(row, "options");
  const json& given = test::member(options, "credentials");
  request_options o;
  o.base_url = test::text(options, "baseUrl");
  o.credentials.api_key = test::text(given, "apiKey");
  o.credentials.bearer_token = test::text(given, "bearerToken");
  o.credentials.session_token = test::text(given, "sessionToken");
  return o;
}

class BuildRequestVectors : public ::testing::TestWithParam<json> {};

TEST_P(BuildRequestVectors, Row) {
  const json& row = GetParam();
  const build_result r = build_request(test::text(row, "endpoint"), to_json_text(test::member(row, "body")), options_of(row));
  EXPECT_EQ(r.ok, test::flag(row, "ok"));
  EXPECT_EQ(actual_issues(r.errors), expected_issues(test::member(row, "errors")));
  test::expect_messages(r.errors);
  // The parsed body gives the same request.
  const build_result parsed = build_request(test::text(row, "endpoint"), test::member(row, "body"), options_of(row));
  EXPECT_EQ(parsed.errors, r.errors);
  EXPECT_EQ(parsed.request.body, r.request.body);
  const json& expected = test::member(row, "request");
  if (expected.is_null()) return;
  EXPECT_EQ(r.request.method, test::text(expected, "method"));
  EXPECT_EQ(r.request.url, test::text(expected, "url"));
  EXPECT_EQ(r.request.headers, test::headers_of(test::member(expected, "headers")));
  EXPECT_EQ(r.request.body, test::text(expected, "body"));
}

INSTANTIATE_TEST_SUITE_P(Vectors, BuildRequestVectors,
                         ::testing::ValuesIn(test::vector_rows("build_request.json")), test::row_name);

TEST(BuildRequest, VectorFileLoads) { EXPECT_GT(test::vector_rows("build_request.json").size(), 20u); }

constexpr const char* group_invite =
    R"({"type":"group","invite_method":"email","email":"user@example.com","group_id":"456e7890-e89b-12d3-a456-426614174000"})";

request_options with_key(std::string key) {
  request_options o;
  o.credentials.api_key = std::move(key);
  return o;
}

TEST(BuildRequest, CredentialMessagesSayWhatToDo) {
  build_result r = build_request("athena.createInvite", group_invite, with_key(""));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "Enter your API key.");
  r = build_request("athena.createInvite", group_invite, with_key("ak_live\n"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message,
            "The API key contains a line break or other invisible character; paste it again without spaces or line breaks.");
  request_options uo;
  uo.credentials.session_token = "s";
  r = build_request("usersOrganizations.createInvite",
                    R"({"firstName":"J","lastName":"D","email":"j@mail.com","permissions":{}})", uo);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "Enter your bearer token.");
}

// Every byte outside visible ASCII, anywhere in a key, is refused; every visible one is sent.
// This is what keeps a pasted "key\r\nx-other: …" from becoming a second header.
TEST(BuildRequest, OnlyVisibleAsciiReachesAHeader) {
  for (int c = 0; c < 256; ++c) {
    const std::string key = "ak_" + std::string(1, static_cast<char>(c)) + "_1";
    const build_result r = build_request("athena.createInvite", group_invite, with_key(key));
    const bool visible = c >= 0x21 && c <= 0x7E;
    EXPECT_EQ(r.ok, visible) << "byte " << c;
    if (visible) {
      ASSERT_EQ(r.request.headers.at(0).first, "x-api-key");
      EXPECT_EQ(r.request.headers.at(0).second, key);
    } else {
      ASSERT_EQ(r.errors.size(), 1u) << "byte " << c;
      EXPECT_EQ(r.errors[0].code, codes::credential);
    }
  }
}

TEST(BuildRequest, UnparsableBodyBuildsNothing) {
  const build_result r = build_request("athena.createInvite", "{\"type\":", with_key("k"));
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, codes::json);
  EXPECT_TRUE(r.request.url.empty());
}

// Random base URLs (fixed seed) never crash; whatever is accepted is an http(s) URL ending in
// the endpoint's path, with no whitespace, query or fragment.
TEST(BuildRequest, RandomBaseUrlsAreCheckedNotTrusted) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"http", "https", "ftp", "://", ":", "/", "//", "?", "#", "@", "[", "]", "::1",
                                "api", ".", "example.com", "8080", "99999", " ", "\n", "%20", "-", "main", "\\", "\xc3\xa9"};
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    request_options o = with_key("k");
    // Half start like a real URL, so that the accepting paths are exercised too.
    if (rng() % 2) o.base_url = rng() % 2 ? "https://api.example.com" : "http://[::1]";
    const int n = static_cast<int>(rng() % 4);
    for (int p = 0; p < n; ++p) o.base_url += pieces[rng() % std::size(pieces)];
    const build_result r = build_request("athena.createInvite", group_invite, o);
    if (!r.ok) {
      ASSERT_EQ(r.errors.size(), 1u) << o.base_url;
      ASSERT_EQ(r.errors[0].path, "/baseUrl");
      continue;
    }
    ++accepted;
    const std::string& url = r.request.url;
    ASSERT_TRUE(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) << url;
    ASSERT_EQ(url.find_first_of("?# \n\\"), std::string::npos) << url;
    ASSERT_EQ(url.substr(url.size() - 15), "/api/v1/invites") << url;
    ASSERT_EQ(url.find("//api/v1/invites"), std::string::npos) << url;
  }
  EXPECT_GT(accepted, 0);
}

// A "." or ".." segment would be resolved by the URL parser, sending the invite somewhere
// other than the address shown (and past the "already ends with the path" check).
TEST(BuildRequest, BaseUrlDotSegmentsAreRefusedInPlainWords) {
  request_options options = with_key("ak_live_7f3a9c2e41b84d6f");
  for (const char* url : {"https://api.example.com/..", "https://api.example.com/a/../b", "https://api.example.com/.",
                          "https://api.example.com/%2E%2e/", "https://api.example.com/x/..%2f"}) {
    SCOPED_TRACE(url);
    options.base_url = url;
    const build_result r = build_request("athena.createInvite", group_invite, options);
    if (std::string_view(url).ends_with("..%2f")) {  // "..%2f" is one segment named "../": not a dot segment
      EXPECT_TRUE(r.ok);
      continue;
    }
    ASSERT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].path, "/baseUrl");
    EXPECT_EQ(r.errors[0].message,
              "The server URL cannot contain '.' or '..' as a part of its path; give the server's address as it is, "
              "for example https://api.example.com/main.");
  }
}

}  // namespace
}  // namespace invitekit
