// invitekit tests: read_table() — every row of tests/vectors/read_table.json, then what a table
// of vectors cannot hold: bytes that are not UTF-8, the size limit, a 10,000-row table, the
// words of each error.
#include "table.h"

#include <gtest/gtest.h>

#include <string>

#include "vector_table.h"

namespace invitekit {
namespace {

class ReadTableVectors : public ::testing::TestWithParam<json> {};

TEST_P(ReadTableVectors, Row) {
  const json& row = GetParam();
  const table t = read_table(test::text(row, "text"));
  EXPECT_EQ(test::actual_issues(t.errors), test::expected_issues(test::member(row, "errors")));
  test::expect_messages(t.errors);
  if (!test::has(row, "header")) return;
  EXPECT_EQ(std::string(1, t.separator), test::text(row, "separator"));
  EXPECT_EQ(json(t.header), test::member(row, "header"));
  const json& rows = test::member(row, "rows");
  ASSERT_EQ(t.rows.size(), rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    EXPECT_EQ(t.rows[i].line, rows[i]["line"].get<std::size_t>()) << "row " << i;
    EXPECT_EQ(json(t.rows[i].cells), rows[i]["cells"]) << "row " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, ReadTableVectors, ::testing::ValuesIn(test::vector_rows("read_table.json")),
                         test::row_name);

TEST(ReadTable, VectorFileLoads) { EXPECT_GT(test::vector_rows("read_table.json").size(), 20u); }

TEST(ReadTable, ErrorsNameTheLineInPlainWords) {
  EXPECT_EQ(read_table("a,b\n1,2,3\n").errors.at(0).message,
            "Row 2 has 3 cells, but the header has 2: a separator is missing or extra, so its cells would land in "
            "the wrong columns.");
  EXPECT_EQ(read_table("a,b\n1,2\n3,\"4\n5,6\n").errors.at(0).message,
            "Line 3: a cell opens with a quote (\") that is never closed, so the rest of the text cannot be split into "
            "cells. Add the closing quote.");
  EXPECT_EQ(read_table("a,b\n1,2\n3,caf\xE9\n").errors.at(0).message,
            "Line 3 is not UTF-8 text (byte 0xE9). Save the file as \"CSV UTF-8\" and try again.");
  EXPECT_EQ(read_table("a\n\"x\"y\n").errors.at(0).message,
            "Row 2: there is text right after the closing quote of a cell. Inside a quoted cell, write a quote as "
            "two quotes (\"\").");
}

TEST(ReadTable, TextThatIsNotUtf8StopsTheReading) {
  for (const std::string bad : {std::string("\xFF"), std::string("\xC3"), std::string("\xED\xA0\x80")}) {
    const table t = read_table("email\na@x.co\nb" + bad + "@x.co\n");
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].path, "");
    EXPECT_TRUE(t.rows.empty());
  }
}

TEST(ReadTable, TextOverTheLimitIsAnError) {
  const table t = read_table(std::string(max_table_bytes + 1, 'a'));
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_NE(t.errors[0].message.find("too large"), std::string::npos);
}

TEST(ReadTable, ReadsTenThousandRows) {
  std::string text = "Email,First name,Last name,Role\r\n";
  for (int i = 0; i < 10000; ++i)
    text += "person" + std::to_string(i) + "@example.com,\"First " + std::to_string(i) + "\",Last,viewer\r\n";
  const table t = read_table(text);
  EXPECT_TRUE(t.errors.empty());
  ASSERT_EQ(t.rows.size(), 10000u);
  EXPECT_EQ(t.rows.back().line, 10001u);
  EXPECT_EQ(t.rows.back().cells[1], "First 9999");
}

TEST(TableLine, QuotesWhatNeedsItAndReadsBack) {
  const std::vector<std::string> cells = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""};
  const std::string line = table_line(cells);
  EXPECT_EQ(line, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n");
  const table back = read_table("a,b,c,d,e,f\r\n" + line);
  ASSERT_TRUE(back.errors.empty());
  ASSERT_EQ(back.rows.size(), 1u);
  EXPECT_EQ(back.rows[0].cells, cells);
  EXPECT_EQ(table_line({"a;b", "c,d"}, ';'), "\"a;b\";\"c,d\"\r\n");
  // A header written with ',' reads back with ',' even when its cells hold semicolons.
  const table header = read_table(table_line({"Email", "A;B;C"}) + "a@x.co,x\r\n");
  EXPECT_EQ(header.separator, ',');
  EXPECT_EQ(header.header, (std::vector<std::string>{"Email", "A;B;C"}));
}

TEST(TableLine, ALoneEmptyCellIsNotABlankLine) {
  EXPECT_EQ(table_line({""}), "\"\"\r\n");
  const table back = read_table("Note\r\n" + table_line({""}) + table_line({"x"}));
  ASSERT_TRUE(back.errors.empty());
  ASSERT_EQ(back.rows.size(), 2u);
  EXPECT_EQ(back.rows[0].cells, std::vector<std::string>{""});
}

TEST(TableLine, ALeadingByteOrderMarkIsQuotedSoTheFirstLineKeepsIt) {
  const std::vector<std::string> header = {"\xEF\xBB\xBF" "Email"};
  EXPECT_EQ(table_line(header), "\"\xEF\xBB\xBF" "Email\"\r\n");
  EXPECT_EQ(read_table(table_line(header)).header, header);
}

TEST(ReadTable, ErrorsStopAtTheCap) {
  std::string text = "a,b\n";
  for (int i = 0; i < 500; ++i) text += "1,2,3\n";
  EXPECT_EQ(read_table(text).errors.size(), max_errors);
}

}  // namespace
}  // namespace invitekit
