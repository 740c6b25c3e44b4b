// Tests for src/json.h: what the parser accepts and rejects (with code, path, line, column),
// the limits, numbers, equality, serialization and JSON Pointers.
#include "json.h"

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace invitekit {
namespace {

// Parses text that must be valid, failing the test with the parser's message otherwise.
json_value parse_ok(json_document& doc, std::string_view text) {
  EXPECT_TRUE(doc.parse(text)) << text << "\n" << doc.error().message;
  return doc.root();
}

// ---- Valid texts: each parses, and serializes back to the expected compact form ----

struct round_trip_case {
  std::string_view text;
  std::string_view compact;
};

TEST(JsonParse, AcceptsValidTextsAndWritesThemCompactly) {
  const round_trip_case cases[] = {
      {"null", "null"},
      {"true", "true"},
      {"false", "false"},
      {"0", "0"},
      {"-0", "-0"},
      {"  42  ", "42"},
      {"1.0E+2", "1.0E+2"},  // numbers are kept as written
      {"-12.5e-3", "-12.5e-3"},
      {"123456789012345678901234567890", "123456789012345678901234567890"},
      {"\"\"", "\"\""},
      {"[]", "[]"},
      {"{}", "{}"},
      {" [ 1 , [ ] , { } ] ", "[1,[],{}]"},
      {"{\n  \"a\" : 1,\r\n\t\"b\": [true, null]\n}", R"({"a":1,"b":[true,null]})"},
      {R"({"a":{"b":{"c":[1,{"d":"e"}]}}})", R"({"a":{"b":{"c":[1,{"d":"e"}]}}})"},
      // Escapes are decoded, then written back minimally.
      {R"("\"\\\/\b\f\n\r\t")", R"("\"\\/\b\f\n\r\t")"},
      {R"("\u0001\u001f")", R"("\u0001\u001f")"},
      {R"("\u00e9\u20AC\ud83d\ude00")", "\"é€😀\""},
      {"\"é€😀\"", "\"é€😀\""},
      {R"("a\u0000b")", R"("a\u0000b")"},
      {R"(["a\nb", "plain", "x\"y"])", R"(["a\nb","plain","x\"y"])"},
      // Long strings cross the scanner's 8-byte chunks with escapes and UTF-8 at every offset.
      {R"("0123456789abcdef\n0123456789é0123456789")",
       R"("0123456789abcdef\n0123456789é0123456789")"},
      {R"({"__proto__":{"x":1},"constructor":2})", R"({"__proto__":{"x":1},"constructor":2})"},
      {R"({"a":1,"a":2})", R"({"a":1,"a":2})"},  // duplicates are kept; find() takes the last
  };
  json_document doc;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(to_json(parse_ok(doc, c.text)), c.compact);
  }
}

// The string scanner reads 8 or 16 bytes at a time: a byte it must stop at has to be seen at
// every offset within a chunk, and the bytes around it kept.
TEST(JsonParse, SeesSpecialBytesAtEveryOffsetOfAStringChunk) {
  struct special_case {
    std::string_view written;  // inside the JSON string
    std::string_view decoded;  // as read back, or "" when the text is invalid
  };
  const special_case cases[] = {
      {"\\\"", "\""}, {"\\\\", "\\"},   {"\\n", "\n"}, {"\\u00e9", "é"}, {"é", "é"},
      {"😀", "😀"},     {"\x7f", "\x7f"}, {"\x01", ""},  {"\xff", ""},     {"\n", ""},
  };
  json_document doc;
  for (const auto& c : cases) {
    for (std::size_t offset = 0; offset < 40; ++offset) {
      std::string before(offset, 'a'), after(40 - offset, 'b');
      std::string text = "\"" + before + std::string(c.written) + after + "\"";
      SCOPED_TRACE(text);
      ASSERT_EQ(doc.parse(text), !c.decoded.empty()) << doc.error().message;
      if (c.decoded.empty()) {
        EXPECT_EQ(doc.error().column, offset + 2);
      } else {
        EXPECT_EQ(doc.root().as_string(), before + std::string(c.decoded) + after);
      }
    }
  }
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
  };
  json_document doc;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_FALSE(doc.parse(c.text));
    const json_parse_error& e = doc.error();
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.path, c.path);
    EXPECT_EQ(e.line, c.line);
    EXPECT_EQ(e.column, c.column);
    EXPECT_NE(e.message.find(c.phrase), std::string::npos) << e.message;
    EXPECT_FALSE(doc.root().exists());
  }
}

