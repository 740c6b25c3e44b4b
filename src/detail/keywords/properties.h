// invitekit keywords "properties", "patternProperties", "additionalProperties", "propertyNames"
// and "required": one unit, because they share one walk over the object's members — so every
// error comes out in the order of the members in the body, then the missing required ones.
#pragma once

#include "detail/keyword_support.h"
#include "detail/schema_suggest.h"
#include "regex_engine.h"

namespace invitekit::detail {

struct properties_keyword {
  static constexpr std::uint8_t applies_to = kind_object;

  struct named_property {
    std::string name;
    std::int32_t schema = no_node;  // "properties"[name], if any
    bool required = false;
  };
  struct pattern_property {
    std::int32_t regex = -1;
    std::int32_t schema = no_node;
  };

  std::vector<named_property> names;  // properties, then required names not among them
  std::vector<std::uint32_t> name_keys;  // key_of(names[i].name): most lookups end at this word
  std::vector<pattern_property> patterns;
  std::int32_t additional = no_node;  // additionalProperties as a schema …
  bool additional_forbidden = false;  // … or false: each extra member is its own error
  std::int32_t property_names = no_node;
  // Whether every member must be visited (extra members matter); otherwise each named property
  // is looked up, which is cheaper for the small "if" schemas that test one field of a big object.
  bool walk_members = false;

  static std::optional<properties_keyword> compile(compile_context& c) {
    properties_keyword k;
    bool present = false;
    if (const json* properties = c.find("properties"); properties != nullptr && properties->is_object()) {
      present = true;
      for (const auto& [name, schema] : properties->items()) {
        k.entry(name).schema = c.subschema("properties", name, schema);
        if (!schema.is_object()) continue;
        if (auto d = schema.find("default"); d != schema.end()) c.add_default(name, *d);
        if (auto t = schema.find("title"); t != schema.end() && t->is_string()) c.add_property_title(name, string_of(*t));
      }
    }
    if (const json* required = c.find("required"); required != nullptr) {
      present = true;
      for (const json& r : *required) {
        if (!r.is_string()) {
          c.fail("required", "'required' must list property names.");
          continue;
        }
        k.entry(string_of(r)).required = true;
      }
    }
    if (const json* patterns = c.find("patternProperties"); patterns != nullptr && patterns->is_object()) {
      present = true;
      for (const auto& [source, schema] : patterns->items()) {
        const std::int32_t re = regex_compile(source);
        if (re < 0) c.fail("patternProperties", source, "This pattern is not a valid regular expression.");
        k.patterns.push_back({re, c.subschema("patternProperties", source, schema)});
      }
    }
    if (const json* additional = c.find("additionalProperties"); additional != nullptr) {
      present = true;
      k.additional_forbidden = additional->is_boolean() && !additional->template get<bool>();
      if (!k.additional_forbidden) k.additional = c.optional_subschema("additionalProperties");
    }
    k.property_names = c.optional_subschema("propertyNames");
    present = present || k.property_names != no_node;
    if (!present) return std::nullopt;
    for (const named_property& p : k.names) k.name_keys.push_back(key_of(p.name));
    k.walk_members = !k.patterns.empty() || k.additional != no_node || k.additional_forbidden ||
                     k.property_names != no_node || k.names.size() > 8;
    return k;
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    if (!walk_members) return check_names(v, n, w);
    bool ok = true;
    std::uint64_t seen = 0;  // bit i: names[i] is present (for the first 64 names)
    for (const auto& member : members_of(v)) {
      // Named, not a structured binding: clang 14 (em++ 3.1.6) cannot capture those in lambdas.
      const std::string& key = member.first;
      const Json& value = member.second;
      bool declared = false;
      const std::size_t i = find(key);
      if (i < names.size()) {
        if (i < 64) seen |= std::uint64_t{1} << i;
        if (names[i].schema != no_node) {
          declared = true;
          if (!w.descend(names[i].schema, path_segment::member(key), value)) {
            ok = false;
            if (w.stopped()) return false;
          }
        }
      }
      for (const pattern_property& p : patterns) {
        if (p.regex < 0 || !regex_search(p.regex, key)) continue;
        declared = true;
        if (!w.descend(p.schema, path_segment::member(key), value)) {
            ok = false;
            if (w.stopped()) return false;
          }
      }
      if (!declared && additional_forbidden) {
        ok = false;
        if (w.fail(n, "additionalProperties", [&] { return extra_message(n, key); }, path_segment::member(key)))
          return false;
      } else if (!declared && additional != no_node) {
        if (!w.descend(additional, path_segment::member(key), value)) {
            ok = false;
            if (w.stopped()) return false;
          }
      }
      if (property_names != no_node && !w.probe(property_names, Json(key))) {
        ok = false;
        const auto words = [&] {
          return (sentence() << "'" << key << "' is not an allowed field name in " << the_title(title_of(n), "this object")
                             << ".")
              .str();
        };
        if (w.fail(n, "propertyNames", words, path_segment::member(key))) return false;
      }
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      const named_property& p = names[i];
      if (!p.required || (i < 64 ? (seen >> i) & 1 : members_of(v).count(p.name) != 0)) continue;
      ok = false;
      const auto words = [&] { return (sentence() << "Enter " << property_phrase(n, p.name) << ": it is required.").str(); };
      if (w.fail(n, "required", words, path_segment::member(p.name))) return false;
    }
    return ok;
  }

