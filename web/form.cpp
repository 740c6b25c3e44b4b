// invitekit admin page: endpoint descriptions' `fields` read into a form, and drafts to bodies.
#include "form.h"

#include <algorithm>

#include "text.h"

namespace invitekit::web {
namespace {

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (std::size_t k = i + 1; k < end; ++k) {
      if (pointer[k] == '~' && k + 1 < end) {
        token += pointer[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        token += pointer[k];
      }
    }
    tokens.push_back(std::move(token));
    i = end;
  }
  return tokens;
}

bool is_json_number(std::string_view text) {
  if (text.empty()) return false;
  json_document doc;
  return doc.parse(text) && doc.root().is_number();
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The subschema describing the value at a body pointer, following "properties" only (the
// form's fields are plain properties), and whether its parent requires it.
struct schema_site {
  json_value node;
  bool required = false;
};

schema_site find_schema(const json_value& schema, const std::string& path) {
  schema_site site;
  json_value node = schema;
  auto tokens = pointer_tokens(path);
  for (std::size_t i = 0; i < tokens.size() && node.exists(); ++i) {
    if (i + 1 == tokens.size()) {
      for (json_value r : node.find("required").items())
        if (r.is_string() && r.as_string() == tokens[i]) site.required = true;
    }
    node = node.find("properties").find(tokens[i]);
  }
  site.node = node;
  return site;
}

bool numeric_type(const json_value& schema) {
  json_value type = schema.find("type");
  return type.is_string() && (type.as_string() == "integer" || type.as_string() == "number");
}

field_spec read_field(const json_value& f, const json_value& schema) {
  field_spec field;
  field.path = text_of(f.find("path"));
  field.label = text_of(f.find("label"));
  field.widget = text_of(f.find("widget"));
  field.placeholder = text_of(f.find("placeholder"));
  field.help = text_of(f.find("help"));
  field.exclusive_with = text_of(f.find("exclusiveWith"));
  if (f.find("order").is_number()) field.order = static_cast<int>(f.find("order").as_number());
  if (field.label.empty()) field.label = field.path;
  if (field.widget.empty()) field.widget = "text";

  schema_site site = find_schema(schema, field.path);
  field.required = site.required;
  json_value labels = f.find("choiceLabels");
  for (json_value e : site.node.find("enum").items()) {
    std::string value = text_of(e);
    std::string label = text_of(labels.find(value));
    field.choices.push_back({value, label.empty() ? value : label});
  }
  json_value def = site.node.find("default");
  if (def.exists()) field.default_value = text_of(def);
  field.numeric =
      field.widget == "idList" ? numeric_type(site.node.find("items")) : numeric_type(site.node);

  for (json_member cond : f.find("showWhen").members()) {
    std::vector<std::string> values;
    for (json_value v : cond.value.items()) values.push_back(text_of(v));
    field.show_when.emplace_back(std::string(cond.key), std::move(values));
  }
  return field;
}

// A JSON object under construction: members in insertion order, leaves as raw JSON text.
struct body_node {
  std::string key;
  std::string raw;  // a leaf's JSON; empty for an object
  std::vector<body_node> members;

  body_node& member(const std::string& name) {
    for (auto& m : members)
      if (m.key == name) return m;
    members.push_back({name, {}, {}});
    return members.back();
  }

  void write(std::string& out) const {
    if (!raw.empty()) {
      out += raw;
      return;
    }
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, members[i].key);
      out += ':';
      members[i].write(out);
    }
    out += '}';
  }
};

void append_value(std::string& out, const std::string& text, bool numeric) {
  if (numeric && is_json_number(text)) {
    out += text;
  } else {
    append_json_string(out, text);
  }
}

}  // namespace

std::vector<endpoint_form> load_forms() {
  std::vector<endpoint_form> forms;
  for (const endpoint_info& info : endpoints()) {
    endpoint_form form;
    form.info = &info;
    json_document doc;
    if (doc.parse(info.description_json)) {
      json_value root = doc.root();
      form.summary = text_of(root.find("summary"));
      form.docs = text_of(root.find("docs"));
      for (json_value f : root.find("fields").items()) {
        field_spec field = read_field(f, root.find("schema"));
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
  body_node root;
  for (const field_spec& field : form.fields) {
    auto tokens = pointer_tokens(field.path);
    if (tokens.empty()) continue;
    // Parent objects exist whether or not their fields are filled in: the form edits them.
    body_node* parent = &root;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) parent = &parent->member(tokens[i]);
    if (!field_visible(field, d)) continue;

    std::string raw;
    if (field.widget == "idList") {
      auto it = d.lists.find(field.path);
      if (it == d.lists.end()) continue;
      int index = 0;
      for (std::size_t row = 0; row < it->second.size(); ++row) {
        const std::string& text = it->second[row];
        if (is_blank(text)) continue;
        raw += raw.empty() ? "[" : ",";
        append_value(raw, text, field.numeric);
        body.row_of[field.path + "/" + std::to_string(index++)] = static_cast<int>(row);
      }
      if (raw.empty()) continue;
      raw += ']';
    } else {
      auto it = d.values.find(field.path);
      if (it == d.values.end() || it->second.empty()) continue;
      append_value(raw, it->second, field.numeric);
    }
    parent->member(tokens.back()).raw = std::move(raw);
  }
  root.write(body.json);
  return body;
}

draft draft_from_body(const endpoint_form& form, const json_value& body) {
  draft d = default_draft(form);
  for (const field_spec& field : form.fields) {
    json_value v = body.at_pointer(field.path);
    if (field.widget == "idList") {
      std::vector<std::string> rows;
      for (json_value item : v.items()) rows.push_back(text_of(item));
      if (rows.empty()) rows.push_back("");
      d.lists[field.path] = std::move(rows);
    } else if (v.exists()) {
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