TEST(JsonParse, MessageIsASentenceForAnAdmin) {
  json_document doc;
  ASSERT_FALSE(doc.parse("{\n  \"email\": \"a@b.c\"\n    \"role\": \"viewer\"\n}"));
  EXPECT_EQ(doc.error().message,
            "The invite is not valid JSON: a ',' or '}' is missing after the value (found '\"') "
            "at line 3, column 5.");
  json_limits response;
  response.subject = "The response";
  ASSERT_FALSE(doc.parse("<html>", response));
  EXPECT_EQ(doc.error().message.rfind("The response is not valid JSON: ", 0), 0u)
      << doc.error().message;
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
  json_document doc;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(doc.parse(c.text), c.valid) << doc.error().message;
    if (!c.valid) {
      EXPECT_EQ(doc.error().code, "json");
    }
  }
  ASSERT_FALSE(doc.parse("[\"ok\", \"\xFF\"]"));
  EXPECT_EQ(doc.error().path, "/1");
  EXPECT_EQ(doc.error().column, 9u);
  EXPECT_NE(doc.error().message.find("not valid UTF-8 (byte 0xFF)"), std::string::npos);
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
  json_document doc;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(doc.parse(c.text), c.valid);
    if (!c.valid) {
      EXPECT_EQ(doc.error().code, "json");
    }
  }
  ASSERT_FALSE(doc.parse(R"({"name":"x\ud800"})"));
  EXPECT_EQ(doc.error().path, "/name");
  EXPECT_EQ(doc.error().column, 11u);
  EXPECT_NE(doc.error().message.find("'\\ud800' is half of a UTF-16 surrogate pair"),
            std::string::npos);
  ASSERT_TRUE(doc.parse(R"("\ud83d\ude00")"));
  EXPECT_EQ(doc.root().as_string(), "😀");
}

// ---- Limits ----

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(JsonLimits, NestingUpToMaxDepthIsAccepted) {
  json_document doc;
  EXPECT_TRUE(doc.parse(nested_arrays(64)));
  std::string objects;
  for (int i = 0; i < 64; ++i) objects += "{\"a\":";
  objects += "1" + std::string(64, '}');
  EXPECT_TRUE(doc.parse(objects));
}

TEST(JsonLimits, NestingBeyondMaxDepthIsALimitErrorWithItsPath) {
  json_document doc;
  ASSERT_FALSE(doc.parse(nested_arrays(65)));
  EXPECT_EQ(doc.error().code, "limit");
  std::string path;
  for (int i = 0; i < 64; ++i) path += "/0";
  EXPECT_EQ(doc.error().path, path);
  EXPECT_EQ(doc.error().line, 1u);
  EXPECT_EQ(doc.error().column, 65u);
  EXPECT_NE(doc.error().message.find("more than 64 levels"), std::string::npos);

  std::string objects;
  for (int i = 0; i < 65; ++i) objects += "{\"a\":";
  ASSERT_FALSE(doc.parse(objects + "1" + std::string(65, '}')));
  EXPECT_EQ(doc.error().code, "limit");
  EXPECT_EQ(doc.error().path.size(), 64 * 2u);

  // Deep enough to overflow a recursive parser's stack: still just an error.
  ASSERT_FALSE(doc.parse(std::string(500000, '[')));
  EXPECT_EQ(doc.error().code, "limit");
}

TEST(JsonLimits, MaxDepthIsConfigurable) {
  json_document doc;
  json_limits limits;
  limits.max_depth = 2;
  EXPECT_TRUE(doc.parse("[[1]]", limits));
  EXPECT_FALSE(doc.parse("[[[1]]]", limits));
  EXPECT_EQ(doc.error().path, "/0/0");
  limits.max_depth = 0;
  EXPECT_TRUE(doc.parse("\"scalars have no depth\"", limits));
  EXPECT_FALSE(doc.parse("[]", limits));
}

