// invitekit admin page: the catalog's endpoints as forms, on the core's field model (fields.h).
#include "form.h"

namespace invitekit::web {

std::vector<endpoint_form> load_forms() {
  std::vector<endpoint_form> forms;
  for (const endpoint_info& info : endpoints()) {
    endpoint_form form;
    form.info = &info;
    form.summary = text_of(member(info.description, "summary"));
    form.docs = text_of(member(info.description, "docs"));
    form.fields = endpoint_fields(info.id);
    forms.push_back(std::move(form));
  }
  return forms;
}

draft default_draft(const endpoint_form& form) { return invitekit::default_draft(form.fields); }

body_text draft_to_body(const endpoint_form& form, const draft& d) {
  draft_body body = invitekit::draft_to_body(form.fields, d);
  return {json_text(body.body), std::move(body.row_of)};
}

draft draft_from_body(const endpoint_form& form, const json& body) {
  return invitekit::draft_from_body(form.fields, body);
}

std::vector<std::string> split_pasted_list(std::string_view text) { return split_list(text); }

}  // namespace invitekit::web
