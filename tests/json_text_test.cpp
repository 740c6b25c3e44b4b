// Tests for src/json_text.h: what parse_json accepts and rejects (with code, path, line,
// column and the admin's words), its limits, keys given twice, values built in C++, and writing.
#include "json_text.h"

#include <string>
#include <string_view>
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace invitekit {
namespace {

// Parses text that must be valid, failing the test with the message otherwise.
json parse_ok(std::string_view text) {
  json_parse_result r = parse_json(text);
  EXPECT_TRUE(r.ok) << text << "\n" << r.error.message;
  return std::move(r.value);
}

// ---- Valid texts: each parses, and is written back compactly ----

TEST(JsonParse, AcceptsValidTextsAndWritesThemCompactly) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"null", "null"},
      {"true", "true"},
      {"  42  ", "42"},
      {"-12.5e-3", "-0.0125"},  // numbers are nlohmann's: written in their shortest form
      {"1.0E+2", "100.0"},
      {"18446744073709551615", "18446744073709551615"},
      {"[]", "[]"},
      {"{}", "{}"},
      {" [ 1 , [ ] , { } ] ", "[1,[],{}]"},
      {"{\n  \"b\" : 1,\r\n\t\"a\": [true, null]\n}", R"({"b":1,"a":[true,null]})"},  // in written order
      {R"("\"\\\/\b\f\n\r\t")", R"("\"\\/\b\f\n\r\t")"},
      {R"("\u00e9\u20AC\ud83d\ude00")", "\"é€😀\""},
      {R"("a\u0000b")", R"("a\u0000b")"},
      {R"({"__proto__":{"x":1},"constructor":2})", R"({"__proto__":{"x":1},"constructor":2})"},
  };
  for (const auto& [text, compact] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(to_json_text(parse_ok(text)), compact);
  }
}

// ---- Keys given twice: the last value wins, in the first key's place, and a warning says so ----

TEST(JsonParse, KeyGivenTwiceKeepsTheLastValueAndWarns) {
  const json_parse_result r = parse_json(R"({"a":1,"b":{"c":1,"c":[2]},"a":3})");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(to_json_text(r.value), R"({"a":3,"b":{"c":[2]}})");
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].path, "/b/c");
  EXPECT_EQ(r.warnings[0].code, "duplicate");
  EXPECT_EQ(r.warnings[1].path, "/a");
  EXPECT_EQ(r.warnings[1].message, "'a' is given twice; only its last value is used.");
}

// Objects past a few members find repeated keys through a hash index: the same answers, and a
// body of many distinct keys reads in linear time.
TEST(JsonParse, ManyKeysAreIndexed) {
  std::string text = "{";
  for (int i = 0; i < 40000; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"k17\":\"again\",\"k39999\":0}";
  const json_parse_result r = parse_json(text);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.value.size(), 40000u);
  EXPECT_EQ(r.value["k17"], json("again"));
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].path, "/k17");
  EXPECT_EQ(r.warnings[1].path, "/k39999");
}

// ---- Invalid texts: code, path, line and column exactly; a phrase of the message ----

struct error_case {
  std::string_view name;
  std::string_view text;
  std::string_view code;
  std::string_view path;
  std::size_t line;
  std::size_t column;
  std::string_view phrase;
};

