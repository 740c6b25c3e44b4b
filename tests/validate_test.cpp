// invitekit tests: validate() — every row of tests/vectors/validate.json, then what a table
// cannot hold (bodies over 1 MiB, raw invalid UTF-8, mutated bodies, threads, the error cap).
#include "validate.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "catalog.h"
#include "vector_table.h"

namespace invitekit {
namespace {

using test::actual_issues;
using test::expected_issues;

class ValidateVectors : public ::testing::TestWithParam<json> {};

TEST_P(ValidateVectors, Row) {
  const json& row = GetParam();
  const std::string endpoint = test::text(row, "endpoint");
  const std::string body = test::body_text(row);

  const validation_result r = validate(endpoint, body);
  EXPECT_EQ(r.valid, test::flag(row, "valid"));
  EXPECT_EQ(actual_issues(r.errors), expected_issues(test::member(row, "errors")));
  EXPECT_EQ(actual_issues(r.warnings), expected_issues(test::member(row, "warnings")));
  if (test::has(row, "value")) {
    EXPECT_EQ(to_json_text(r.value), to_json_text(test::member(row, "value")));
  }
  test::expect_messages(r.errors);
  test::expect_messages(r.warnings);

  // The already-parsed overloads must agree with the text one: the core's json and a plain
  // nlohmann::json (whose members are sorted by name, so its value is compared as a value).
  // Keys given twice are only seen in text.
  json_parse_result parsed = parse_json(body);
  if (parsed.ok && parsed.warnings.empty()) {
    const validation_result again = validate(endpoint, parsed.value);
    EXPECT_EQ(again.errors, r.errors);
    EXPECT_EQ(again.warnings, r.warnings);
    EXPECT_EQ(again.value, r.value);
    const nlohmann::json plain = parsed.value;
    const validation_result plain_again = validate(endpoint, plain);
    EXPECT_EQ(plain_again.errors, r.errors);
    EXPECT_EQ(plain_again.warnings, r.warnings);
    EXPECT_EQ(nlohmann::json(plain_again.value), nlohmann::json(r.value));
  }

  // Without the value (validateMany's items), the same errors and warnings and no value.
  const validation_result bare = validate(endpoint, body, {.with_value = false});
  EXPECT_EQ(bare.valid, r.valid);
  EXPECT_EQ(bare.errors, r.errors);
  EXPECT_EQ(bare.warnings, r.warnings);
  EXPECT_TRUE(bare.value.is_null());
}

INSTANTIATE_TEST_SUITE_P(Vectors, ValidateVectors, ::testing::ValuesIn(test::vector_rows("validate.json")),
                         test::row_name);

TEST(Validate, VectorFileLoads) { EXPECT_GT(test::vector_rows("validate.json").size(), 50u); }

TEST(Validate, BodyOverOneMebibyteIsALimitError) {
  const std::string body = R"({"type":"organization","invite_method":"direct","email":"user@example.com","first_name":")" +
                           std::string((1 << 20) + 16, 'a') + R"("})";
  const validation_result r = validate("athena.createInvite", body);
  EXPECT_FALSE(r.valid);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, codes::limit);
  EXPECT_EQ(r.errors[0].path, "");
  EXPECT_TRUE(r.value.is_null());
}

TEST(Validate, RawInvalidUtf8IsAJsonError) {
  for (std::string bad : {std::string("\xff"), std::string("\xc3"), std::string("\xed\xa0\x80"),
                          std::string("\xc0\xaf")}) {
    const validation_result r = validate(
        "athena.createInvite",
        R"({"type":"organization","invite_method":"direct","email":"user@example.com","first_name":")" + bad + R"("})");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].code, codes::json);
  }
}

TEST(Validate, ErrorsStopAtTheCap) {
  std::string body = "{";
  for (int i = 0; i < 500; ++i) body += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":0";
  body += "}";
  const validation_result r = validate("athena.createInvite", body);
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.errors.size(), max_errors);
}

