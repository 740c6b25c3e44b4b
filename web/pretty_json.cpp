// invitekit admin page: JSON indented for reading (see pretty_json.h).
#include "pretty_json.h"

#include "page_json.h"

namespace invitekit::web {

std::string pretty_json(std::string_view text) {
  const json value = parse_json(text);
  return value.is_discarded() ? std::string(text) : json_text(value, 2);
}

}  // namespace invitekit::web
