// invitekit tests: read_invite_table() — every row of tests/vectors/invite_table.json, then the
// words of its warnings and a large table.
#include "invite_table.h"

#include <gtest/gtest.h>

#include <string>

#include "vector_table.h"

namespace invitekit {
namespace {

table_options options_of(const json& row) {
  table_options o;
  const json& given = test::member(row, "options");
  for (const json& c : test::member(given, "columns")) o.columns.push_back(c.get<std::string>());
  const json& constants = test::member(given, "constants");
  if (constants.is_object())
    for (auto it = constants.begin(); it != constants.end(); ++it) o.constants[it.key()] = it.value().get<std::string>();
  return o;
}

class InviteTableVectors : public ::testing::TestWithParam<json> {};

TEST_P(InviteTableVectors, Row) {
  const json& row = GetParam();
  const invite_table t = read_invite_table(test::text(row, "endpoint"), test::text(row, "text"), options_of(row));
  EXPECT_EQ(test::actual_issues(t.errors), test::expected_issues(test::member(row, "errors")));
  EXPECT_EQ(test::actual_issues(t.warnings), test::expected_issues(test::member(row, "warnings")));
  test::expect_messages(t.warnings);
  json fields = json::array();
  for (const column_match& c : t.columns) fields.push_back(c.field);
  EXPECT_EQ(fields, test::member(row, "columns"));
  const json& rows = test::member(row, "rows");
  ASSERT_EQ(t.rows.size(), rows.size());
  std::size_t valid = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    const json& want = rows[i];
    EXPECT_EQ(t.rows[i].line, want["line"].get<std::size_t>());
    EXPECT_EQ(t.rows[i].valid, want["valid"].get<bool>());
    if (test::has(want, "body")) EXPECT_EQ(to_json_text(t.rows[i].body), to_json_text(want["body"]));
    EXPECT_EQ(test::actual_issues(t.rows[i].errors), test::expected_issues(want["errors"]));
    EXPECT_EQ(test::actual_issues(t.rows[i].warnings), test::expected_issues(want["warnings"]));
    test::expect_messages(t.rows[i].errors);
    valid += t.rows[i].valid;
  }
  EXPECT_EQ(t.valid_count, valid);
}

INSTANTIATE_TEST_SUITE_P(Vectors, InviteTableVectors, ::testing::ValuesIn(test::vector_rows("invite_table.json")),
                         test::row_name);

TEST(InviteTable, VectorFileLoads) { EXPECT_GT(test::vector_rows("invite_table.json").size(), 10u); }

TEST(InviteTable, WarningsSayWhatToDo) {
  const invite_table t = read_invite_table("athena.createInvite", "Email,Phone\nann@example.com,1\nANN@example.com,2\n");
  ASSERT_EQ(t.warnings.size(), 3u);
  EXPECT_EQ(t.warnings[0].message, "The column 'Phone' matches no field of this invite, so it is left out.");
  EXPECT_EQ(t.warnings[1].message,
            "No column gives 'Invite to', which every invite needs: add a column for it, or give one value for every "
            "row.");
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.rows[0].warnings.size(), 1u);
  EXPECT_EQ(t.rows[0].warnings[0].message, "This email address is also on row 3: the person would be invited twice.");
}

TEST(InviteTable, MatchesHeadersBlindToCaseSpacesAndPunctuation) {
  for (const char* header : {"Email", "E-mail", "e mail", "EMAIL ADDRESS", "email"})
    EXPECT_EQ(match_column("athena.createInvite", header), "/email") << header;
  EXPECT_EQ(match_column("athena.createInvite", "First Name"), "/first_name");
  EXPECT_EQ(match_column("athena.createInvite", "first_name"), "/first_name");
  EXPECT_EQ(match_column("athena.createInvite", "Website ID"), "/website_id");
  EXPECT_EQ(match_column("usersOrganizations.createInvite", "first_name"), "/firstName");
  EXPECT_EQ(match_column("athena.createInvite", "Phone"), "");
  EXPECT_EQ(match_column("athena.createInvite", ""), "");
}

TEST(InviteTable, ValidatesTenThousandRows) {
  std::string text = "Email,Invite to,How\n";
  for (int i = 0; i < 10000; ++i) text += "person" + std::to_string(i) + "@example.com,organization,email\n";
  text += "person7@example.com,organization,email\n";
  const invite_table t = read_invite_table("athena.createInvite", text);
  ASSERT_EQ(t.rows.size(), 10001u);
  EXPECT_EQ(t.valid_count, 10001u);
  EXPECT_EQ(t.rows[7].warnings.size(), 1u);
  EXPECT_EQ(t.rows[10000].warnings.size(), 1u);
  EXPECT_TRUE(t.rows[8].warnings.empty());
}

}  // namespace
}  // namespace invitekit