TEST(JsonParse, RejectsInvalidTextsWithPositionAndPath) {
  using namespace std::string_view_literals;
  const error_case cases[] = {
      {"empty", "", "json", "", 1, 1, "the text is empty"},
      {"only whitespace", " \n ", "json", "", 2, 2, "the text is empty"},
      {"byte order mark", "\xEF\xBB\xBF{}", "json", "", 1, 1, "byte order mark"},
      {"trailing comma in object", R"({"a":1,})", "json", "/a", 1, 8, "remove the last comma"},
      {"trailing comma in array", "[1,2,]", "json", "/2", 1, 6, "remove the last comma"},
      {"missing colon", R"({"a" 1})", "json", "/a", 1, 6, "':' is missing"},
      {"missing comma in object", "{\n  \"a\": 1\n  \"b\": 2}", "json", "/a", 3, 3,
       "a ',' or '}' is missing after the value"},
      {"missing comma in array", "[1 2]", "json", "/0", 1, 4, "a ',' or ']' is missing"},
      {"single-quoted key", "{'a':1}", "json", "", 1, 2, "not single quotes"},
      {"single-quoted value", "{\"a\":'x'}", "json", "/a", 1, 6, "not single quotes"},
      {"unquoted key", "{a:1}", "json", "", 1, 2, "found 'a'"},
      {"unquoted word", "[hello]", "json", "/0", 1, 2, "found 'hello'"},
      {"misspelt literal", R"({"k":[1,{"z":tru}]})", "json", "/k/1/z", 1, 14, "found 'tru'"},
      {"capitalized literal", "True", "json", "", 1, 1, "found 'True'"},
      {"leading zero", "[01]", "json", "/0", 1, 2, "leading zeros"},
      {"minus alone", "-", "json", "", 1, 2, "digit after '-'"},
      {"dot without digits", "1.", "json", "", 1, 3, "after the decimal point"},
      {"leading dot", ".5", "json", "", 1, 1, "found '.'"},
      {"plus sign", "+1", "json", "", 1, 1, "found '+'"},
      {"empty exponent", "1e+", "json", "", 1, 4, "in the exponent"},
      {"hex number", "0x10", "json", "", 1, 2, "more text after the end"},
      {"NaN", "NaN", "json", "", 1, 1, "found 'NaN'"},
      {"two values", "1 2", "json", "", 1, 3, "more text after the end of the value"},
      {"unclosed string", "[\"abc", "json", "/0", 1, 2, "its closing '\"' is missing"},
      {"unclosed after escape", "\"abc\\", "json", "", 1, 1, "its closing '\"' is missing"},
      {"line break in string", "\"a\nb\"", "json", "", 1, 3, "must be written as \\n"},
      {"tab in string", "\"a\tb\"", "json", "", 1, 3, "must be written as \\t"},
      {"control character in string", "\"a\x01\"", "json", "", 1, 3, "U+0001"},
      {"NUL in string", "\"a\0\""sv, "json", "", 1, 3, "U+0000"},
      {"NUL outside a string", "[1,\0]"sv, "json", "/1", 1, 4, "U+0000"},
      {"bad escape", R"("\x")", "json", "", 1, 2, "'\\x' is not a valid escape"},
      {"short unicode escape", R"("\u12")", "json", "", 1, 2, "four hexadecimal digits"},
      {"unclosed object", R"({"a":)", "json", "/a", 1, 6, "ends before the object is closed"},
      {"unclosed array", "[", "json", "/0", 1, 2, "ends before the array is closed"},
      {"unclosed nested", R"({"a":[1,{"b":2})", "json", "/a/1", 1, 16, "ends before the array"},
      {"close mismatch", "[1}", "json", "/0", 1, 3, "found '}'"},
      {"comment", "{} // no", "json", "", 1, 4, "found '/'"},
      {"escaped key in path", R"({"a~b/c":[0,[)", "json", "/a~0b~1c/1/0", 1, 14, "ends before"},
      {"column counts code points", "[\"é😀\", x]", "json", "/1", 1, 8, "found 'x'"},
      {"CRLF counts one line", "[\r\n1,\r\n?]", "json", "/1", 3, 1, "found '?'"},
      {"lone CR is a line break", "[\r?]", "json", "/0", 2, 1, "found '?'"},
      {"number beyond the double range", "[1, 1e400]", "json", "/1", 1, 5, "the number 1e400 is too large"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json_parse_result r = parse_json(c.text);
    ASSERT_FALSE(r.ok);
    const json_parse_error& e = r.error;
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.path, c.path);
    EXPECT_EQ(e.line, c.line);
    EXPECT_EQ(e.column, c.column);
    EXPECT_NE(e.message.find(c.phrase), std::string::npos) << e.message;
    EXPECT_TRUE(r.value.is_null());
  }
}

// The whole number was quoted: a body of a megabyte of digits got a megabyte of message.
TEST(JsonParse, AGiantNumberIsNamedByItsFirstDigits) {
  const json_parse_result r = parse_json("[1" + std::string(400, '0') + "]");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.message,
            "The invite is not valid JSON: the number 10000000000000000000… is too large for a JSON number "
            "at line 1, column 2.");
}

