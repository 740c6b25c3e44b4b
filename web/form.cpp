// invitekit admin page: the endpoints as forms (see form.h).
#include "form.h"

#include "page_json.h"

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

}  // namespace invitekit::web
