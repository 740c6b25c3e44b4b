// invitekit tests: fields.h — an endpoint's fields read from its description, and a draft (what
// a form or a table row holds) turned into a body and back.
#include "fields.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace invitekit {
namespace {

const field_spec* field(const std::vector<field_spec>& fields, std::string_view path) {
  for (const field_spec& f : fields)
    if (f.path == path) return &f;
  return nullptr;
}

TEST(Fields, ReadFromTheDescriptionAndItsSchema) {
  const auto& fields = endpoint_fields("athena.createInvite");
  ASSERT_FALSE(fields.empty());
  EXPECT_EQ(fields.front().path, "/type");  // sorted by order
  const field_spec* role = field(fields, "/role");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->widget, "combo");
  EXPECT_EQ(role->default_value, "viewer");
  ASSERT_EQ(role->choices.size(), 2u);
  EXPECT_EQ(role->choices[0].value, "admin");
  EXPECT_EQ(role->choices[0].label, "Admin");
  EXPECT_TRUE(field(fields, "/email")->required);
  EXPECT_FALSE(field(fields, "/first_name")->required);
  EXPECT_TRUE(field_optional(*field(fields, "/first_name")));
  EXPECT_FALSE(field_optional(*field(fields, "/website_id")));  // shown for websites only
  EXPECT_NE(std::find(field(fields, "/email")->columns.begin(), field(fields, "/email")->columns.end(), "e-mail"),
            field(fields, "/email")->columns.end());
  EXPECT_TRUE(field(endpoint_fields("usersOrganizations.createInvite"), "/permissions/read")->numeric);
  EXPECT_TRUE(endpoint_fields("nope").empty());
}

TEST(Fields, DraftToBodyWritesVisibleFieldsAsTyped) {
  const auto& fields = endpoint_fields("athena.createInvite");
  draft d = default_draft(fields);
  d.values["/type"] = "organization";
  d.values["/website_id"] = "kept but hidden";
  d.values["/email"] = "ann@example.com";
  d.values["/invite_method"] = "email";
  EXPECT_EQ(to_json_text(draft_to_body(fields, d).body),
            R"({"type":"organization","invite_method":"email","email":"ann@example.com","role":"viewer"})");
  d.values["/type"] = "website";
  EXPECT_EQ(draft_to_body(fields, d).body.value("website_id", ""), "kept but hidden");
}

TEST(Fields, NumbersAreNumbersWhenTheTextIsOne) {
  const auto& fields = endpoint_fields("usersOrganizations.createInvite");
  draft d = default_draft(fields);
  d.values["/permissions/group"] = "3";
  d.lists["/permissions/read"] = {"1", "", "x", "2"};
  const draft_body out = draft_to_body(fields, d);
  EXPECT_EQ(to_json_text(out.body), R"({"permissions":{"group":3,"read":[1,"x",2]}})");
  EXPECT_EQ(out.row_of.at("/permissions/read/2"), 3);  // blank rows are skipped, their places kept
  const draft back = draft_from_body(fields, out.body);
  EXPECT_EQ(back.values.at("/permissions/group"), "3");
  EXPECT_EQ(back.lists.at("/permissions/read"), (std::vector<std::string>{"1", "x", "2"}));
}

TEST(Fields, SplitsAPastedList) {
  EXPECT_EQ(split_list("a, b;c\n\td  e\r\n"), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_TRUE(split_list(" ,; ").empty());
}

}  // namespace
}  // namespace invitekit