TEST(Validate, CrossFieldRulesUseTheirOwnWords) {
  const validation_result r = validate(
      "athena.createInvite", R"({"type":"website","invite_method":"direct","email":"user@example.com"})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "Enter the website ID: it is required when the invite type is 'website'.");

  const validation_result bulk = validate("athena.bulkInvite", R"({"invite_method":"direct","email":"user@example.com"})");
  ASSERT_EQ(bulk.errors.size(), 1u);
  EXPECT_EQ(bulk.errors[0].message,
            "Give exactly one list of targets: website IDs or group IDs, not both and not neither.");
}

TEST(Validate, UnknownEndpointListsTheKnownOnes) {
  const validation_result r = validate("athena.createInvites", "{}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, codes::endpoint);
  for (const endpoint_info& e : endpoints()) EXPECT_NE(r.errors[0].message.find(e.id), std::string::npos) << e.id;
}

// The echo was cut at 80 bytes, inside the 'é', leaving half a character in the message.
TEST(Validate, UnknownEndpointIdIsCutBetweenCharacters) {
  const std::string id = std::string(79, 'x') + "\xC3\xA9" + std::string(40, 'y');
  const validation_result r = validate(id, "{}");
  ASSERT_EQ(r.errors.size(), 1u);
  const std::string opening = "There is no endpoint '" + std::string(79, 'x') + "\xC3\xA9…'. Known endpoints: ";
  EXPECT_EQ(r.errors[0].message.substr(0, opening.size()), opening);
}

// Found by tests/fuzz/table_reader_fuzz.cpp: an id that is not UTF-8 came back raw in the message.
TEST(Validate, UnknownEndpointIdThatIsNotUtf8IsEchoedAsUtf8) {
  const validation_result r = validate("athe\x92\x89na", "{}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message.substr(0, 36), "There is no endpoint 'athe\xEF\xBF\xBD\xEF\xBF\xBDna'.");
}

// Regression guard for the thread_local document and the once-only compile: concurrent calls
// must give exactly what a lone call gives.
TEST(Validate, ConcurrentCallsAgree) {
  const std::string body = R"({"type":"website","invite_method":"direct","email":"bad","website_id":"x","group_id":"y"})";
  const validation_result expected = validate("athena.createInvite", body);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const validation_result r = validate("athena.createInvite", body);
        mismatches[t] += !(r.errors == expected.errors && r.warnings == expected.warnings && r.value == expected.value);
      }
    });
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// Mutated bodies (bytes flipped, dropped, duplicated; fixed seed, so failures reproduce) must
// never crash and must always answer consistently: valid with no errors, or errors that say
// something; and a valid body's value must itself be valid and unchanged by a second pass.
TEST(Validate, MutatedBodiesNeverCrash) {
  std::mt19937 rng(20261122);
  const std::vector<std::pair<std::string, std::string>> seeds = {
      {"athena.createInvite",
       R"({"type":"website","invite_method":"email","email":"user@example.com","role":"viewer","website_id":"123e4567-e89b-12d3-a456-426614174000","first_name":"John"})"},
      {"athena.bulkInvite",
       R"({"invite_method":"direct","email":"user@example.com","website_ids":["123e4567-e89b-12d3-a456-426614174000","987e6543-e21b-12d3-a456-426614174000"]})"},
      {"usersOrganizations.createInvite",
       R"({"firstName":"John","lastName":"Doe","email":"test@mail.com","permissions":{"group":0,"read":[1,2],"manage":[3]}})"},
  };
  const std::string alphabet = "{}[]\":,0123456789.-eE \\/tfnul\x80\xff" "abc";
  for (int i = 0; i < 1000; ++i) {
    const auto& [endpoint, seed] = seeds[i % seeds.size()];
    std::string body = seed;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !body.empty(); ++e) {
      const std::size_t at = rng() % body.size();
      switch (rng() % 4) {
        case 0: body[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: body.erase(at, 1 + rng() % 8); break;
        case 2: body.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: body.insert(at, body.substr(at, 1 + rng() % 16)); break;
      }
    }
    const validation_result r = validate(endpoint, body);
    ASSERT_EQ(r.valid, r.errors.empty()) << body;
    ASSERT_LE(r.errors.size(), max_errors);
    for (const issue& err : r.errors) ASSERT_FALSE(err.code.empty() || err.message.empty()) << body;
    if (r.valid) {
      const validation_result again = validate(endpoint, r.value);
      ASSERT_TRUE(again.valid) << r.value;
      ASSERT_EQ(again.value, r.value);
    }
  }
}

}  // namespace
}  // namespace invitekit
