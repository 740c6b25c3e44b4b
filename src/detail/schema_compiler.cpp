// invitekit detail: the schema compiler — one pass to learn every $id, one to build nodes.
//
// Nodes are keyed by their JSON Pointer inside the schema document, so a $ref to a subschema
// that was already compiled (or is being compiled: recursion) reuses that node, and a $ref into
// a place no keyword reaches ("#/definitions/x/items", "#/tilda~0field") compiles it on demand.
#include "detail/schema_compiler.h"

#include <string>
#include <map>

#include "detail/schema_uri.h"
#include "regex_engine.h"

namespace invitekit::detail {
namespace {

// Keywords whose value is one subschema, a list of them, or a map of them.
constexpr std::string_view single_schema_keywords[] = {"additionalItems",
                                                       "additionalProperties",
                                                       "contains",
                                                       "propertyNames",
                                                       "not",
                                                       "if",
                                                       "then",
                                                       "else"};
constexpr std::string_view schema_list_keywords[] = {"allOf", "anyOf", "oneOf"};
constexpr std::string_view schema_map_keywords[] = {"properties", "patternProperties",
                                                    "definitions", "dependencies"};

bool is_schema(const json_value& v) { return v.is_object() || v.is_bool(); }

// "'name' rest", appended piecewise: GCC 12 -O3 misreads "'" + std::string(name) + "…"
// (-Wrestrict).
std::string quoted(std::string_view name, std::string_view rest) {
  std::string out = "'";
  out += name;
  out += "' ";
  out += rest;
  return out;
}

class compiler {
 public:
  compiler(schema_program& program, issue_list* errors) : p_(program), errors_(errors) {}

  bool run() {
    const json_value root = p_.source.root();
    const std::string base = root.is_object() && root.find("$id").is_string()
                                 ? std::string(uri_document(root.find("$id").as_string()))
                                 : std::string();
    resources_[base] = "";
    learn_ids(root, "", base);
    p_.root = node_at("", root, base);
    return ok_;
  }

 private:
  // ---- pass 1: where every $id lives, and the base URI of every subschema ----

  void learn_ids(const json_value& s, const std::string& pointer, std::string base) {
    if (!s.is_object()) return;
    base_of_[pointer] = base;
    // Draft-07: beside $ref, $id is ignored like every other keyword.
    const json_value id = s.find("$id");
    if (id.is_string() && !s.find("$ref").exists()) {
      const std::string uri = resolve_uri(base, id.as_string());
      if (uri_fragment(uri).empty() || uri_fragment(uri).front() == '/') {
        base = std::string(uri_document(uri));
        resources_[base] = pointer;
      } else {
        anchors_[uri] = pointer;  // "#name": a location-independent identifier
      }
      base_of_[pointer] = base;
    }
    each_subschema(s, pointer, [&](const json_value& child, const std::string& child_pointer) {
      learn_ids(child, child_pointer, base);
    });
  }

  template <class F>
  void each_subschema(const json_value& s, const std::string& pointer, F&& f) {
    for (std::string_view k : single_schema_keywords) {
      const json_value v = s.find(k);
      if (is_schema(v)) f(v, child(pointer, k));
    }
    const json_value items = s.find("items");
    if (is_schema(items)) f(items, child(pointer, "items"));
    for (std::string_view k : schema_list_keywords) visit_list(s.find(k), child(pointer, k), f);
    if (items.is_array()) visit_list(items, child(pointer, "items"), f);
    for (std::string_view k : schema_map_keywords) {
      const std::string map_pointer = child(pointer, k);
      for (const json_member m : s.find(k).members()) {
        if (is_schema(m.value)) f(m.value, child(map_pointer, m.key));
      }
    }
  }

  template <class F>
  static void visit_list(const json_value& list, const std::string& pointer, F&& f) {
    std::size_t i = 0;
    for (const json_value v : list.items()) {
      std::string p = pointer;
      append_pointer_index(p, i++);
      if (is_schema(v)) f(v, p);
    }
  }

  static std::string child(const std::string& pointer, std::string_view token) {
    std::string p = pointer;
    append_pointer_token(p, token);
    return p;
  }

  // ---- pass 2: nodes ----