TEST(JsonParse, MessageIsASentenceForAnAdmin) {
  const json_parse_result r = parse_json("{\n  \"email\": \"a@b.c\"\n    \"role\": \"viewer\"\n}");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.message,
            "The invite is not valid JSON: a ',' or '}' is missing after the value (found '\"') "
            "at line 3, column 5.");
  json_limits response;
  response.subject = "The response";
  const json_parse_result html = parse_json("<html>", response);
  EXPECT_EQ(html.error.message.rfind("The response is not valid JSON: ", 0), 0u) << html.error.message;
}

// ---- UTF-8 and surrogates ----

struct text_case {
  std::string_view name;
  std::string_view text;
  bool valid;
};

TEST(JsonParse, ValidatesUtf8) {
  const text_case cases[] = {
      {"two bytes", "\"\xC3\xA9\"", true},
      {"three bytes", "\"\xE2\x82\xAC\"", true},
      {"four bytes", "\"\xF0\x9F\x98\x80\"", true},
      {"highest code point", "\"\xF4\x8F\xBF\xBF\"", true},
      {"in a key", "{\"\xC3\xA9\":1}", true},
      {"lone continuation byte", "\"\x80\"", false},
      {"overlong two bytes", "\"\xC0\xAF\"", false},
      {"overlong C1", "\"\xC1\xBF\"", false},
      {"overlong three bytes", "\"\xE0\x80\xAF\"", false},
      {"overlong four bytes", "\"\xF0\x80\x80\xAF\"", false},
      {"encoded surrogate", "\"\xED\xA0\x80\"", false},
      {"above U+10FFFF", "\"\xF4\x90\x80\x80\"", false},
      {"F5 lead byte", "\"\xF5\x80\x80\x80\"", false},
      {"FF byte", "\"\xFF\"", false},
      {"truncated sequence", "\"\xE2\x82\"", false},
      {"truncated at end of text", "\"\xE2", false},
      {"invalid after escape", "\"\\n\xFF\"", false},
      {"invalid in a key", "{\"\xFF\":1}", false},
      {"invalid outside a string", "[\xFF]", false},
      {"valid but outside a string", "[\xC3\xA9]", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json_parse_result r = parse_json(c.text);
    EXPECT_EQ(r.ok, c.valid) << r.error.message;
    if (!c.valid) {
      EXPECT_EQ(r.error.code, "json");
    }
  }
  const json_parse_result r = parse_json("[\"ok\", \"\xFF\"]");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.path, "/1");
  EXPECT_EQ(r.error.column, 9u);
  EXPECT_NE(r.error.message.find("not valid UTF-8 (byte 0xFF)"), std::string::npos);
}

TEST(JsonParse, AcceptsOnlyPairedSurrogateEscapes) {
  const text_case cases[] = {
      {"pair", R"("\ud83d\ude00")", true},
      {"pair, upper case", R"("\uD83D\uDE00")", true},
      {"lone high", R"("\ud800")", false},
      {"lone high before text", R"("\ud800abcdef")", false},
      {"lone low", R"("\udc00")", false},
      {"high then high", R"("\ud800\ud800")", false},
      {"high then other escape", R"("\ud800\n")", false},
      {"low then high", R"("\udc00\ud800")", false},
      {"high at end of text", R"("\ud800)", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json_parse_result r = parse_json(c.text);
    EXPECT_EQ(r.ok, c.valid);
    if (!c.valid) {
      EXPECT_EQ(r.error.code, "json");
    }
  }
  const json_parse_result lone = parse_json(R"({"name":"x\ud800"})");
  ASSERT_FALSE(lone.ok);
  EXPECT_EQ(lone.error.path, "/name");
  EXPECT_EQ(lone.error.column, 11u);
  EXPECT_NE(lone.error.message.find("'\\ud800' is half of a UTF-16 surrogate pair"), std::string::npos);
  const json_parse_result pair = parse_json(R"("\ud83d\ude00")");
  ASSERT_TRUE(pair.ok);
  EXPECT_EQ(pair.value, json("😀"));
}

