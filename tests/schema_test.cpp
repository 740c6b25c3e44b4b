// Tests for src/schema.h beyond the official suite: the exact {path, code, message} of each
// keyword's error, x-messages and x-code, did-you-mean, oneOf/anyOf branch dropping, the error
// cap, defaults, ordinary "__proto__" names, deep recursion and schemas that do not compile.
#include "schema.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace invitekit {
namespace {

// Parses text that must be valid JSON (ours, in the test).
json parsed(std::string_view text) {
  json_parse_result r = parse_json(text);
  EXPECT_TRUE(r.ok) << text << "\n" << r.error.message;
  return std::move(r.value);
}

// A schema and an instance, both parsed from text. The instance is also checked as a plain
// nlohmann::json, which must give the same errors.
struct checked {
  json instance;
  compiled_schema schema;
  issue_list compile_errors;
  bool compiled = false;

  checked(std::string_view schema_text, std::string_view instance_text) : instance(parsed(instance_text)) {
    compiled = schema.compile(parsed(schema_text), &compile_errors);
  }
  schema_result result() const {
    schema_result r = schema.validate(instance);
    EXPECT_EQ(schema.validate(nlohmann::json(instance)).errors, r.errors) << "a plain nlohmann::json disagrees";
    return r;
  }
  bool valid() const { return schema.is_valid(instance); }
};

struct expected_error {
  std::string path;
  std::string code;
  std::string message;  // "" = not checked
};

struct error_case {
  std::string_view name;
  std::string_view schema;
  std::string_view instance;
  std::vector<expected_error> errors;  // exact and in order; empty = valid
};

void expect_case(const error_case& c, std::string_view schema_text) {
  SCOPED_TRACE(std::string(c.name));
  const checked run(schema_text, c.instance);
  ASSERT_TRUE(run.compiled) << run.compile_errors.front().message;
  const schema_result r = run.result();
  EXPECT_EQ(run.valid(), r.errors.empty()) << "is_valid disagrees with validate";
  ASSERT_EQ(r.errors.size(), c.errors.size())
      << (r.errors.empty() ? ""
                           : r.errors.front().path + " " + r.errors.front().code + " " +
                                 r.errors.front().message);
  for (std::size_t i = 0; i < c.errors.size(); ++i) {
    EXPECT_EQ(r.errors[i].path, c.errors[i].path);
    EXPECT_EQ(r.errors[i].code, c.errors[i].code);
    if (!c.errors[i].message.empty()) {
      EXPECT_EQ(r.errors[i].message, c.errors[i].message);
    }
  }
}

// ---- Each keyword: path, code and the generated message ----

TEST(SchemaErrors, EachKeywordHasItsPathCodeAndMessage) {
  const std::string long_text = "\"" + std::string(251, 'a') + "\"";
  const error_case cases[] = {
      {"required names the missing property by its title",
       R"({"type":"object","required":["email"],"properties":{"email":{"title":"email address"}}})",
       "{}",
       {{"/email", "required", "Enter the email address: it is required."}}},
      {"required without a title quotes the name",
       R"({"required":["email"]})",
       "{}",
       {{"/email", "required", "Enter 'email': it is required."}}},
      {"enum lists the allowed values",
       R"({"properties":{"type":{"title":"invite type","enum":["organization","website","group"]}}})",
       R"({"type":"team"})",
       {{"/type", "enum", "Choose one of: organization, website, group."}}},
      {"enum of non-strings lists them as JSON",
       R"({"enum":[1,null,"a"]})",
       "2",
       {{"", "enum", "Choose one of: 1, null, a."}}},
      {"type text",
       R"({"properties":{"type":{"title":"invite type","type":"string"}}})",
       R"({"type":1})",
       {{"/type", "type", "The invite type must be text."}}},
      {"type object, not an array",
       R"({"title":"invite","type":"object"})",
       "[]",
       {{"", "type", "The invite must be a JSON object ({…}), not an array."}}},
      {"type list",
       R"({"type":["string","null"]})",
       "1",
       {{"", "type", "This value must be null or text."}}},
      {"integer accepts 1.0", R"({"type":"integer"})", "1.0", {}},
      {"integer rejects 1.5",
       R"({"title":"count","type":"integer"})",
       "1.5",
       {{"", "type", "The count must be a whole number."}}},
      {"const",
       R"({"const":"website"})",
       R"("group")",
       {{"", "const", "This value must be website."}}},
      {"format email",
       R"({"properties":{"email":{"title":"email address","format":"email"}}})",
       R"({"email":"user@"})",
       {{"/email", "format", "Enter a valid email address, like name@example.com."}}},
      {"format uuid",
       R"({"properties":{"website_id":{"title":"website ID","format":"uuid"}}})",
       R"({"website_id":"123"})",
       {{"/website_id", "format",
         "Enter the website ID as a UUID, like 123e4567-e89b-12d3-a456-426614174000."}}},
      {"format uuid accepts any version",
       R"({"format":"uuid"})",
       R"("123E4567-e89b-02d3-0456-426614174000")",
       {}},
      {"other formats are annotations", R"({"format":"date-time"})", R"("yesterday")", {}},
      {"maxLength counts characters",
       R"({"title":"first name","maxLength":250})",
       long_text,
       {{"", "maxLength", "The first name is too long: at most 250 characters (it has 251)."}}},
      {"minLength counts code points, so one emoji is one",
       R"({"minLength":2})",
       "\"\xF0\x9F\x92\xA9\"",
       {{"", "minLength", "This value is too short: at least 2 characters (it has 1)."}}},
      {"maxLength 1 accepts one emoji", R"({"maxLength":1})", "\"\xF0\x9F\x92\xA9\"", {}},
      {"minItems",
       R"({"title":"website IDs","minItems":1})",
       "[]",
       {{"", "minItems", "List at least 1 item in the website IDs (it has 0)."}}},
      {"maxItems",
       R"({"title":"website IDs","maxItems":2})",
       "[1,2,3]",
       {{"", "maxItems", "List at most 2 items in the website IDs (it has 3)."}}},
      {"uniqueItems points at each later duplicate",
       R"({"uniqueItems":true})",
       "[1,2,1.0,2,3]",
       {{"/2", "uniqueItems", ""}, {"/3", "uniqueItems", ""}}},
      {"uniqueItems past the pairwise limit: hashed, sorted, reported in array order",
       R"({"uniqueItems":true})",
       R"([0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,{"a":[1]},"x",9,{"a":[1.0]},"x",0,1.5])",
       {{"/18", "uniqueItems", ""}, {"/19", "uniqueItems", ""}, {"/20", "uniqueItems", ""},
        {"/21", "uniqueItems", ""}}},
      {"uniqueItems past the pairwise limit without duplicates",
       R"({"uniqueItems":true})",
       R"([0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"16",[17],{"17":17}])",
       {}},
      {"pattern with lookahead",
       R"({"title":"code","pattern":"^(?!x)[a-z]+$"})",
       R"("xyz")",
       {{"", "pattern", "The code does not have the expected form."}}},
      {"pattern on code points", R"({"pattern":"^.$"})", "\"\xC3\xA9\"", {}},
      {"minimum",
       R"({"title":"group","minimum":0})",
       "-1",
       {{"", "minimum", "The group must be at least 0."}}},
      {"exclusiveMaximum",
       R"({"exclusiveMaximum":10})",
       "10",
       {{"", "exclusiveMaximum", "This value must be less than 10."}}},
      {"multipleOf with floats", R"({"multipleOf":0.0001})", "0.0075", {}},
      {"multipleOf rejects",
       R"({"multipleOf":0.0001})",
       "0.00751",
       {{"", "multipleOf", "This value must be a multiple of 0.0001."}}},
      {"multipleOf overflow is no multiple, not a crash",
       R"({"multipleOf":0.123456789})",
       "1e308",
       {{"", "multipleOf", ""}}},
      {"minProperties",
       R"({"minProperties":2})",
       R"({"a":1})",
       {{"", "minProperties", "Give at least 2 fields in this object (it has 1)."}}},
      {"dependencies points at the missing property",
       R"({"dependencies":{"a":["b"]}})",
       R"({"a":1})",
       {{"/b", "dependencies", "Enter 'b': it is required when 'a' is given."}}},
      {"propertyNames points at the name",
       R"({"propertyNames":{"maxLength":3}})",
       R"({"long":1})",
       {{"/long", "propertyNames", ""}}},
      {"contains", R"({"contains":{"const":1}})", "[2]", {{"", "contains", ""}}},
      {"additionalItems false points at the extra element",
       R"({"items":[{}],"additionalItems":false})",
       "[1,2]",
       {{"/1", "additionalItems", ""}}},
      {"false schema", R"({"properties":{"p":false}})", R"({"p":1})", {{"/p", "false", ""}}},
      {"not", R"({"not":{"type":"string"}})", R"("a")", {{"", "not", ""}}},
      {"pointer tokens are escaped",
       R"({"properties":{"a/b~c":{"type":"string"}}})",
       R"({"a/b~c":1})",
       {{"/a~1b~0c", "type", ""}}},
  };
  for (const error_case& c : cases) expect_case(c, c.schema);
}

// ---- additionalProperties and did-you-mean ----

TEST(SchemaErrors, AdditionalPropertiesNamesThePropertyAndSuggestsACloseOne) {
  const std::string schema =
      R"({"title":"invite","type":"object","additionalProperties":false,"properties":{
          "email":{},"first_name":{},"role":{}}})";
  const error_case cases[] = {
      {"transposed letters",
       "",
       R"({"emial":"a@b.co"})",
       {{"/emial", "additionalProperties",
         "Remove 'emial': it is not a field of this invite. Did you mean 'email'?"}}},
      {"another spelling of the same name",
       "",
       R"({"firstName":"J"})",
       {{"/firstName", "additionalProperties",
         "Remove 'firstName': it is not a field of this invite. Did you mean 'first_name'?"}}},
      {"nothing close",
       "",
       R"({"website":1})",
       {{"/website", "additionalProperties",
         "Remove 'website': it is not a field of this invite."}}},
      {"every extra property is reported",
       "",
       R"({"a":1,"role":"x","b":2})",
       {{"/a", "additionalProperties", ""}, {"/b", "additionalProperties", ""}}},
  };
  for (const error_case& c : cases) expect_case(c, schema);
}

