// invitekit admin page: endpoint descriptions' `fields` read into a form, and drafts to bodies.
#include "form.h"

#include <algorithm>

namespace invitekit::web {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The subschema describing the value at a body pointer, following "properties" only (the
// form's fields are plain properties), and whether its parent requires it.
struct schema_site {
  const json* node = nullptr;
  bool required = false;
};

schema_site find_schema(const json* schema, const std::string& path) {
  schema_site site;
  const json* node = schema;
  auto tokens = pointer_tokens(path);
  for (std::size_t i = 0; i < tokens.size() && node; ++i) {
    if (i + 1 == tokens.size()) {
      if (const json* required = member(*node, "required"); required && required->is_array())
        for (const json& r : *required)
          if (r.is_string() && r.get_ref<const std::string&>() == tokens[i]) site.required = true;
    }
    const json* properties = member(*node, "properties");
    node = properties ? member(*properties, tokens[i]) : nullptr;
  }
  site.node = node;
  return site;
}

bool numeric_type(const json* schema) {
  const std::string type = schema ? text_of(member(*schema, "type")) : std::string();
  return type == "integer" || type == "number";
}

// The elements of an array member (none when it is missing or not an array).
const json& items_of(const json* object, std::string_view key) {
  static const json none = json::array();
  const json* list = object ? member(*object, key) : nullptr;
  return list && list->is_array() ? *list : none;
}

field_spec read_field(const json& f, const json* schema) {
  field_spec field;
  field.path = text_of(member(f, "path"));
  field.label = text_of(member(f, "label"));
  field.widget = text_of(member(f, "widget"));
  field.placeholder = text_of(member(f, "placeholder"));
  field.help = text_of(member(f, "help"));
  field.exclusive_with = text_of(member(f, "exclusiveWith"));
  if (const json* order = member(f, "order"); order && order->is_number())
    field.order = order->get<int>();
  if (field.label.empty()) field.label = field.path;
  if (field.widget.empty()) field.widget = "text";

  schema_site site = find_schema(schema, field.path);
  field.required = site.required;
  const json* labels = member(f, "choiceLabels");
  for (const json& e : items_of(site.node, "enum")) {
    std::string value = text_of(&e);
    std::string label = labels ? text_of(member(*labels, value)) : std::string();
    field.choices.push_back({value, label.empty() ? value : label});
  }
  if (const json* def = site.node ? member(*site.node, "default") : nullptr)
    field.default_value = text_of(def);
  const json* items = site.node ? member(*site.node, "items") : nullptr;
  field.numeric = field.widget == "idList" ? numeric_type(items) : numeric_type(site.node);

  if (const json* conditions = member(f, "showWhen"); conditions && conditions->is_object()) {
    for (const auto& [path, allowed] : conditions->items()) {
      std::vector<std::string> values;
      if (allowed.is_array())
        for (const json& v : allowed) values.push_back(text_of(&v));
      field.show_when.emplace_back(path, std::move(values));
    }
  }
  return field;
}

// A value as typed: a JSON number when the field is numeric and the text is one, else the text
// (so the core reports the type).
json typed_value(const std::string& text, bool numeric) {
  if (numeric) {
    json number = parse_json(text);
    if (number.is_number()) return number;
  }
  return text;
}

}  // namespace

std::vector<endpoint_form> load_forms() {
  std::vector<endpoint_form> forms;
  for (const endpoint_info& info : endpoints()) {
    endpoint_form form;
    form.info = &info;
    const json root = parse_json(info.description_json);
    if (root.is_object()) {
      form.summary = text_of(member(root, "summary"));
      form.docs = text_of(member(root, "docs"));
      for (const json& f : items_of(&root, "fields")) {
        field_spec field = read_field(f, member(root, "schema"));
        if (!field.path.empty()) form.fields.push_back(std::move(field));
      }
      std::stable_sort(form.fields.begin(), form.fields.end(),
                       [](const field_spec& a, const field_spec& b) { return a.order < b.order; });
    }
    forms.push_back(std::move(form));
  }
  return forms;
}

draft default_draft(const endpoint_form& form) {
  draft d;
  for (const field_spec& field : form.fields) {
    if (field.widget == "idList") {
      d.lists[field.path] = {""};  // one empty row to type into
    } else if (!field.default_value.empty()) {
      d.values[field.path] = field.default_value;
    }
  }
  return d;
}

bool field_optional(const field_spec& field) {
  return !field.required && field.show_when.empty() && field.exclusive_with.empty();
}

bool field_visible(const field_spec& field, const draft& d) {
  for (const auto& [path, values] : field.show_when) {
    auto it = d.values.find(path);
    const std::string current = it == d.values.end() ? std::string() : it->second;
    if (std::find(values.begin(), values.end(), current) == values.end()) return false;
  }
  return true;
}

body_text draft_to_body(const endpoint_form& form, const draft& d) {
  body_text body;
  json root = json::object();
  for (const field_spec& field : form.fields) {
    auto tokens = pointer_tokens(field.path);
    if (tokens.empty()) continue;
    // Parent objects exist whether or not their fields are filled in: the form edits them.
    json* parent = &root;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      json& child = (*parent)[tokens[i]];
      if (!child.is_object()) child = json::object();
      parent = &child;
    }
    if (!field_visible(field, d)) continue;

    json value;
    if (field.widget == "idList") {
      auto it = d.lists.find(field.path);
      if (it == d.lists.end()) continue;
      value = json::array();
      for (std::size_t row = 0; row < it->second.size(); ++row) {
        const std::string& text = it->second[row];
        if (is_blank(text)) continue;
        body.row_of[field.path + "/" + std::to_string(value.size())] = static_cast<int>(row);
        value.push_back(typed_value(text, field.numeric));
      }
      if (value.empty()) continue;
    } else {
      auto it = d.values.find(field.path);
      if (it == d.values.end() || it->second.empty()) continue;
      value = typed_value(it->second, field.numeric);
    }
    (*parent)[tokens.back()] = std::move(value);
  }
  body.json = json_text(root);
  return body;
}

draft draft_from_body(const endpoint_form& form, const json& body) {
  draft d = default_draft(form);
  for (const field_spec& field : form.fields) {
    const json* v = at_pointer(body, field.path);
    if (field.widget == "idList") {
      std::vector<std::string> rows;
      if (v && v->is_array())
        for (const json& item : *v) rows.push_back(text_of(&item));
      if (rows.empty()) rows.push_back("");
      d.lists[field.path] = std::move(rows);
    } else if (v) {
      d.values[field.path] = text_of(v);
    } else {
      d.values.erase(field.path);
    }
  }
  return d;
}

std::vector<std::string> split_pasted_list(std::string_view text) {
  std::vector<std::string> rows;
  std::string current;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == ',' || c == ';' || c == ' ' || c == '\t') {
      if (!current.empty()) rows.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) rows.push_back(std::move(current));
  return rows;
}

}  // namespace invitekit::web
