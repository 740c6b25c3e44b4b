// Tests for src/catalog.h: the three documented endpoints, read from src/endpoints/*.json.
#include "catalog.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "detail/embedded_endpoints.h"
#include "json_text.h"

namespace invitekit {
namespace {

TEST(Catalog, ListsTheThreeEndpointsSortedById) {
  std::vector<std::string> ids;
  for (const endpoint_info& e : endpoints()) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"athena.bulkInvite", "athena.createInvite",
                                           "usersOrganizations.createInvite"}));
}

TEST(Catalog, FillsEveryFieldFromTheDescription) {
  const endpoint_info* e = find_endpoint("athena.createInvite");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->family, "athena");
  EXPECT_EQ(e->title, "Invite a user");
  EXPECT_EQ(e->method, "POST");
  EXPECT_EQ(e->path, "/api/v1/invites");
  EXPECT_EQ(e->default_base_url, "https://api.athenahq.ai");
  ASSERT_EQ(e->credentials.size(), 1u);
  EXPECT_EQ(e->credentials[0].name, "apiKey");
  EXPECT_EQ(e->credentials[0].label, "API key");
  EXPECT_EQ(e->credentials[0].header, "x-api-key");
  EXPECT_EQ(e->credentials[0].format, "{value}");

  const endpoint_info* u = find_endpoint("usersOrganizations.createInvite");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->family, "usersOrganizations");
  ASSERT_EQ(u->credentials.size(), 2u);
  EXPECT_EQ(u->credentials[0].header, "Authorization");
  EXPECT_EQ(u->credentials[0].format, "Bearer {value}");
  EXPECT_EQ(u->credentials[1].name, "sessionToken");
  EXPECT_EQ(u->credentials[1].header, "x-session-token");

  for (const endpoint_info& info : endpoints()) {
    SCOPED_TRACE(info.id);
    EXPECT_FALSE(info.title.empty());
    EXPECT_FALSE(info.method.empty());
    EXPECT_EQ(info.path.rfind('/', 0), 0u);
    EXPECT_EQ(info.default_base_url.rfind("https://", 0), 0u);
    EXPECT_FALSE(info.credentials.empty());
    // The whole description stays available to the validator and the page, parsed and as text.
    EXPECT_TRUE(info.description.is_object());
    EXPECT_TRUE(info.description.contains("schema"));
    EXPECT_EQ(parse_json(info.description_json).value, info.description);
  }
}

TEST(Catalog, FindsOnlyKnownIds) {
  EXPECT_EQ(find_endpoint("athena.bulkInvite"), &endpoints()[0]);
  EXPECT_EQ(find_endpoint("athena.unknown"), nullptr);
  EXPECT_EQ(find_endpoint(""), nullptr);
  EXPECT_EQ(find_endpoint("athena.createinvite"), nullptr);  // ids are case-sensitive
  EXPECT_EQ(find_endpoint("zzz"), nullptr);
}

// Every embedded file parses and is named after its id, so none can drop out of the catalog.
TEST(Catalog, EveryDescriptionParsesAndIsNamedAfterItsId) {
  const auto& files = detail::embedded_endpoints();
  EXPECT_EQ(files.size(), endpoints().size());
  for (const detail::embedded_file& file : files) {
    SCOPED_TRACE(file.name);
    const json_parse_result parsed = parse_json(file.text);
    ASSERT_TRUE(parsed.ok) << parsed.error.message;
    EXPECT_TRUE(parsed.warnings.empty()) << parsed.warnings.front().message;
    EXPECT_EQ(parsed.value.value("id", "") + ".json", file.name);
  }
}

}  // namespace
}  // namespace invitekit