// ---- x-messages and x-code ----

TEST(SchemaErrors, XMessagesAndXCodeReplaceTheirKeywordsWords) {
  const error_case cases[] = {
      {"x-code and x-messages on a warning schema",
       R"({"properties":{"ids":{"uniqueItems":true,"x-code":"duplicate",
           "x-messages":{"uniqueItems":"This ID is listed twice."}}}})",
       R"({"ids":["a","b","a"]})",
       {{"/ids/2", "duplicate", "This ID is listed twice."}}},
      {"x-messages for one keyword leaves the others generated",
       R"({"title":"email address","maxLength":3,"pattern":"^a","x-messages":{"pattern":"Start with a."}})",
       R"("bbbb")",
       {{"", "maxLength", "The email address is too long: at most 3 characters (it has 4)."},
        {"", "pattern", "Start with a."}}},
      {"then's own keyword and words, never 'must match then'",
       R"({"properties":{"type":{"enum":["website","group"]}},
           "if":{"properties":{"type":{"const":"website"}},"required":["type"]},
           "then":{"required":["website_id"],"x-messages":{"required":"Enter the website ID: it is required when the invite type is 'website'."}}})",
       R"({"type":"website"})",
       {{"/website_id", "required",
         "Enter the website ID: it is required when the invite type is 'website'."}}},
      {"else branch",
       R"({"if":{"type":"string"},"else":{"minimum":5}})",
       "1",
       {{"", "minimum", ""}}},
      {"not with x-code",
       R"({"properties":{"website_id":{"not":{},"x-code":"ignored"}}})",
       R"({"website_id":"x"})",
       {{"/website_id", "ignored", ""}}},
  };
  for (const error_case& c : cases) expect_case(c, c.schema);
}