  std::int32_t node_at(const std::string& pointer, const json_value& s, const std::string& base) {
    if (auto it = node_of_.find(pointer); it != node_of_.end()) return it->second;
    const auto index = static_cast<std::int32_t>(p_.nodes.size());
    p_.nodes.emplace_back();
    node_of_.emplace(pointer, index);
    schema_node n;  // filled aside: compiling children grows p_.nodes
    fill(n, s, pointer, base);
    p_.nodes[static_cast<std::size_t>(index)] = std::move(n);
    return index;
  }

  // The node of a subschema below the one being compiled. Its base URI is the one pass 1
  // recorded (it may carry its own $id), else its parent's.
  std::int32_t sub(const std::string& pointer, const json_value& s,
                   const std::string& parent_base) {
    const auto known = base_of_.find(pointer);
    return node_at(pointer, s, known == base_of_.end() ? parent_base : known->second);
  }

  std::int32_t sub(const std::string& pointer, std::string_view token, const json_value& s,
                   const std::string& base) {
    return sub(child(pointer, token), s, base);
  }

  std::int32_t sub_index(const std::string& pointer, std::size_t i, const json_value& s,
                         const std::string& base) {
    std::string p = pointer;
    append_pointer_index(p, i);
    return sub(p, s, base);
  }

  void fail(const std::string& pointer, std::string message) {
    ok_ = false;
    if (errors_) errors_->push_back({pointer, codes::schema, std::move(message)});
  }

  std::int32_t resolve_ref(std::string_view ref, const std::string& pointer,
                           const std::string& base) {
    const std::string uri = resolve_uri(base, ref);
    const std::string_view fragment = uri_fragment(uri);
    std::string target;
    if (fragment.empty() || fragment.front() == '/') {
      const auto resource = resources_.find(std::string(uri_document(uri)));
      if (resource == resources_.end()) {
        fail(pointer, "The schema refers to '" + std::string(ref) + "', which is not part of it.");
        return no_node;
      }
      target = resource->second + normalize_pointer_fragment(fragment);
    } else {
      const auto anchor = anchors_.find(uri);
      if (anchor == anchors_.end()) {
        fail(pointer, "The schema refers to '" + std::string(ref) + "', which it does not define.");
        return no_node;
      }
      target = anchor->second;
    }
    const json_value s = p_.source.root().at_pointer(target);
    if (!is_schema(s)) {
      fail(pointer, "The schema refers to '" + std::string(ref) + "', which is not a schema.");
      return no_node;
    }
    const auto known = base_of_.find(target);
    return node_at(target, s,
                   known == base_of_.end() ? std::string(uri_document(uri)) : known->second);
  }

  // A non-negative integer keyword ("maxLength": 2.0 counts); -1 when absent.
  std::int64_t count(const json_value& s, std::string_view k, const std::string& pointer) {
    const json_value v = s.find(k);
    if (!v.exists()) return -1;
    if (!v.is_integer() || v.as_number() < 0) {
      fail(child(pointer, k), quoted(k, "must be a non-negative integer."));
      return -1;
    }
    const double d = v.as_number();
    return d > 9e18 ? INT64_MAX : static_cast<std::int64_t>(d);
  }

  number_limit limit(const json_value& s, std::string_view k, const std::string& pointer) {
    const json_value v = s.find(k);
    if (!v.exists()) return {};
    if (!v.is_number()) {
      fail(child(pointer, k), quoted(k, "must be a number."));
      return {};
    }
    return {true, v.as_number(), v.number_text()};
  }

  void fill(schema_node& n, const json_value& s, const std::string& pointer,
            const std::string& base) {
    if (s.is_bool()) {
      n.always_false = !s.as_bool();
      return;
    }
    if (!s.is_object()) {
      fail(pointer, "A schema must be an object or a boolean.");
      return;
    }
    if (const json_value ref = s.find("$ref"); ref.is_string()) {
      n.ref = resolve_ref(ref.as_string(), pointer, base);
      return;
    }
    fill_meta(n, s, pointer);
    fill_generic(n, s, pointer, base);
    fill_object(n, s, pointer, base);
    fill_array(n, s, pointer, base);
    fill_string(n, s, pointer);
    fill_number(n, s, pointer);
  }

  void fill_meta(schema_node& n, const json_value& s, const std::string& pointer) {
    n.title = s.find("title").as_string();
    n.x_code = s.find("x-code").as_string();
    n.x_messages = s.find("x-messages");
    if (n.x_messages.exists() && !n.x_messages.is_object()) {
      fail(child(pointer, "x-messages"), "'x-messages' must map keywords to messages.");
      n.x_messages = json_value();
    }
  }