  // How a property is called in a sentence: "the email address" (its schema's title) or 'email'.
  static std::string property_phrase(const schema_node& n, std::string_view name) {
    const std::string& title = property_title(n, name);
    return title.empty() ? single_quoted(name) : (sentence() << "the " << title).str();
  }

 private:
  // Each named property in turn: its schema if present, "required" if absent. Errors come in the
  // order of the names.
  template <class Json, class Walker>
  bool check_names(const Json& v, const schema_node& n, Walker& w) const {
    bool ok = true;
    const auto& members = members_of(v);
    for (const named_property& p : names) {
      const auto found = members.find(p.name);
      if (found != members.end()) {
        if (p.schema != no_node && !w.descend(p.schema, path_segment::member(p.name), found->second)) {
          ok = false;
          if (w.stopped()) return false;
        }
      } else if (p.required) {
        ok = false;
        const auto words = [&] { return (sentence() << "Enter " << property_phrase(n, p.name) << ": it is required.").str(); };
        if (w.fail(n, "required", words, path_segment::member(p.name))) return false;
      }
    }
    return ok;
  }

  // A word that differs for most names that differ: length, first and last byte.
  static std::uint32_t key_of(std::string_view name) {
    if (name.empty()) return 0;
    return static_cast<std::uint32_t>(name.size()) << 16 | static_cast<unsigned char>(name.front()) << 8 |
           static_cast<unsigned char>(name.back());
  }

  named_property& entry(const std::string& name) {
    for (named_property& p : names)
      if (p.name == name) return p;
    names.push_back({name, no_node, false});
    return names.back();
  }

  std::size_t find(std::string_view key) const {
    const std::uint32_t k = key_of(key);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (name_keys[i] == k && names[i].name == key) return i;
    return names.size();
  }

  // "Remove 'emial': it is not a field of this invite. Did you mean 'email'?"
  std::string extra_message(const schema_node& n, const std::string& key) const {
    std::vector<std::string_view> declared;
    for (const named_property& p : names)
      if (p.schema != no_node) declared.push_back(p.name);
    const std::string& title = title_of(n);
    sentence out;
    out << "Remove '" << key << "': it is not a field of " << (title.empty() ? phrase{"this object", {}} : phrase{"this ", title}) << ".";
    const std::string_view suggestion = closest_name(key, declared);
    if (!suggestion.empty()) out << " Did you mean '" << suggestion << "'?";
    return out.str();
  }
};

}  // namespace invitekit::detail
