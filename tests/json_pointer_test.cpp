// Tests for src/detail/json_pointer.h: building escaped pointers and resolving them (RFC 6901)
// without throwing on a malformed one.
#include "detail/json_pointer.h"

#include <gtest/gtest.h>

#include "json_text.h"

namespace invitekit::detail {
namespace {

TEST(JsonPointer, ResolvesTheRfc6901Examples) {
  const json root = json::parse(R"({
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
    const json* found = resolve_pointer(root, c.pointer);
    EXPECT_EQ(found ? to_json_text(*found) : "", c.json);
  }
  EXPECT_EQ(resolve_pointer(root, ""), &root);
}

TEST(JsonPointer, BuildsEscapedPointers) {
  std::string p;
  append_pointer_token(p, "a/b~c");
  append_pointer_index(p, 12);
  append_pointer_token(p, "");
  EXPECT_EQ(p, "/a~1b~0c/12/");
  const json root = json::parse(R"({"a/b~c":[0,1,2,3,4,5,6,7,8,9,10,11,{"":true}]})");
  const json* found = resolve_pointer(root, p);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, json(true));
}

}  // namespace
}  // namespace invitekit::detail