TEST(JsonLimits, TextOverMaxBytesIsALimitError) {
  json_document doc;
  std::string padded = "\"" + std::string((1 << 20) - 2, 'x') + "\"";
  ASSERT_EQ(padded.size(), 1u << 20);
  EXPECT_TRUE(doc.parse(padded));
  EXPECT_EQ(doc.root().as_string().size(), (1u << 20) - 2);
  padded.insert(1, "x");
  ASSERT_FALSE(doc.parse(padded));
  EXPECT_EQ(doc.error().code, "limit");
  EXPECT_EQ(doc.error().path, "");
  EXPECT_EQ(doc.error().message, "The invite is too large: 1048577 bytes, and the limit is 1 MiB.");

  json_limits small;
  small.max_bytes = 10;
  EXPECT_TRUE(doc.parse("[1,2,3,45]", small));
  ASSERT_FALSE(doc.parse("[1,2,3,456]", small));
  EXPECT_EQ(doc.error().message, "The invite is too large: 11 bytes, and the limit is 10 bytes.");
}

// ---- Reading values ----

TEST(JsonValue, ReadsScalarsAndReturnsDefaultsForOtherTypes) {
  json_document doc;
  json_value root = parse_ok(doc, R"({"s":"text","n":-2.5,"t":true,"f":false,"z":null})");
  EXPECT_EQ(root.find("s").as_string(), "text");
  EXPECT_EQ(root.find("n").as_number(), -2.5);
  EXPECT_EQ(root.find("n").number_text(), "-2.5");
  EXPECT_TRUE(root.find("t").as_bool());
  EXPECT_TRUE(root.find("f").is_bool());
  EXPECT_FALSE(root.find("f").as_bool());
  EXPECT_TRUE(root.find("z").is_null());
  EXPECT_EQ(root.find("z").type(), json_type::null);
  // The wrong accessor gives an empty answer, never garbage.
  EXPECT_EQ(root.find("n").as_string(), "");
  EXPECT_EQ(root.find("s").as_number(), 0);
  EXPECT_EQ(root.find("s").number_text(), "");
  EXPECT_FALSE(root.find("s").as_bool());
  EXPECT_EQ(root.find("s").size(), 0u);
  EXPECT_EQ(root.find("s").items().begin(), root.find("s").items().end());
  // A missing value answers every question with "no".
  json_value missing = root.find("nope");
  EXPECT_FALSE(missing.exists());
  EXPECT_FALSE(missing.is_null());
  EXPECT_FALSE(missing.is_object());
  EXPECT_EQ(missing.size(), 0u);
  EXPECT_FALSE(missing.find("x").exists());
  EXPECT_FALSE(missing.at(0).exists());
  EXPECT_FALSE(missing.at_pointer("").exists());
  EXPECT_EQ(to_json(missing), "");
}

TEST(JsonValue, IteratesInDocumentOrder) {
  json_document doc;
  json_value root = parse_ok(doc, R"({"a":[1,[2,3],{"x":4}],"b":{},"c":"d"})");
  EXPECT_EQ(root.size(), 3u);
  std::string keys;
  for (json_member m : root.members()) keys += m.key;
  EXPECT_EQ(keys, "abc");
  json_value a = root.find("a");
  ASSERT_EQ(a.size(), 3u);
  std::vector<std::string> items;
  for (json_value v : a.items()) items.push_back(to_json(v));
  EXPECT_EQ(items, (std::vector<std::string>{"1", "[2,3]", R"({"x":4})"}));
  EXPECT_EQ(to_json(a.at(2)), R"({"x":4})");
  EXPECT_FALSE(a.at(3).exists());
  EXPECT_EQ(root.find("b").size(), 0u);
  EXPECT_EQ(root.find("b").members().begin(), root.find("b").members().end());
  EXPECT_EQ(root.find("c").as_string(), "d");
}

TEST(JsonValue, FindTakesTheLastDuplicateAndTreatsProtoAsAKey) {
  json_document doc;
  json_value root = parse_ok(doc, R"({"a":1,"__proto__":{"admin":true},"a":2,"b":3})");
  EXPECT_EQ(root.size(), 4u);
  EXPECT_EQ(root.find("a").number_text(), "2");
  EXPECT_TRUE(root.find("__proto__").is_object());
  EXPECT_TRUE(root.find("__proto__").find("admin").as_bool());
  EXPECT_FALSE(root.find("constructor").exists());
  EXPECT_FALSE(root.find("toString").exists());
  // Keys are compared after unescaping.
  root = parse_ok(doc, R"({"caf\u00e9":1,"a\"b":2})");
  EXPECT_TRUE(root.find("café").exists());
  EXPECT_TRUE(root.find("a\"b").exists());
}

