// invitekit detail: the sentence an admin reads for each failed keyword.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "detail/schema_program.h"

namespace invitekit::detail {

// What a message may need to know beyond the node and the keyword.
struct message_facts {
  json_value instance;          // the value that failed
  std::string_view name;        // required / additionalProperties / propertyNames / dependencies:
                                // the property concerned
  std::string_view suggestion;  // additionalProperties: a close declared name, or ""
  std::string_view trigger;     // dependencies: the property whose presence needs `name`
  std::size_t actual = 0;       // minLength…maxProperties: the instance's length or count
  bool several = false;         // oneOf: more than one branch matched

  static message_facts about(std::string_view property) {
    message_facts f;
    f.name = property;
    return f;
  }
  static message_facts counted(std::size_t n) {
    message_facts f;
    f.actual = n;
    return f;
  }
};

// n's "x-messages"[keyword] when it has one, else a sentence built from the titles.
std::string schema_message(const schema_program& program, const schema_node& n, keyword k,
                           const message_facts& facts);

}  // namespace invitekit::detail
