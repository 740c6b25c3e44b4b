// invitekit tests: read_response() — every row of tests/vectors/read_response.json, then
// Retry-After's date forms and random answers.
#include "read_response.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "vector_table.h"

namespace invitekit {
namespace {

using test::actual_issues;
using test::expected_issues;

http_response response_of(const json& row) {
  const json& given = test::member(row, "response");
  http_response r;
  r.status = test::member(given, "status").get<int>();
  r.headers = test::headers_of(test::member(given, "headers"));
  r.body = test::body_text(given);
  if (test::has(given, "request")) r.request_body = to_json_text(test::member(given, "request"));
  return r;
}

class ReadResponseVectors : public ::testing::TestWithParam<json> {};

TEST_P(ReadResponseVectors, Row) {
  const json& row = GetParam();
  const response_reading r = read_response(test::text(row, "endpoint"), response_of(row));
  EXPECT_STREQ(to_string(r.result), test::text(row, "outcome").c_str());
  EXPECT_EQ(r.status, test::member(test::member(row, "response"), "status").get<int>());
  if (test::has(row, "message")) {
    EXPECT_EQ(r.message, test::text(row, "message"));
  }
  EXPECT_FALSE(r.message.empty());
  EXPECT_EQ(r.invite_id, test::text(row, "inviteId"));
  EXPECT_EQ(r.user_id, test::text(row, "userId"));
  const json& retry = test::member(row, "retryAfter");
  if (!retry.is_null()) {
    ASSERT_TRUE(r.retry_after.has_value());
    EXPECT_EQ(*r.retry_after, retry.get<int>());
  } else {
    EXPECT_FALSE(r.retry_after.has_value()) << *r.retry_after;
  }
  EXPECT_EQ(actual_issues(r.warnings), expected_issues(test::member(row, "warnings")));
  test::expect_messages(r.warnings);

  const json& rows = test::member(row, "results");
  ASSERT_EQ(r.results.size(), rows.size());
  std::size_t i = 0;
  for (const json& want : rows) {
    const target_result& got = r.results[i++];
    SCOPED_TRACE("result " + std::to_string(i - 1));
    EXPECT_EQ(got.target_id, test::text(want, "targetId"));
    EXPECT_EQ(got.target_kind, test::text(want, "targetKind"));
    EXPECT_EQ(got.success, test::flag(want, "success"));
    EXPECT_EQ(got.message, test::text(want, "message"));
    EXPECT_EQ(got.error, test::text(want, "error"));
    EXPECT_EQ(got.user_id, test::text(want, "userId"));
    EXPECT_EQ(got.invite_id, test::text(want, "inviteId"));
  }

  // A body the caller has already parsed reads the same.
  const json_parse_result body = parse_json(test::body_text(test::member(row, "response")));
  if (body.ok) {
    const json& given = test::member(row, "response");
    const response_reading parsed = read_response(test::text(row, "endpoint"), r.status,
                                                  test::headers_of(test::member(given, "headers")), body.value,
                                                  test::member(given, "request"));
    EXPECT_STREQ(to_string(parsed.result), to_string(r.result));
    EXPECT_EQ(parsed.message, r.message);
    EXPECT_EQ(parsed.warnings, r.warnings);
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, ReadResponseVectors,
                         ::testing::ValuesIn(test::vector_rows("read_response.json")), test::row_name);

TEST(ReadResponse, VectorFileLoads) { EXPECT_GT(test::vector_rows("read_response.json").size(), 30u); }

TEST(ReadResponse, OutcomeNames) {
  EXPECT_STREQ(to_string(outcome::success), "success");
  EXPECT_STREQ(to_string(outcome::partial), "partial");
  EXPECT_STREQ(to_string(outcome::failure), "failure");
}

std::optional<int> retry_after(const std::string& value, const std::string& date) {
  http_response r;
  r.status = 429;
  r.headers = {{"Retry-After", value}};
  if (!date.empty()) r.headers.emplace_back("date", date);
  return read_response("athena.createInvite", r).retry_after;
}

// RFC 9110 asks recipients to accept all three historical date forms.
TEST(ReadResponse, RetryAfterDateForms) {
  const std::string now = "Sun, 22 Nov 2026 06:00:00 GMT";
  EXPECT_EQ(retry_after("Sun, 22 Nov 2026 06:00:45 GMT", now), 45);
  EXPECT_EQ(retry_after("Sunday, 22-Nov-26 06:01:00 GMT", now), 60);
  EXPECT_EQ(retry_after("Sun Nov 22 06:10:00 2026", now), 600);
  EXPECT_EQ(retry_after("Mon, 23 Nov 2026 06:00:00 GMT", now), 86400);
  EXPECT_EQ(retry_after("Sun, 22 Nov 2026 05:00:00 GMT", now), 0);  // already past: retry now
  EXPECT_EQ(retry_after("  12 ", ""), 12);
  EXPECT_EQ(retry_after("99999999999999999999", ""), std::numeric_limits<int>::max());
  EXPECT_FALSE(retry_after("-5", "").has_value());
  EXPECT_FALSE(retry_after("1.5", "").has_value());
  EXPECT_FALSE(retry_after("Sun, 31 Foo 2026 06:00:00 GMT", now).has_value());
  EXPECT_FALSE(retry_after("Sun, 22 Nov 2026 06:00:45 GMT", "yesterday").has_value());
}

TEST(ReadResponse, RetryAfterOnlyOn429And503) {
  http_response r;
  r.status = 500;
  r.headers = {{"Retry-After", "30"}};
  EXPECT_FALSE(read_response("athena.createInvite", r).retry_after.has_value());
}

// The vectors pin paths and codes; these pin how a shape warning names the member in words.
TEST(ReadResponse, ShapeWarningsNameTheMemberInWords) {
  http_response r;
  r.status = 200;
  r.headers = {{"content-type", "application/json"}};
  const auto messages = [&](const char* endpoint) {
    std::vector<std::string> out;
    for (const issue& w : read_response(endpoint, r).warnings) out.push_back(w.path + " " + w.message);
    return out;
  };
  r.body = R"({"success":true})";
  EXPECT_EQ(messages("athena.createInvite"),
            std::vector<std::string>{"/message The server's answer has no 'message', which the API documents as always present."});
  r.body = "[]";
  EXPECT_EQ(messages("athena.createInvite"),
            std::vector<std::string>{" The server's answer has a value for the answer as a whole that the API does not document (type)."});
}

// Random answers (fixed seed) never crash and always carry a message; only a 2xx can succeed,
// and only the bulk endpoint can be partial.
TEST(ReadResponse, RandomAnswersNeverCrash) {
  std::mt19937 rng(42);
  const std::string endpoints[] = {"athena.createInvite", "athena.bulkInvite", "usersOrganizations.createInvite"};
  const std::string bodies[] = {
      "", "null", "[]", "{}", "\"text\"", "{\"success\":true}", "{\"success\":\"yes\",\"results\":{}}",
      "{\"results\":[null,1,{\"website_id\":5},{\"group_id\":\"g\",\"success\":true},{\"website_id\":\"w\",\"success\":false}]}",
      "{\"message\":[1,null,\"\"],\"error\":{}}", "{\"data\":{\"userId\":1e400}}", "{\"user_id\":[],\"invite_id\":{}}",
      "{\"results\":[{\"website_id\":\"w\",\"success\":true,\"user_id\":7}]}", "{", "\xff\xfe", "<html>"};
  const std::string requests[] = {"", "{", "{\"invite_method\":\"email\",\"website_ids\":[\"w\",\"w\",5]}",
                                  "{\"invite_method\":\"direct\",\"group_ids\":\"g\"}", "[]"};
  const int statuses[] = {0, -1, 100, 200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 429, 500, 503, 999};
  for (int i = 0; i < 1000; ++i) {
    http_response r;
    const std::string& endpoint = endpoints[rng() % std::size(endpoints)];
    r.status = statuses[rng() % std::size(statuses)];
    r.body = bodies[rng() % std::size(bodies)];
    r.request_body = requests[rng() % std::size(requests)];
    if (rng() % 2) r.headers = {{"Retry-After", rng() % 2 ? "Wed, 21 Oct 2015 07:28:00 GMT" : "7"}, {"Date", "junk"}};
    const response_reading reading = read_response(endpoint, r);
    ASSERT_FALSE(reading.message.empty()) << endpoint << " " << r.status << " " << r.body;
    if (r.status < 200 || r.status > 299) {
      ASSERT_EQ(reading.result, outcome::failure);
    }
    if (reading.result == outcome::partial) {
      ASSERT_EQ(endpoint, "athena.bulkInvite");
    }
    ASSERT_LE(reading.warnings.size(), max_errors);
  }
}

}  // namespace
}  // namespace invitekit
