// invitekit admin page: the core's issues sorted to form fields (see field_issues.h).
#include "field_issues.h"

namespace invitekit::web {

bool path_within(const std::string& path, const std::string& field) {
  return path == field || (path.size() > field.size() &&
                           path.compare(0, field.size(), field) == 0 && path[field.size()] == '/');
}

field_issues issues_for(const app_state& s, const field_spec& field) {
  field_issues out;
  auto sort = [&](const issue_list& list, std::vector<const issue*>& whole,
                  std::vector<std::pair<int, const issue*>>& rows) {
    for (const issue& e : list) {
      if (!path_within(e.path, field.path)) continue;
      // "/website_ids/2" or deeper: the row the body index came from.
      auto slash = e.path.find('/', field.path.size() + 1);
      std::string item = e.path.substr(0, slash);
      auto it = s.check.body.row_of.find(item);
      if (e.path != field.path && it != s.check.body.row_of.end()) {
        rows.emplace_back(it->second, &e);
      } else {
        whole.push_back(&e);
      }
    }
  };
  sort(s.check.validation.errors, out.errors, out.row_errors);
  sort(s.check.validation.warnings, out.warnings, out.row_warnings);
  return out;
}

bool field_emphasized(app_state& s, const field_spec& field) {
  const draft& d = s.current_draft();
  if (s.touched[s.form().info->id].count(field.path) > 0) return true;
  if (field.widget == "idList") {
    auto it = d.lists.find(field.path);
    if (it == d.lists.end()) return false;
    for (const auto& r : it->second)
      if (!r.empty()) return true;
    return false;
  }
  auto it = d.values.find(field.path);
  return it != d.values.end() && !it->second.empty();
}

}  // namespace invitekit::web
