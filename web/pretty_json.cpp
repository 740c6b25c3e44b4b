// invitekit admin page: an indenting printer over the core's json_document.
#include "pretty_json.h"

#include "json.h"

namespace invitekit::web {
namespace {

void write(std::string& out, const json_value& v, int depth) {
  auto newline = [&](int d) {
    out += '\n';
    out.append(static_cast<std::size_t>(d) * 2, ' ');
  };
  if (v.is_object() && v.size() > 0) {
    out += '{';
    bool first = true;
    for (json_member m : v.members()) {
      if (!first) out += ',';
      first = false;
      newline(depth + 1);
      append_json_string(out, m.key);
      out += ": ";
      write(out, m.value, depth + 1);
    }
    newline(depth);
    out += '}';
  } else if (v.is_array() && v.size() > 0) {
    out += '[';
    bool first = true;
    for (json_value item : v.items()) {
      if (!first) out += ',';
      first = false;
      newline(depth + 1);
      write(out, item, depth + 1);
    }
    newline(depth);
    out += ']';
  } else {
    append_json(out, v);
  }
}

}  // namespace

std::string pretty_json(std::string_view text) {
  json_document doc;
  if (!doc.parse(text)) return std::string(text);
  std::string out;
  write(out, doc.root(), 0);
  return out;
}

}  // namespace invitekit::web
