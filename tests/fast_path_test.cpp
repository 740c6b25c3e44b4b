// invitekit tests: the generated fast path (src/detail/fast_path.h) decides exactly as the
// schema interpreter does. Every body of the shared vectors, and thousands of mutations of
// them (a member dropped, doubled or given another value, a member added), are validated both
// ways and must give the same result: valid, errors, warnings and value, text for text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detail/fast_path.h"
#include "detail/validate_with.h"
#include "json.h"
#include "schema.h"
#include "validate.h"
#include "vector_table.h"

namespace invitekit {
namespace detail {
// Generated from tests/fast_path_schemas/*.json (tests/CMakeLists.txt).
const fast_endpoint* find_synthetic_fast_endpoint(std::string_view id);
}  // namespace detail

namespace {

std::string describe(const validation_result& r) {
  std::string out = r.valid ? "valid" : "invalid";
  for (const auto* list : {&r.errors, &r.warnings}) {
    out += list == &r.errors ? "\nerrors:" : "\nwarnings:";
    for (const issue& i : *list) out += "\n  " + i.path + " [" + i.code + "] " + i.message;
  }
  return out + "\nvalue: " + r.value;
}

// Values a mutated member takes: every type, the endpoints' enum words, good and bad emails
// and ids, lists with and without duplicates, permissions objects, a name over 250 characters.
std::vector<std::string> replacement_values() {
  const std::string id_a = "\"123e4567-e89b-12d3-a456-426614174000\"";
  const std::string id_b = "\"987e6543-e21b-12d3-a456-426614174000\"";
  std::vector<std::string> values = {
      "null", "true", "0", "-1", "1.5", "2.0", "1e400", "\"\"", "\"x\"", "\"viewer\"", "\"admin\"",
      "\"owner\"", "\"website\"", "\"group\"", "\"organization\"", "\"direct\"", "\"email\"",
      "\"user@example.com\"", "\".bad..dots@example.com\"", "\"user@@example.com\"",
      "\"user@example.c\"", id_a, "\"123e4567-e89b-12d3-a456-42661417400Z\"", "[]",
      "[" + id_a + "]", "[" + id_a + "," + id_a + "]", "[" + id_a + "," + id_b + "," + id_a + "]",
      "[" + id_a + ",\"nope\"]", "[1,1]", "[0,2]", "[-1]", "[1.5]", "{}", "{\"group\":0}",
      "{\"group\":0,\"read\":[1,1],\"manage\":[2,3,2]}", "{\"group\":1.5}", "{\"group\":0,\"x\":1}",
      "{\"read\":[1]}", "\"" + std::string(251, 'a') + "\"", "\"Jos\xC3\xA9\"", "-0", "01", "1234567890123456",
      "123456789012345", "[1,2,1,3,2]", "[0,0.0]", "{\"group\":0,\"read\":[1,2,1],\"manage\":[]}",
      "{\"group\":0,\"group\":1}", "[\"a\",\"b\"]"};
  std::string many = "[";  // 51 distinct ids: one past maxItems
  for (int i = 0; i < 51; ++i) {
    std::string id = "\"00000000-0000-0000-0000-0000000000" + std::string(i < 10 ? "0" : "") +
                     std::to_string(i) + "\"";
    many += (i ? "," : "") + id;
  }
  values.push_back(many + "]");
  return values;
}

// The body's JSON text with its members replaced by `members` ({key, value JSON} pairs).
std::string object_text(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out = "{";
  for (const auto& [key, value] : members) {
    if (out.size() > 1) out += ',';
    append_json_string(out, key);
    out += ':';
    out += value;
  }
  return out + "}";
}

// The same JSON written other ways, and near-JSON: the scanner reads text, so whitespace,
// escapes, number spellings, non-ASCII and broken text must all be judged as the parser does.
std::vector<std::string> spellings(const std::string& compact) {
  std::vector<std::string> out;
  std::string spaced;  // whitespace around every token
  bool in_string = false;
  for (char c : compact) {
    if (!in_string && (c == ',' || c == ':' || c == '{' || c == '[' || c == '}' || c == ']')) {
      spaced += std::string(" \n") + c + "\t\r ";
    } else {
      spaced += c;
    }
    if (c == '"') in_string = !in_string;
  }
  out.push_back(spaced);
  out.push_back("\xEF\xBB\xBF" + compact);  // a byte-order mark
  out.push_back(compact + " x");               // text after the value
  out.push_back(compact.substr(0, compact.size() - 1));  // cut short
  out.push_back("[" + compact + "]");
  for (const char* from : {"\"user", "\"John", "\"Doe", "\"viewer", "\"123e4567", "0", "1"}) {
    const std::size_t at = compact.find(from);
    if (at == std::string::npos) continue;
    const std::size_t inside = at + (from[0] == '"' ? 1 : 0);
    for (const char* insert : {"\\u0041", "\\n", "\\\"", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                               "\xC3", "\xED\xA0\x80", "\xFF", "\x01", ".0", "e0", "0", "-"}) {
      out.push_back(compact.substr(0, inside) + insert + compact.substr(inside));
    }
  }
  return out;
}

std::vector<std::string> mutations(const json_value& body) {
  std::vector<std::string> out = {to_json(body)};
  for (const std::string& s : spellings(out[0])) out.push_back(s);
  if (!body.is_object()) return out;
  std::vector<std::pair<std::string, std::string>> members;
  for (const json_member m : body.members()) members.emplace_back(std::string(m.key), to_json(m.value));
  const std::vector<std::string> values = replacement_values();
  for (std::size_t i = 0; i < members.size(); ++i) {
    auto without = members;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(object_text(without));
    auto doubled = members;
    doubled.push_back({members[i].first, "\"x\""});
    out.push_back(object_text(doubled));
    for (const std::string& v : values) {
      auto changed = members;
      changed[i].second = v;
      out.push_back(object_text(changed));
    }
  }
  auto extra = members;
  extra.push_back({"emial", "\"x\""});
  out.push_back(object_text(extra));
  for (const char* key : {"website_ids", "group_ids", "website_id", "group_id", "permissions"}) {
    for (const std::string& v : values) {
      auto added = members;
      added.push_back({key, v});
      out.push_back(object_text(added));
    }
  }
  return out;
}

struct counts {
  int cases = 0, decided = 0, valid = 0, warned = 0, rejected = 0;
};

TEST(FastPath, DecidesAsTheInterpreterOnEveryVectorAndMutation) {
  counts seen;
  int failures = 0;
  for (const char* file : {"validate.json", "build_request.json"}) {
    for (const json_value row : test::vector_rows(file)) {
      const std::string endpoint(row.find("endpoint").as_string());
      std::vector<std::string> texts;
      if (row.find("bodyText").is_string()) texts.emplace_back(row.find("bodyText").as_string());
      if (row.find("body").exists()) texts = mutations(row.find("body"));
      for (const std::string& text : texts) {
        ++seen.cases;
        const validation_result fast = validate(endpoint, text);
        const validation_result slow = validate(endpoint, text, {.fast_path = false});
        if (describe(fast) != describe(slow) && ++failures <= 20) {
          ADD_FAILURE() << endpoint << " " << text << "\nfast path:\n"
                        << describe(fast) << "\ninterpreter:\n" << describe(slow);
        }
        detail::fast_verdict verdict;
        if (detail::fast_validate(endpoint, text, verdict)) {
          ++seen.decided;
          seen.valid += verdict.valid && verdict.warning_count == 0;
          seen.warned += verdict.warning_count > 0;
          seen.rejected += !verdict.valid;
        }
      }
    }
  }
  EXPECT_EQ(failures, 0);
  // The comparison means something only if the fast path decided a good share of the cases,
  // of every kind it can decide.
  // (Most mutations break a body in a way only the interpreter explains.)
  RecordProperty("cases", seen.cases);
  RecordProperty("decided", seen.decided);
  EXPECT_GT(seen.cases, 20000);
  EXPECT_GT(seen.decided, 1000) << seen.decided << " of " << seen.cases;
  EXPECT_GT(seen.valid, 500) << seen.valid;
  EXPECT_GT(seen.warned, 100) << seen.warned;
  EXPECT_GT(seen.rejected, 50) << seen.rejected;
}

// The generator on made-up schemas (tests/fast_path_schemas/), which use what the endpoints do
// not yet: numbers and their limits, const, minLength, patterns, nested objects with their own
// if/then/else, anyOf, not, other formats, defaults, warnings in else branches and nested
// objects. Each sample and its mutations must be decided as validate_with() decides them, and
// a schema the generator cannot mirror must get no fast path at all.
TEST(FastPath, MadeUpSchemasDecideAsTheInterpreter) {
  const std::filesystem::path dir = std::filesystem::path(INVITEKIT_TESTS_DIR) / "fast_path_schemas";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json_document description;
    ASSERT_TRUE(description.parse(text.str())) << entry.path();
    const std::string id(description.root().find("id").as_string());
    compiled_schema body, warnings;
    ASSERT_TRUE(body.compile(description.root().find("schema"), nullptr)) << id;
    const bool has_warnings = description.root().find("warningSchema").exists();
    if (has_warnings) ASSERT_TRUE(warnings.compile(description.root().find("warningSchema"), nullptr)) << id;

    const detail::fast_endpoint* fast = detail::find_synthetic_fast_endpoint(id);
    if (id == "synthetic.unsupported") {
      EXPECT_EQ(fast, nullptr) << "a numeric const in a condition must leave the endpoint to the interpreter";
      continue;
    }
    ASSERT_NE(fast, nullptr) << id << ": the generated file says why it has no fast path";
    counts seen;
    int failures = 0;
    for (const json_value sample : description.root().find("samples").items()) {
      for (const std::string& body_text : mutations(sample)) {
        ++seen.cases;
        detail::fast_verdict verdict;
        const bool decided = detail::fast_decide(*fast, body_text, verdict);
        json_document doc;
        if (!doc.parse(body_text)) {
          EXPECT_FALSE(decided) << id << " decided text the parser rejects: " << body_text;
          continue;
        }
        if (!decided) continue;
        ++seen.decided;
        seen.valid += verdict.valid && verdict.warning_count == 0;
        seen.warned += verdict.warning_count > 0;
        seen.rejected += !verdict.valid;
        const validation_result expected =
            detail::validate_with(body, has_warnings ? &warnings : nullptr, doc.root(), {});
        const validation_result actual = detail::fast_result(*fast, verdict, body_text, {});
        if (describe(actual) != describe(expected) && ++failures <= 10) {
          ADD_FAILURE() << id << " " << body_text << "\nfast path:\n"
                        << describe(actual) << "\ninterpreter:\n" << describe(expected);
        }
      }
    }
    RecordProperty(id + ".cases", seen.cases);
    RecordProperty(id + ".decided", seen.decided);
    EXPECT_EQ(failures, 0) << id;
    // Enough decisions of each kind for the comparison to mean something.
    EXPECT_GT(seen.decided, 30) << id << ": " << seen.decided << " of " << seen.cases;
    EXPECT_GT(seen.valid, 5) << id << ": " << seen.valid;
    EXPECT_GT(seen.warned, 5) << id << ": " << seen.warned;
    if (id == "synthetic.oneOf") EXPECT_GT(seen.rejected, 5) << id << ": " << seen.rejected;
  }
  EXPECT_EQ(files, 3);
}

TEST(FastPath, EveryEndpointHasOne) {
  for (const char* id : {"athena.createInvite", "athena.bulkInvite", "usersOrganizations.createInvite"}) {
    EXPECT_NE(detail::find_fast_endpoint(id), nullptr) << id;
  }
  EXPECT_EQ(detail::find_fast_endpoint("nope"), nullptr);
}

TEST(FastPath, IsUnsureAboutWhatOnlyTheInterpreterCanExplain) {
  detail::fast_verdict verdict;
  // A missing required field: the message is composed from the schema, not fixed.
  EXPECT_EQ(detail::fast_validate("athena.createInvite",
                                  R"({"type":"website","invite_method":"email","email":"user@example.com"})", verdict),
            nullptr);
  // Text the scanner does not read: an escape, a fraction, a repeated key.
  EXPECT_EQ(detail::fast_validate("athena.createInvite",
                                  R"({"type":"organization","invite_method":"email","email":"user\u0040example.com"})", verdict),
            nullptr);
  EXPECT_EQ(detail::fast_validate("usersOrganizations.createInvite",
                                  R"({"firstName":"a","lastName":"b","email":"a@example.com","permissions":{"group":1.0}})", verdict),
            nullptr);
  EXPECT_EQ(detail::fast_validate("athena.createInvite",
                                  R"({"type":"organization","type":"organization","invite_method":"email","email":"a@example.com"})", verdict),
            nullptr);
  // The docs' bulk example sends both lists: one fixed oneOf error, decided.
  const detail::fast_endpoint* bulk = detail::fast_validate("athena.bulkInvite",
      R"({"invite_method":"direct","email":"user@example.com","website_ids":["123e4567-e89b-12d3-a456-426614174000"],"group_ids":["456e7890-e89b-12d3-a456-426614174000"]})",
      verdict);
  ASSERT_NE(bulk, nullptr);
  EXPECT_FALSE(verdict.valid);
  ASSERT_EQ(verdict.error_count, 1u);
  EXPECT_EQ(detail::fast_issue_text(*bulk, verdict.errors[0]).code, "oneOf");
  // Neither list: the interpreter says which one to add.
  EXPECT_EQ(detail::fast_validate("athena.bulkInvite", R"({"invite_method":"direct","email":"user@example.com"})", verdict),
            nullptr);
}

TEST(FastPath, DuplicateIdsAreWarningsAtTheirIndex) {
  detail::fast_verdict verdict;
  const detail::fast_endpoint* bulk = detail::fast_validate("athena.bulkInvite",
      R"({"invite_method":"email","email":"user@example.com","website_ids":["123e4567-e89b-12d3-a456-426614174000","987e6543-e21b-12d3-a456-426614174000","123e4567-e89b-12d3-a456-426614174000"]})",
      verdict);
  ASSERT_NE(bulk, nullptr);
  EXPECT_TRUE(verdict.valid);
  EXPECT_EQ(verdict.defaults, 1u);  // role: "viewer"
  ASSERT_EQ(verdict.warning_count, 1u);
  const issue w = detail::fast_issue_text(*bulk, verdict.warnings[0]);
  EXPECT_EQ(w.path, "/website_ids/2");
  EXPECT_EQ(w.code, "duplicate");
}

TEST(FastPath, HidesWarningsAsValidateDoes) {
  EXPECT_TRUE(detail::hides_warning("/website_ids", "/website_ids/2"));
  EXPECT_TRUE(detail::hides_warning("/website_ids/2", "/website_ids"));
  EXPECT_TRUE(detail::hides_warning("/a", "/a"));
  EXPECT_FALSE(detail::hides_warning("", "/website_ids/2"));  // the whole body's errors
  EXPECT_TRUE(detail::hides_warning("", ""));
  EXPECT_FALSE(detail::hides_warning("/ab", "/a"));
  EXPECT_FALSE(detail::hides_warning("/a", "/ab"));
}

}  // namespace
}  // namespace invitekit