// ---- oneOf / anyOf ----

TEST(SchemaErrors, OneOfAndAnyOfReportTheBranchThatApplies) {
  const std::string tagged =
      R"({"oneOf":[
          {"properties":{"kind":{"const":"a"},"a":{"title":"A count","type":"integer"}},"required":["kind"]},
          {"properties":{"kind":{"const":"b"},"b":{"type":"string"}},"required":["kind","b"]}]})";
  const std::string bulk =
      R"({"oneOf":[{"required":["website_ids"]},{"required":["group_ids"]}],
          "x-messages":{"oneOf":"Give exactly one list of targets."}})";
  const error_case cases[] = {
      {"the branch whose discriminator matches",
       tagged,
       R"({"kind":"a","a":"x"})",
       {{"/a", "type", "The A count must be a whole number."}}},
      {"the other branch", tagged, R"({"kind":"b"})", {{"/b", "required", ""}}},
      {"no branch applies: one error",
       tagged,
       R"({"kind":"c"})",
       {{"", "oneOf", "This value does not match any of the allowed forms."}}},
      {"neither list", bulk, "{}", {{"", "oneOf", "Give exactly one list of targets."}}},
      {"both lists",
       bulk,
       R"({"website_ids":[],"group_ids":[]})",
       {{"", "oneOf", "Give exactly one list of targets."}}},
      {"one list", bulk, R"({"website_ids":[]})", {}},
      {"several valid without x-messages",
       R"({"oneOf":[{},{}]})",
       "1",
       {{"", "oneOf",
         "This value matches more than one of the allowed forms; it must match exactly one."}}},
      {"anyOf drops the branch of another type",
       R"({"anyOf":[{"type":"string"},{"type":"object","required":["x"]}]})",
       "[]",
       {{"", "anyOf", ""}}},
      {"anyOf reports the object branch for an object",
       R"({"anyOf":[{"type":"string"},{"type":"object","properties":{"x":{"minimum":3}}}]})",
       R"({"x":1})",
       {{"/x", "minimum", ""}}},
  };
  for (const error_case& c : cases) expect_case(c, c.schema);
}