// ---- Limits ----

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonLimits, NestingUpToMaxDepthIsAccepted) {
  EXPECT_TRUE(parse_json(nested_arrays(64)).ok);
  std::string objects;
  for (int i = 0; i < 64; ++i) objects += "{\"a\":";
  objects += "1" + std::string(64, '}');
  EXPECT_TRUE(parse_json(objects).ok);
}

TEST(JsonLimits, NestingBeyondMaxDepthIsALimitErrorWithItsPath) {
  json_parse_result r = parse_json(nested_arrays(65));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "limit");
  std::string path;
  for (int i = 0; i < 64; ++i) path += "/0";
  EXPECT_EQ(r.error.path, path);
  EXPECT_EQ(r.error.line, 1u);
  EXPECT_EQ(r.error.column, 65u);
  EXPECT_NE(r.error.message.find("more than 64 levels"), std::string::npos);

  std::string objects;
  for (int i = 0; i < 65; ++i) objects += "{\"a\":";
  r = parse_json(objects + "1" + std::string(65, '}'));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "limit");
  EXPECT_EQ(r.error.path.size(), 64 * 2u);

  // Deep enough to overflow a recursive parser's stack: still just an error.
  r = parse_json(std::string(500000, '['));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "limit");
}

TEST(JsonLimits, MaxDepthIsConfigurable) {
  json_limits limits;
  limits.max_depth = 2;
  EXPECT_TRUE(parse_json("[[1]]", limits).ok);
  const json_parse_result r = parse_json("[[[1]]]", limits);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.path, "/0/0");
  limits.max_depth = 0;
  EXPECT_TRUE(parse_json("\"scalars have no depth\"", limits).ok);
  EXPECT_FALSE(parse_json("[]", limits).ok);
}

TEST(JsonLimits, TextOverMaxBytesIsALimitError) {
  std::string padded = "\"" + std::string((1 << 20) - 2, 'x') + "\"";
  ASSERT_EQ(padded.size(), 1u << 20);
  const json_parse_result fits = parse_json(padded);
  ASSERT_TRUE(fits.ok);
  EXPECT_EQ(fits.value.get_ref<const std::string&>().size(), (1u << 20) - 2);
  padded.insert(1, "x");
  json_parse_result r = parse_json(padded);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "limit");
  EXPECT_EQ(r.error.path, "");
  EXPECT_EQ(r.error.message, "The invite is too large: 1048577 bytes, and the limit is 1 MiB.");

  json_limits small;
  small.max_bytes = 10;
  EXPECT_TRUE(parse_json("[1,2,3,45]", small).ok);
  r = parse_json("[1,2,3,456]", small);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.message, "The invite is too large: 11 bytes, and the limit is 10 bytes.");
}

// ---- Values built in C++: the same limits, checked ----

TEST(JsonValueCheck, FindsWhatTextCouldNotHold) {
  EXPECT_FALSE(check_json_value(json::parse(R"({"a":[1,"x",{"b":null}]})")));
  nlohmann::json deep = 1;
  for (int i = 0; i < 65; ++i) deep = nlohmann::json::array({deep});
  const auto too_deep = check_json_value(deep);
  ASSERT_TRUE(too_deep);
  EXPECT_EQ(too_deep->code, "limit");

  const std::pair<json, std::string_view> cases[] = {
      {json{{"name", "a\xff"}}, "/name"},
      {json{{"list", {1, std::numeric_limits<double>::infinity()}}}, "/list/1"},
      {json{{"n", std::nan("")}}, "/n"},
      {json{{"bytes", json::binary({1, 2})}}, "/bytes"},
      {json{{"k\xc3", 1}}, ""},
  };
  for (const auto& [value, path] : cases) {
    SCOPED_TRACE(std::string(path));
    const auto problem = check_json_value(value);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->code, "json");
    EXPECT_EQ(problem->path, path);
    EXPECT_FALSE(problem->message.empty());
  }
}

TEST(JsonWrite, WritesTextThatIsNotUtf8WithoutThrowing) {
  EXPECT_EQ(to_json_text(json("a\xff")), "\"a\xEF\xBF\xBD\"");
  EXPECT_EQ(to_json_text(json{{"k", "\x01"}}), R"({"k":"\u0001"})");
}

}  // namespace
}  // namespace invitekit
