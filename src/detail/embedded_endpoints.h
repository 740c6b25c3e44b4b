// invitekit detail: the endpoint description files, embedded at build time (see
// cmake/embed_endpoints.cmake). catalog.cpp is the only reader; everything else asks the catalog.
#pragma once

#include <string_view>
#include <vector>

namespace invitekit::detail {

struct embedded_file {
  std::string_view name;  // "athena.createInvite.json"
  std::string_view text;
};

const std::vector<embedded_file>& embedded_endpoints();

}  // namespace invitekit::detail