// ---- Edge cases peers get wrong ----

TEST(SchemaErrors, ProtoIsAnOrdinaryPropertyName) {
  const std::string schema =
      R"({"type":"object","required":["__proto__"],"additionalProperties":false,
          "properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}}})";
  const error_case cases[] = {
      {"missing", "", "{}", {{"/__proto__", "required", ""}}},
      {"wrong type", "", R"({"__proto__":1})", {{"/__proto__", "type", ""}}},
      {"valid", "", R"({"__proto__":"x","constructor":"y"})", {}},
      {"toString is not declared",
       "",
       R"({"__proto__":"x","toString":"y"})",
       {{"/toString", "additionalProperties", ""}}},
  };
  for (const error_case& c : cases) expect_case(c, schema);
}

TEST(SchemaErrors, RefIgnoresItsSiblingsAsDraft07Says) {
  expect_case(
      {"maxItems beside $ref", "", "[1,2,3]", {}},
      R"({"definitions":{"list":{"type":"array"}},"$ref":"#/definitions/list","maxItems":1})");
}

TEST(SchemaErrors, StopsAtOneHundredErrors) {
  std::string many = "[";
  for (int i = 0; i < 150; ++i) many += i ? ",1" : "1";
  many += "]";
  const checked run(R"({"items":{"type":"string"}})", many);
  const schema_result r = run.result();
  ASSERT_EQ(r.errors.size(), max_errors);
  EXPECT_EQ(r.errors.back().path, "/99");
}

TEST(SchemaErrors, DeepRecursiveRefDoesNotOverflowTheStack) {
  const std::string schema =
      R"({"type":"object","properties":{"child":{"$ref":"#"},"leaf":{"type":"integer"}},"additionalProperties":false})";
  std::string deep, path;
  for (int i = 0; i < 62; ++i) {
    deep += R"({"child":)";
    path += "/child";
  }
  std::string closing(62, '}');
  const checked good(schema, deep + R"({"leaf":1})" + closing);
  EXPECT_TRUE(good.valid());
  EXPECT_TRUE(good.result().errors.empty());
  const checked bad(schema, deep + R"({"leaf":"x"})" + closing);
  EXPECT_FALSE(bad.valid());
  ASSERT_EQ(bad.result().errors.size(), 1u);
  EXPECT_EQ(bad.result().errors.front().path, path + "/leaf");
}

TEST(SchemaErrors, ASchemaThatLoopsWithoutDescendingFailsCleanly) {
  const checked run(R"({"allOf":[{"$ref":"#"}]})", "1");
  ASSERT_TRUE(run.compiled);
  EXPECT_FALSE(run.valid());
  ASSERT_FALSE(run.result().errors.empty());
  EXPECT_EQ(run.result().errors.front().code, "schema");
}

// Each branch ran into the loop in turn: 2^512 walks, a hang, before the walk gave up at once.
TEST(SchemaErrors, ALoopReachedThroughTwoBranchesFailsAtOnce) {
  for (std::string_view keyword : {"anyOf", "oneOf", "allOf"}) {
    SCOPED_TRACE(keyword);
    const checked run(R"({")" + std::string(keyword) + R"(":[{"$ref":"#"},{"$ref":"#"}]})", "1");
    ASSERT_TRUE(run.compiled);
    EXPECT_FALSE(run.valid());
    const schema_result r = run.result();
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors.front().code, "schema");
    EXPECT_EQ(r.errors.front().message, "The schema behind this check refers to itself without end.");
  }
}

// A loop that descends ends with the value, but two branches back to the root double the work
// at every level: 2^64 walks for an array 64 deep, until the walk's budget runs out.
TEST(SchemaErrors, BranchesThatEachLeadBackToTheRootGiveUpOnADeepValue) {
  const std::string deep = std::string(64, '[') + "1" + std::string(64, ']');
  const checked run(R"({"type":"array","anyOf":[{"items":{"$ref":"#"}},{"items":{"$ref":"#"}}]})", deep);
  ASSERT_TRUE(run.compiled);
  EXPECT_FALSE(run.valid());
  const schema_result r = run.result();
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors.front().code, "schema");
  EXPECT_EQ(r.errors.front().message, "The schema is too complex to check this value against.");
}

// ---- Defaults ----

TEST(SchemaDefaults, FillsMissingPropertiesOfObjectsThatValidate) {
  const std::string schema =
      R"({"type":"object","properties":{"role":{"default":"viewer"},"email":{"type":"string"},
          "options":{"type":"object","properties":{"notify":{"default":true}}}}})";
  const checked run(schema, R"({"email":"a@b.co","options":{}})");
  const schema_result r = run.result();
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.defaults.size(), 2u);
  EXPECT_EQ(r.defaults[0].object_path, "/options");
  EXPECT_EQ(r.defaults[0].property, "notify");
  EXPECT_EQ(r.defaults[0].value, json(true));
  EXPECT_EQ(r.defaults[1].object_path, "");
  EXPECT_EQ(r.defaults[1].property, "role");
  EXPECT_EQ(r.defaults[1].value, json("viewer"));
  EXPECT_EQ(to_json_text(with_defaults(run.instance, r.defaults)),
            R"({"email":"a@b.co","options":{"notify":true},"role":"viewer"})");

  const checked present(schema, R"({"role":"admin"})");
  EXPECT_TRUE(present.result().defaults.empty());
  const checked invalid(schema, R"({"email":1})");
  EXPECT_TRUE(invalid.result().defaults.empty());
}