TEST(JsonValue, DocumentIsReusableAndMovable) {
  json_document doc;
  parse_ok(doc, R"({"long":")" + std::string(1000, 'x') + R"(","n":[1,2,3]})");
  EXPECT_FALSE(doc.parse("{"));
  json_value root = parse_ok(doc, R"({"k":"v"})");
  EXPECT_EQ(doc.error().code, "");  // a successful parse clears the last error
  EXPECT_EQ(to_json(root), R"({"k":"v"})");

  json_document moved(std::move(doc));
  EXPECT_EQ(to_json(moved.root()), R"({"k":"v"})");
  EXPECT_FALSE(doc.root().exists());  // NOLINT(bugprone-use-after-move): documented as empty
  EXPECT_TRUE(doc.parse("[1]"));
  json_document assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.root().find("k").as_string(), "v");
}

// ---- Numbers ----

struct number_case {
  std::string_view text;
  bool is_integer;
  double value;
};

TEST(JsonNumber, IntegersAreNumbersWithoutAFractionalPart) {
  const number_case cases[] = {
      {"0", true, 0},
      {"-0", true, -0.0},
      {"1", true, 1},
      {"1.0", true, 1},
      {"-1.000", true, -1},
      {"0.0", true, 0},
      {"1e2", true, 100},
      {"1E+2", true, 100},
      {"1.5e1", true, 15},
      {"0.1e1", true, 1},
      {"100e-2", true, 1},
      {"1.5", false, 1.5},
      {"1.25e1", false, 12.5},
      {"1e-2", false, 0.01},
      {"0.5", false, 0.5},
      {"-0.000001", false, -0.000001},
      {"9007199254740993", true, 9007199254740992.0},  // beyond 2^53: rounded, still integer
      {"123456789012345678901234567890", true, 1.2345678901234568e29},
      {"123456789012345678901234567890.5", false, 1.2345678901234568e29},
      {"1e400", true, HUGE_VAL},
      {"-1e400", true, -HUGE_VAL},
      {"1e-400", false, 0},
      {"1e99999999999999999999", true, HUGE_VAL},
      {"1000e306", true, HUGE_VAL},     // past the range by its digits and exponent together
      {"0.001e311", true, 1e308},       // in range although the exponent alone is not
      {"-0.0001e-400", false, 0},
      {"5e-324", false, 5e-324},        // the smallest subnormal, not 0

      {"999999999999999", true, 999999999999999},
      {"-999999999999999", true, -999999999999999},
      {"0.30000000000000004", false, 0.30000000000000004},
  };
  json_document doc;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    json_value v = parse_ok(doc, c.text);
    ASSERT_TRUE(v.is_number());
    EXPECT_EQ(v.is_integer(), c.is_integer);
    EXPECT_EQ(v.as_number(), c.value);
    EXPECT_EQ(v.number_text(), c.text);
  }
  EXPECT_TRUE(std::signbit(parse_ok(doc, "-0").as_number()));
  EXPECT_FALSE(parse_ok(doc, "\"1\"").is_integer());
}

// ---- Equality ----

struct equal_case {
  std::string_view a;
  std::string_view b;
  bool equal;
};

TEST(JsonEqual, ComparesNumbersByValueAndObjectsByMembers) {
  const equal_case cases[] = {
      {"1", "1.0", true},
      {"1", "1e0", true},
      {"100", "1e2", true},
      {"0.001", "1e-3", true},
      {"0.1", "0.10", true},
      {"1.5e1", "15", true},
      {"0", "-0", true},
      {"0", "0.0e5", true},
      {"1", "2", false},
      {"1", "-1", false},
      {"10", "1", false},
      {"0.5", "5", false},
      {"123456789012345678901234567890", "123456789012345678901234567891", false},
      {"1e400", "1e401", false},
      {"\"a\"", "\"a\"", true},
      {"\"a\"", "\"\\u0061\"", true},
      {"\"a\"", "\"A\"", false},
      {"null", "false", false},
      {"true", "true", true},
      {"true", "1", false},
      {"[1,2]", "[1,2]", true},
      {"[1,2]", "[2,1]", false},
      {"[1,2]", "[1,2,3]", false},
      {"[[1],{\"a\":1.0}]", "[[1.0],{\"a\":1}]", true},
      {R"({"a":1,"b":2})", R"({"b":2,"a":1})", true},
      {R"({"a":1})", R"({"a":1,"b":2})", false},
      {R"({"a":1,"b":2})", R"({"a":1})", false},
      {R"({"a":1})", R"({"b":1})", false},
      {R"({"a":1,"a":2})", R"({"a":2})", true},
      {R"({"a":1,"a":2})", R"({"a":1})", false},
      {"{}", "[]", false},
      {R"({"a":{"b":[1,{"c":null}]}})", R"({"a":{"b":[1,{"c":null}]}})", true},
  };
  json_document da, db;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " vs " + std::string(c.b));
    json_value a = parse_ok(da, c.a), b = parse_ok(db, c.b);
    EXPECT_EQ(json_equal(a, b), c.equal);
    EXPECT_EQ(json_equal(b, a), c.equal);
  }
  EXPECT_TRUE(json_equal(json_value(), json_value()));
  EXPECT_FALSE(json_equal(parse_ok(da, "null"), json_value()));
}

