// invitekit detail: what the generated fast paths share (see fast_path.h).
#include "detail/fast_path.h"

#include <string>

namespace invitekit::detail {
namespace {

// True if pointer `outer` is `inner` or one of its ancestors ("/a" contains "/a/0", not "/ab").
bool pointer_contains(std::string_view outer, std::string_view inner) {
  return inner.substr(0, outer.size()) == outer &&
         (inner.size() == outer.size() || inner[outer.size()] == '/');
}

}  // namespace

bool hides_warning(std::string_view error_path, std::string_view warning_path) {
  // The whole body's errors ("", a oneOf say) concern other fields: they hide no field's warning.
  return pointer_contains(warning_path, error_path) ||
         (!error_path.empty() && pointer_contains(error_path, warning_path));
}

const fast_endpoint* fast_validate(std::string_view id, const json_value& body,
                                   fast_verdict& verdict) {
  const fast_endpoint* e = find_fast_endpoint(id);
  if (e == nullptr || !e->check(body, verdict)) return nullptr;
  if (verdict.error_count == 0 || verdict.warning_count == 0) return e;
  // A decided error next to warnings (the bulk oneOf with a duplicate id): drop the warnings
  // it hides, as validate() does.
  std::uint32_t kept = 0;
  for (std::uint32_t w = 0; w < verdict.warning_count; ++w) {
    const fast_issue warning = verdict.warnings[w];
    bool hidden = false;
    for (std::uint32_t i = 0; i < verdict.error_count && !hidden; ++i) {
      const issue error = fast_issue_text(*e, verdict.errors[i]);
      hidden = hides_warning(error.path, fast_issue_text(*e, warning).path);
    }
    if (!hidden) verdict.warnings[kept++] = warning;
  }
  verdict.warning_count = kept;
  return e;
}

issue fast_issue_text(const fast_endpoint& e, fast_issue i) {
  const fast_rule& r = e.rules[i.rule];
  issue out{std::string(r.path), std::string(r.code), std::string(r.message)};
  if (i.index >= 0) {
    out.path += '/';
    out.path += std::to_string(i.index);
  }
  return out;
}

}  // namespace invitekit::detail