  void fill_generic(schema_node& n, const json_value& s, const std::string& pointer,
                    const std::string& base) {
    const json_value type = s.find("type");
    if (type.is_string()) {
      n.types = type_bit(type.as_string(), pointer);
    } else if (type.is_array()) {
      for (const json_value t : type.items()) n.types |= type_bit(t.as_string(), pointer);
    } else if (type.exists()) {
      fail(child(pointer, "type"), "'type' must be a type name or a list of them.");
    }
    if (const json_value e = s.find("enum"); e.is_array()) {
      n.enum_values = e;
      n.enum_all_strings = true;
      for (const json_value v : e.items()) {
        if (!v.is_string()) n.enum_all_strings = false;
        n.enum_strings.push_back(v.as_string());
      }
      if (!n.enum_all_strings) n.enum_strings.clear();
    } else if (e.exists()) {
      fail(child(pointer, "enum"), "'enum' must be a list of values.");
    }
    n.const_value = s.find("const");
    n.const_is_string = n.const_value.is_string();

    for (std::string_view k : schema_list_keywords) {
      const json_value list = s.find(k);
      if (!list.exists()) continue;
      auto& out = k == "allOf" ? n.all_of : k == "anyOf" ? n.any_of : n.one_of;
      if (!list.is_array() || list.size() == 0) {
        fail(child(pointer, k), quoted(k, "must be a non-empty list of schemas."));
        continue;
      }
      const std::string list_pointer = child(pointer, k);
      std::size_t i = 0;
      for (const json_value v : list.items()) out.push_back(sub_index(list_pointer, i++, v, base));
    }
    n.not_ = optional_sub(s, "not", pointer, base);
    n.if_ = optional_sub(s, "if", pointer, base);
    n.then_ = optional_sub(s, "then", pointer, base);
    n.else_ = optional_sub(s, "else", pointer, base);
  }

  std::int32_t optional_sub(const json_value& s, std::string_view k, const std::string& pointer,
                            const std::string& base) {
    const json_value v = s.find(k);
    if (!v.exists()) return no_node;
    return sub(pointer, k, v, base);
  }

  std::uint8_t type_bit(std::string_view name, const std::string& pointer) {
    if (name == "null") return type_null;
    if (name == "boolean") return type_boolean;
    if (name == "integer") return type_integer;
    if (name == "number") return type_number;
    if (name == "string") return type_string;
    if (name == "array") return type_array;
    if (name == "object") return type_object;
    fail(child(pointer, "type"), quoted(name, "is not a JSON Schema type."));
    return 0;
  }

  named_property& name_entry(schema_node& n, std::string_view name) {
    for (named_property& p : n.names) {
      if (p.name == name) return p;
    }
    n.names.push_back({name, no_node, false, json_value(), std::string()});
    return n.names.back();
  }

  void fill_object(schema_node& n, const json_value& s, const std::string& pointer,
                   const std::string& base) {
    const std::string props_pointer = child(pointer, "properties");
    for (const json_member m : s.find("properties").members()) {
      named_property& p = name_entry(n, m.key);
      p.schema = sub(props_pointer, m.key, m.value, base);
      if (m.value.is_object()) p.default_value = m.value.find("default");
      if (p.default_value.exists()) p.default_json = to_json(p.default_value);
    }
    for (const json_value r : s.find("required").items()) {
      if (!r.is_string()) {
        fail(child(pointer, "required"), "'required' must list property names.");
        continue;
      }
      name_entry(n, r.as_string()).required = true;
    }
    if (n.names.size() > 32767) {
      fail(pointer, "The schema names more properties than this engine supports.");
      n.names.clear();
    }
    for (std::size_t i = 0; i < n.names.size() && i < 64; ++i) {
      if (n.names[i].required) n.required_mask |= std::uint64_t{1} << i;
      if (n.names[i].default_value.exists()) n.default_mask |= std::uint64_t{1} << i;
    }
    build_name_slots(n);

    const std::string pattern_pointer = child(pointer, "patternProperties");
    for (const json_member m : s.find("patternProperties").members()) {
      const std::int32_t re = regex_compile(m.key);
      if (re < 0)
        fail(child(pattern_pointer, m.key), "This pattern is not a valid regular expression.");
      n.pattern_properties.push_back({re, sub(pattern_pointer, m.key, m.value, base)});
    }
    n.additional_properties = optional_sub(s, "additionalProperties", pointer, base);
    n.property_names = optional_sub(s, "propertyNames", pointer, base);

    const std::string deps_pointer = child(pointer, "dependencies");
    for (const json_member m : s.find("dependencies").members()) {
      dependency d{m.key, {}, no_node};
      if (m.value.is_array()) {
        for (const json_value r : m.value.items()) d.required.push_back(r.as_string());
      } else {
        d.schema = sub(deps_pointer, m.key, m.value, base);
      }
      n.dependencies.push_back(std::move(d));
    }
    n.min_properties = count(s, "minProperties", pointer);
    n.max_properties = count(s, "maxProperties", pointer);
    n.walk_members = !n.pattern_properties.empty() || n.additional_properties != no_node ||
                     n.property_names != no_node || n.names.size() > 8;
    n.has_object_checks = !n.names.empty() || !n.pattern_properties.empty() ||
                          n.additional_properties != no_node || n.property_names != no_node ||
                          !n.dependencies.empty() || n.min_properties >= 0 || n.max_properties >= 0;
  }

