// invitekit admin page: the fonts embedded at build time (subsets of Debian's DejaVu faces).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace invitekit::web {

struct embedded_font {
  std::string_view
      name;  // the subset file's name: "DejaVuSans-subset", "DejaVuSans-Bold-subset", …
  const unsigned char* data;
  std::size_t size;
};

const std::vector<embedded_font>& embedded_fonts();

}  // namespace invitekit::web