// ---- Serialization ----

TEST(JsonWrite, EscapesStringsMinimally) {
  struct string_case {
    std::string_view raw;
    std::string_view json;
  };
  using namespace std::string_view_literals;
  const string_case cases[] = {
      {"plain", "\"plain\""},
      {"quote\" back\\slash", R"("quote\" back\\slash")"},
      {"/", "\"/\""},
      {"\b\f\n\r\t", R"("\b\f\n\r\t")"},
      {"\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\""},
      {"\0"sv, R"("\u0000")"},
      {"é😀", "\"é😀\""},
      {"", "\"\""},
  };
  json_document doc;
  for (const auto& c : cases) {
    std::string out;
    append_json_string(out, c.raw);
    EXPECT_EQ(out, c.json);
    EXPECT_EQ(parse_ok(doc, out).as_string(), c.raw);  // and it reads back
  }
}

TEST(JsonWrite, AppendsToExistingText) {
  json_document doc;
  std::string out = "body=";
  append_json(out, parse_ok(doc, R"( { "a" : [ 1 , 2.50 ] } )").find("a"));
  EXPECT_EQ(out, "body=[1,2.50]");
}

// ---- JSON Pointer ----

TEST(JsonPointer, ResolvesTheRfc6901Examples) {
  json_document doc;
  json_value root = parse_ok(doc, R"({
    "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4,
    "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8, "~1": 9, "nested": {"list": [[10, 11]]}
  })");
  struct pointer_case {
    std::string_view pointer;
    std::string_view json;  // "" when the pointer resolves to nothing
  };
  const pointer_case cases[] = {
      {"/foo", R"(["bar","baz"])"},
      {"/foo/0", R"("bar")"},
      {"/foo/1", R"("baz")"},
      {"/", "0"},
      {"/a~1b", "1"},
      {"/c%d", "2"},
      {"/e^f", "3"},
      {"/g|h", "4"},
      {"/i\\j", "5"},
      {"/k\"l", "6"},
      {"/ ", "7"},
      {"/m~0n", "8"},
      {"/~01", "9"},  // "~01" is "~1", not "/"
      {"/nested/list/0/1", "11"},
      {"/foo/2", ""},
      {"/foo/01", ""},  // no leading zeros in indices
      {"/foo/-", ""},   // "-" is past the end
      {"/foo/+1", ""},
      {"/foo/", ""},
      {"/foo/0/x", ""},
      {"/x~2", ""},  // "~" must be followed by 0 or 1
      {"/m~", ""},
      {"/missing", ""},
      {"foo", ""},  // a pointer starts with "/"
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.pointer);
    EXPECT_EQ(to_json(root.at_pointer(c.pointer)), c.json);
  }
  EXPECT_EQ(to_json(root.at_pointer("")), to_json(root));
  EXPECT_EQ(to_json(root.find("nested").at_pointer("/list/0")), "[10,11]");
}

TEST(JsonPointer, BuildsEscapedPointers) {
  std::string p;
  append_pointer_token(p, "a/b~c");
  append_pointer_index(p, 12);
  append_pointer_token(p, "");
  EXPECT_EQ(p, "/a~1b~0c/12/");
  json_document doc;
  json_value root = parse_ok(doc, R"({"a/b~c":[0,1,2,3,4,5,6,7,8,9,10,11,{"":true}]})");
  EXPECT_TRUE(root.at_pointer(p).as_bool());
}

}  // namespace
}  // namespace invitekit