  void fill_array(schema_node& n, const json_value& s, const std::string& pointer,
                  const std::string& base) {
    const json_value items = s.find("items");
    if (items.is_array()) {
      n.items_is_tuple = true;
      const std::string items_pointer = child(pointer, "items");
      std::size_t i = 0;
      for (const json_value v : items.items())
        n.tuple_items.push_back(sub_index(items_pointer, i++, v, base));
      n.additional_items = optional_sub(s, "additionalItems", pointer, base);
    } else if (items.exists()) {
      n.items = sub(pointer, "items", items, base);
    }
    n.contains = optional_sub(s, "contains", pointer, base);
    n.min_items = count(s, "minItems", pointer);
    n.max_items = count(s, "maxItems", pointer);
    n.unique_items = s.find("uniqueItems").as_bool();
    n.has_array_checks = n.items_is_tuple || n.items != no_node || n.contains != no_node ||
                         n.min_items >= 0 || n.max_items >= 0 || n.unique_items;
  }

  void fill_string(schema_node& n, const json_value& s, const std::string& pointer) {
    n.min_length = count(s, "minLength", pointer);
    n.max_length = count(s, "maxLength", pointer);
    if (const json_value pattern = s.find("pattern"); pattern.is_string()) {
      n.pattern = regex_compile(pattern.as_string());
      if (n.pattern < 0)
        fail(child(pointer, "pattern"), "This pattern is not a valid regular expression.");
    }
    const std::string_view format = s.find("format").as_string();
    if (format == "email") n.format = format_kind::email;
    if (format == "uuid") n.format = format_kind::uuid;
    if (format == "regex") n.format = format_kind::regex;
    n.has_string_checks =
        n.min_length >= 0 || n.max_length >= 0 || n.pattern >= 0 || n.format != format_kind::none;
  }

  void fill_number(schema_node& n, const json_value& s, const std::string& pointer) {
    n.minimum = limit(s, "minimum", pointer);
    n.maximum = limit(s, "maximum", pointer);
    n.exclusive_minimum = limit(s, "exclusiveMinimum", pointer);
    n.exclusive_maximum = limit(s, "exclusiveMaximum", pointer);
    n.multiple_of = limit(s, "multipleOf", pointer);
    if (n.multiple_of.present && !(n.multiple_of.value > 0)) {
      fail(child(pointer, "multipleOf"), "'multipleOf' must be greater than 0.");
      n.multiple_of.present = false;
    }
    n.has_number_checks = n.minimum.present || n.maximum.present || n.exclusive_minimum.present ||
                          n.exclusive_maximum.present || n.multiple_of.present;
  }

  schema_program& p_;
  issue_list* errors_;
  bool ok_ = true;
  // Ordered maps: compiling happens once per schema, and std::map shares its tree code with
  // the rest of the program where unordered_map brought its own hashing (~1 KB gzip of .wasm).
  std::map<std::string, std::int32_t> node_of_;   // schema pointer → node
  std::map<std::string, std::string> base_of_;    // schema pointer → base URI
  std::map<std::string, std::string> resources_;  // document URI → schema pointer
  std::map<std::string, std::string> anchors_;    // "uri#name" → schema pointer
};

}  // namespace

bool compile_program(schema_program& program, issue_list* errors) {
  program.nodes.clear();
  program.defaults_at_root_only = false;
  if (!compiler(program, errors).run()) return false;
  find_default_sites(program);
  return true;
}

}  // namespace invitekit::detail