// Members keep their order; numbers are written as nlohmann writes them (2.50 as 2.5).
TEST(SchemaDefaults, WithoutDefaultsTheTextIsTheCompactInstance) {
  const checked run(R"({})", R"({ "b" : [1, 2.50, {"b":null}], "a": 0 })");
  EXPECT_EQ(to_json_text(with_defaults(run.instance, {})), R"({"b":[1,2.5,{"b":null}],"a":0})");
}

// ---- Compiling ----

TEST(SchemaCompile, ReportsWhatItCannotUse) {
  const std::string_view broken[] = {
      R"({"$ref":"#/definitions/missing"})",
      R"({"$ref":"http://example.com/remote.json"})",
      R"({"pattern":"(unclosed"})",
      R"({"type":"text"})",
      R"({"maxLength":-1})",
      R"({"multipleOf":0})",
      R"({"properties":{"a":3}})",
  };
  for (std::string_view schema : broken) {
    SCOPED_TRACE(std::string(schema));
    const checked run(schema, "1");
    EXPECT_FALSE(run.compiled);
    ASSERT_FALSE(run.compile_errors.empty());
    EXPECT_EQ(run.compile_errors.front().code, "schema");
    EXPECT_FALSE(run.valid());
    ASSERT_EQ(run.result().errors.size(), 1u);
    EXPECT_EQ(run.result().errors.front().code, "schema");
  }
}

TEST(SchemaCompile, TheCompiledSchemaOutlivesItsDocument) {
  compiled_schema schema;
  {
    const json doc = parsed(R"({"enum":["a","b"],"properties":{"x":{"default":"y"}}})");
    ASSERT_TRUE(schema.compile(doc));
  }
  const schema_result r = schema.validate(parsed(R"({})"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors.front().message, "Choose one of: a, b.");
  compiled_schema moved = std::move(schema);
  EXPECT_TRUE(moved.is_valid(parsed(R"("b")")));
}

}  // namespace
}  // namespace invitekit

namespace invitekit {
namespace {

// Regression: PCRE2's default 32 KiB JIT stack made "(a|b)*" fail on a few thousand
// characters, so a long valid value was reported as not matching its pattern.
TEST(SchemaPattern, MatchesLongTextWithBacktrackingGroups) {
  const std::string text = "\"" + std::string(100000, 'a') + "\"";
  const checked c(R"({"pattern":"^(a|b)*$"})", text);
  EXPECT_TRUE(c.valid());
  EXPECT_TRUE(c.result().errors.empty());
}

// ECMAScript, not Perl: "$" is the very end (not before a final newline), "." stops at CR.
TEST(SchemaPattern, KeepsEcmaScriptAnchorsAndDot) {
  EXPECT_FALSE(checked(R"({"pattern":"^a$"})", R"("a\n")").valid());
  EXPECT_FALSE(checked(R"({"pattern":"^.$"})", R"("\r")").valid());
  EXPECT_TRUE(checked(R"({"pattern":"^[^]$"})", R"("\n")").valid());
  EXPECT_TRUE(checked(R"({"pattern":"^\\u00e9$"})", "\"\xC3\xA9\"").valid());
}

}  // namespace
}  // namespace invitekit
