// invitekit: endpoint descriptions' `fields` read into field specs, and drafts to bodies.
#include "fields.h"

#include <algorithm>
#include <memory>

#include "catalog.h"
#include "detail/json_equal.h"
#include "detail/json_pointer.h"

namespace invitekit {
namespace {

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

const json* member(const json* object, std::string_view key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

std::string text_member(const json* object, std::string_view key) {
  const json* v = member(object, key);
  return v != nullptr && v->is_string() ? detail::string_of(*v) : std::string();
}

// The elements of an array member (none when it is missing or not an array).
const json::array_t& items_of(const json* object, std::string_view key) {
  static const json::array_t none;
  const json* v = member(object, key);
  return v != nullptr ? detail::elements_of(*v) : none;
}

// The subschema describing the value at a body pointer, following "properties" only (the
// fields are plain properties), and whether its parent requires it.
struct schema_site {
  const json* node = nullptr;
  bool required = false;
};

schema_site find_schema(const json* schema, std::string_view path) {
  schema_site site;
  const json* node = schema;
  std::vector<std::string> tokens;
  detail::for_each_pointer_token(path, [&](std::string token) {
    tokens.push_back(std::move(token));
    return true;
  });
  for (std::size_t i = 0; i < tokens.size() && node != nullptr; ++i) {
    if (i + 1 == tokens.size())
      for (const json& r : items_of(node, "required"))
        if (r.is_string() && detail::string_of(r) == tokens[i]) site.required = true;
    node = member(member(node, "properties"), tokens[i]);
  }
  site.node = node;
  return site;
}

bool numeric_type(const json* schema) {
  const std::string type = text_member(schema, "type");
  return type == "integer" || type == "number";
}

field_spec read_field(const json& f, const json* schema) {
  field_spec field;
  field.path = text_member(&f, "path");
  field.label = text_member(&f, "label");
  field.widget = text_member(&f, "widget");
  field.placeholder = text_member(&f, "placeholder");
  field.help = text_member(&f, "help");
  field.exclusive_with = text_member(&f, "exclusiveWith");
  if (const json* order = member(&f, "order"); order != nullptr && order->is_number())
    field.order = static_cast<int>(detail::number_of(*order));
  if (field.label.empty()) field.label = field.path;
  if (field.widget.empty()) field.widget = "text";
  for (const json& c : items_of(&f, "columns"))
    if (c.is_string()) field.columns.push_back(detail::string_of(c));

  const schema_site site = find_schema(schema, field.path);
  field.required = site.required;
  const json* labels = member(&f, "choiceLabels");
  for (const json& e : items_of(site.node, "enum")) {
    std::string value = text_of(&e);
    std::string label = text_member(labels, value);
    field.choices.push_back({value, label.empty() ? value : label});
  }
  if (const json* d = member(site.node, "default")) field.default_value = text_of(d);
  field.numeric = field.widget == "idList" ? numeric_type(member(site.node, "items")) : numeric_type(site.node);

  if (const json* conditions = member(&f, "showWhen"); conditions != nullptr && conditions->is_object()) {
    for (auto c = conditions->begin(); c != conditions->end(); ++c) {
      std::vector<std::string> values;
      for (const json& v : detail::elements_of(c.value())) values.push_back(text_of(&v));
      field.show_when.emplace_back(c.key(), std::move(values));
    }
  }
  return field;
}

std::vector<field_spec> read_fields(const endpoint_info& info) {
  std::vector<field_spec> fields;
  const json* schema = member(&info.description, "schema");
  for (const json& f : items_of(&info.description, "fields")) {
    field_spec field = read_field(f, schema);
    if (!field.path.empty()) fields.push_back(std::move(field));
  }
  // By order, keeping the description's order for equal ones: an insertion sort, as a handful of
  // fields does not need std::stable_sort's code (~1.5 KB of the .wasm).
  for (std::size_t i = 1; i < fields.size(); ++i)
    for (std::size_t j = i; j > 0 && fields[j].order < fields[j - 1].order; --j) std::swap(fields[j], fields[j - 1]);
  return fields;
}

// A value as typed: a JSON number when the field is numeric and the text is one, else the text
// (so validate() reports the type).
json typed_value(const std::string& text, bool numeric) {
  if (numeric) {
    json_parse_result number = parse_json(text);
    if (number.ok && number.value.is_number()) return std::move(number.value);
  }
  return text;
}

}  // namespace

const std::vector<field_spec>& endpoint_fields(std::string_view endpoint_id) {
  // Read once per endpoint, thread-safely, the first time any is asked for.
  static const std::vector<std::vector<field_spec>> all = [] {
    std::vector<std::vector<field_spec>> v;
    for (const endpoint_info& info : endpoints()) v.push_back(read_fields(info));
    return v;
  }();
  static const std::vector<field_spec> none;
  const auto& list = endpoints();
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].id == endpoint_id) return all[i];
  return none;
}

draft default_draft(const std::vector<field_spec>& fields) {
  draft d;
  for (const field_spec& field : fields) {
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
    const auto it = d.values.find(path);
    const std::string current = it == d.values.end() ? std::string() : it->second;
    if (std::find(values.begin(), values.end(), current) == values.end()) return false;
  }
  return true;
}

draft_body draft_to_body(const std::vector<field_spec>& fields, const draft& d) {
  draft_body out;
  out.body = json::object();
  for (const field_spec& field : fields) {
    std::vector<std::string> tokens;
    detail::for_each_pointer_token(field.path, [&](std::string token) {
      tokens.push_back(std::move(token));
      return true;
    });
    if (tokens.empty()) continue;
    // Parent objects exist whether or not their fields are filled in: the form edits them.
    json* parent = &out.body;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      json& child = (*parent)[tokens[i]];
      if (!child.is_object()) child = json::object();
      parent = &child;
    }
    if (!field_visible(field, d)) continue;

    json value;
    if (field.widget == "idList") {
      const auto it = d.lists.find(field.path);
      if (it == d.lists.end()) continue;
      value = json::array();
      for (std::size_t row = 0; row < it->second.size(); ++row) {
        const std::string& text = it->second[row];
        if (is_blank(text)) continue;
        out.row_of[field.path + "/" + std::to_string(value.size())] = static_cast<int>(row);
        value.push_back(typed_value(text, field.numeric));
      }
      if (value.empty()) continue;
    } else {
      const auto it = d.values.find(field.path);
      if (it == d.values.end() || it->second.empty()) continue;
      value = typed_value(it->second, field.numeric);
    }
    (*parent)[tokens.back()] = std::move(value);
  }
  return out;
}

draft draft_from_body(const std::vector<field_spec>& fields, const json& body) {
  draft d = default_draft(fields);
  for (const field_spec& field : fields) {
    const json* v = detail::resolve_pointer(body, field.path);
    if (field.widget == "idList") {
      std::vector<std::string> rows;
      if (v != nullptr)
        for (const json& item : detail::elements_of(*v)) rows.push_back(text_of(&item));
      if (rows.empty()) rows.push_back("");
      d.lists[field.path] = std::move(rows);
    } else if (v != nullptr) {
      d.values[field.path] = text_of(v);
    } else {
      d.values.erase(field.path);
    }
  }
  return d;
}

std::string text_of(const json* value) {
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return detail::string_of(*value);
  return to_json_text(*value);
}

std::vector<std::string> split_list(std::string_view text) {
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

}  // namespace invitekit
