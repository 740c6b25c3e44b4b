// invitekit detail: the schema walker. One template serves both walks: with Full = false every
// failure returns at once and nothing is built; with Full = true failures are recorded (path,
// code, message — built only then) and the walk goes on until the error cap.
#include "detail/schema_eval.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "detail/schema_format.h"
#include "detail/schema_messages.h"
#include "detail/schema_suggest.h"
#include "detail/schema_unique.h"
#include "regex_engine.h"

namespace invitekit::detail {
namespace {

// Nested subschema evaluations allowed at once. Instances are at most 64 deep, so only a schema
// that loops without descending ({"$ref": "#"} at its own root) gets here.
constexpr std::uint32_t max_eval_depth = 512;

bool type_matches(std::uint8_t types, const json_value& v) {
  switch (v.type()) {
    case json_type::null:
      return types & type_null;
    case json_type::boolean:
      return types & type_boolean;
    case json_type::number:
      return (types & type_number) || ((types & type_integer) && v.is_integer());
    case json_type::string:
      return types & type_string;
    case json_type::array:
      return types & type_array;
    case json_type::object:
      return types & type_object;
  }
  return false;
}

bool in_enum(const schema_node& n, const json_value& v) {
  if (n.enum_all_strings) {
    if (!v.is_string()) return false;
    const std::string_view s = v.as_string();
    for (std::string_view e : n.enum_strings) {
      if (e == s) return true;
    }
    return false;
  }
  for (const json_value e : n.enum_values.items()) {
    if (json_equal(e, v)) return true;
  }
  return false;
}

bool const_matches(const schema_node& n, const json_value& v) {
  if (n.const_is_string) return v.is_string() && v.as_string() == n.const_value.as_string();
  return json_equal(n.const_value, v);
}

// 0.0075 is a multiple of 0.0001 although 0.0075 / 0.0001 is 75.00000000000001 in doubles:
// accept a quotient within a few ulps of an integer. A quotient that overflows is no multiple.
bool is_multiple(double value, double divisor) {
  const double q = value / divisor;
  if (!std::isfinite(q)) return false;
  const double nearest = std::nearbyint(q);
  return std::fabs(q - nearest) <= 8 * DBL_EPSILON * std::fabs(q);
}

// How strongly a failed keyword says a oneOf/anyOf branch was written for another kind of
// value. A tag ({"kind": {"const": "a"}}, an enum, or the value's own type) is the clearest
// sign; a missing required property is weaker (it may be the very mistake to report).
enum class mismatch : std::uint8_t { none, required, tag };

mismatch mismatch_of(keyword k, std::uint32_t below_branch) {
  switch (k) {
    case keyword::type:
      return below_branch == 0 ? mismatch::tag : mismatch::none;
    case keyword::const_:
    case keyword::enum_:
      return below_branch <= 1 ? mismatch::tag : mismatch::none;
    case keyword::required:
      return below_branch == 0 ? mismatch::required : mismatch::none;
    default:
      return mismatch::none;
  }
}

struct path_segment {
  std::string_view key;
  std::size_t index = 0;
  bool is_key = true;
};

template <bool Full>
class evaluator {
 public:
  evaluator(const schema_program& p, eval_output* out) : p_(p), out_(out) {}

  bool eval(std::int32_t index, const json_value& v) {
    const schema_node& n = p_.nodes[static_cast<std::size_t>(index)];
    if (depth_ >= max_eval_depth) {
      fail(n, keyword::schema, v);
      return false;
    }
    ++depth_;
    const bool ok = eval_node(n, v);
    --depth_;
    return ok;
  }

  // What eval_node adds for a node whose object validated (the full walk only).
  void defaults_of(std::int32_t index, const json_value& v) {
    const schema_node& n = p_.nodes[static_cast<std::size_t>(index)];
    if (n.default_mask && v.is_object()) add_defaults(n, v);
  }

 private:
  bool eval_node(const schema_node& n, const json_value& v) {
    if (n.ref != no_node) return eval(n.ref, v);
    if (n.always_false) {
      fail(n, keyword::false_, v);
      return false;
    }
    const std::size_t errors_before = error_count();
    bool ok = true;
    if (n.types && !type_matches(n.types, v) && failed(ok, n, keyword::type, v)) return false;
    if (n.enum_values.exists() && !in_enum(n, v) && failed(ok, n, keyword::enum_, v)) return false;
    if (n.const_value.exists() && !const_matches(n, v) && failed(ok, n, keyword::const_, v)) {
      return false;
    }
    switch (v.type()) {
      case json_type::object:
        if (n.has_object_checks && !check_object(n, v) && stopped(ok)) return false;
        break;
      case json_type::array:
        if (n.has_array_checks && !check_array(n, v) && stopped(ok)) return false;
        break;
      case json_type::string:
        if (n.has_string_checks && !check_string(n, v) && stopped(ok)) return false;
        break;
      case json_type::number:
        if (n.has_number_checks && !check_number(n, v) && stopped(ok)) return false;
        break;
      default:
        break;
    }
    if (!check_applicators(n, v) && stopped(ok)) return false;
    if constexpr (Full) {
      if (n.default_mask && v.is_object() && error_count() == errors_before) add_defaults(n, v);
    }
    return ok;
  }

  // ---- objects ----

  bool check_object(const schema_node& n, const json_value& v) {
    bool ok = true;
    if (n.walk_members) {
      if (!check_members(n, v) && stopped(ok)) return false;
    } else {
      for (const named_property& np : n.names) {
        const json_value value = v.find(np.name);
        if (value.exists()) {
          if (np.schema != no_node && !descend_key(np.schema, np.name, value) && stopped(ok))
            return false;
        } else if (np.required && failed(ok, n, keyword::required, v, message_facts::about(np.name),
                                         key_segment(np.name))) {
          return false;
        }
      }
    }
    for (const dependency& d : n.dependencies) {
      if (!v.find(d.name).exists()) continue;
      if (d.schema != no_node) {
        if (!eval(d.schema, v) && stopped(ok)) return false;
        continue;
      }
      for (std::string_view r : d.required) {
        if (v.find(r).exists()) continue;
        message_facts facts = message_facts::about(r);
        facts.trigger = d.name;
        if (failed(ok, n, keyword::dependencies, v, facts, key_segment(r))) return false;
      }
    }
    const std::size_t count = v.size();
    if (n.min_properties >= 0 && count < static_cast<std::uint64_t>(n.min_properties)) {
      if (failed(ok, n, keyword::min_properties, v, message_facts::counted(count))) return false;
    }
    if (n.max_properties >= 0 && count > static_cast<std::uint64_t>(n.max_properties)) {
      if (failed(ok, n, keyword::max_properties, v, message_facts::counted(count))) return false;
    }
    return ok;
  }

  // Visits every member once: its property schema, matching patterns, additionalProperties,
  // propertyNames; then reports the required properties it did not see.
  bool check_members(const schema_node& n, const json_value& v) {
    bool ok = true;
    std::uint64_t seen = 0;  // bit i: names[i] is present (tables of up to 64 names)
    for (const json_member m : v.members()) {
      bool declared = false;
      const int i = n.find_name(m.key);
      if (i >= 0) {
        if (i < 64) seen |= std::uint64_t{1} << i;
        const std::int32_t s = n.names[static_cast<std::size_t>(i)].schema;
        if (s != no_node) {
          declared = true;
          if (!descend_key(s, m.key, m.value) && stopped(ok)) return false;
        }
      }
      for (const pattern_property& pp : n.pattern_properties) {
        if (!regex_search(pp.regex, m.key)) continue;
        declared = true;
        if (!descend_key(pp.schema, m.key, m.value) && stopped(ok)) return false;
      }
      if (!declared && n.additional_properties != no_node && !check_additional(n, m) &&
          stopped(ok)) {
        return false;
      }
      if (n.property_names != no_node && !check_property_name(n, m) && stopped(ok)) {
        return false;
      }
    }
    for (std::size_t i = 0; i < n.names.size(); ++i) {
      const named_property& np = n.names[i];
      if (!np.required || has(n, v, i, seen)) continue;
      if (failed(ok, n, keyword::required, v, message_facts::about(np.name), key_segment(np.name)))
        return false;
    }
    return ok;
  }

  static bool has(const schema_node& n, const json_value& v, std::size_t i, std::uint64_t seen) {
    if (n.names.size() <= 64) return seen & (std::uint64_t{1} << i);
    return v.find(n.names[i].name).exists();
  }

  bool check_additional(const schema_node& n, const json_member& m) {
    const schema_node& extra = p_.nodes[static_cast<std::size_t>(n.additional_properties)];
    if (extra.always_false) {
      // Reported by the object's node so its title and x-messages name the object.
      message_facts f = message_facts::about(m.key);
      if constexpr (Full) f.suggestion = suggestion(n, m.key);
      fail(n, keyword::additional_properties, m.value, f, key_segment(m.key));
      return false;
    }
    return descend_key(n.additional_properties, m.key, m.value);
  }

  static std::string_view suggestion(const schema_node& n, std::string_view key) {
    std::vector<std::string_view> declared;
    for (const named_property& np : n.names) {
      if (np.schema != no_node) declared.push_back(np.name);
    }
    return closest_name(key, declared);
  }

  // propertyNames checks a name, which is not a value of the instance: give it a document.
  bool check_property_name(const schema_node& n, const json_member& m) {
    std::string quoted;
    append_json_string(quoted, m.key);
    json_document name;
    if (!name.parse(quoted)) return true;
    evaluator<false> fast(p_, nullptr);
    if (fast.eval(n.property_names, name.root())) return true;
    fail(n, keyword::property_names, m.value, message_facts::about(m.key), key_segment(m.key));
    return false;
  }

  void add_defaults(const schema_node& n, const json_value& v) {
    const std::uint64_t seen = present_names(n, v);
    std::string object_path;
    for (std::size_t i = 0; i < n.names.size() && i < 64; ++i) {
      if (!(n.default_mask & (std::uint64_t{1} << i)) || (seen & (std::uint64_t{1} << i))) continue;
      if (object_path.empty() && !path_.empty()) object_path = pointer(nullptr);
      out_->defaults.push_back(
          {object_path, std::string(n.names[i].name), n.names[i].default_json});
    }
  }

  static std::uint64_t present_names(const schema_node& n, const json_value& v) {
    std::uint64_t seen = 0;
    for (const json_member m : v.members()) {
      const int i = n.find_name(m.key);
      if (i >= 0 && i < 64) seen |= std::uint64_t{1} << i;
    }
    return seen;
  }

  // ---- arrays ----

  bool check_array(const schema_node& n, const json_value& v) {
    bool ok = true;
    std::size_t i = 0;
    bool contained = n.contains == no_node;
    for (const json_value item : v.items()) {
      std::int32_t s = n.items;
      if (n.items_is_tuple) s = i < n.tuple_items.size() ? n.tuple_items[i] : n.additional_items;
      if (s != no_node) {
        const bool extra = n.items_is_tuple && i >= n.tuple_items.size();
        if (extra && p_.nodes[static_cast<std::size_t>(s)].always_false) {
          if (failed(ok, n, keyword::additional_items, item, {}, index_segment(i))) return false;
        } else if (!descend_index(s, i, item) && stopped(ok)) {
          return false;
        }
      }
      if (!contained) {
        evaluator<false> fast(p_, nullptr);
        contained = fast.eval(n.contains, item);
      }
      ++i;
    }
    if (!contained) {
      if (failed(ok, n, keyword::contains, v)) return false;
    }
    const std::size_t count = i;
    if (n.min_items >= 0 && count < static_cast<std::uint64_t>(n.min_items)) {
      if (failed(ok, n, keyword::min_items, v, message_facts::counted(count))) return false;
    }
    if (n.max_items >= 0 && count > static_cast<std::uint64_t>(n.max_items)) {
      if (failed(ok, n, keyword::max_items, v, message_facts::counted(count))) return false;
    }
    if (n.unique_items) {
      if constexpr (Full) {
        std::vector<std::size_t> later;
        find_duplicates(v, &later);
        for (std::size_t at : later) {
          if (failed(ok, n, keyword::unique_items, v.at(at), {}, index_segment(at))) return false;
        }
      } else if (find_duplicates(v, nullptr)) {
        return false;
      }
    }
    return ok;
  }

  // ---- strings and numbers ----

  bool check_string(const schema_node& n, const json_value& v) {
    bool ok = true;
    const std::string_view s = v.as_string();
    if (n.min_length >= 0 || n.max_length >= 0) {
      const std::size_t length = count_code_points(s);
      if (n.min_length >= 0 && length < static_cast<std::uint64_t>(n.min_length)) {
        if (failed(ok, n, keyword::min_length, v, message_facts::counted(length))) return false;
      }
      if (n.max_length >= 0 && length > static_cast<std::uint64_t>(n.max_length)) {
        if (failed(ok, n, keyword::max_length, v, message_facts::counted(length))) return false;
      }
    }
    if (n.pattern >= 0 && !regex_search(n.pattern, s)) {
      if (failed(ok, n, keyword::pattern, v)) return false;
    }
    if (n.format != format_kind::none && !format_ok(n.format, s)) {
      if (failed(ok, n, keyword::format, v)) return false;
    }
    return ok;
  }

  static bool format_ok(format_kind f, std::string_view s) {
    switch (f) {
      case format_kind::email:
        return is_email(s);
      case format_kind::uuid:
        return is_uuid(s);
      case format_kind::regex:
        return is_regex(s);
      case format_kind::none:
        break;
    }
    return true;
  }

  bool check_number(const schema_node& n, const json_value& v) {
    const double d = v.as_number();
    const std::pair<bool, keyword> checks[] = {
        {n.minimum.present && d < n.minimum.value, keyword::minimum},
        {n.maximum.present && d > n.maximum.value, keyword::maximum},
        {n.exclusive_minimum.present && d <= n.exclusive_minimum.value, keyword::exclusive_minimum},
        {n.exclusive_maximum.present && d >= n.exclusive_maximum.value, keyword::exclusive_maximum},
        {n.multiple_of.present && !is_multiple(d, n.multiple_of.value), keyword::multiple_of},
    };
    bool ok = true;
    for (const auto& [broken, k] : checks) {
      if (!broken) continue;
      if (failed(ok, n, k, v)) return false;
    }
    return ok;
  }

  // ---- applicators ----

  bool check_applicators(const schema_node& n, const json_value& v) {
    bool ok = true;
    for (std::int32_t s : n.all_of) {
      if (!eval(s, v) && stopped(ok)) return false;
    }
    if (!n.any_of.empty() && !check_any_of(n, v) && stopped(ok)) return false;
    if (!n.one_of.empty() && !check_one_of(n, v) && stopped(ok)) return false;
    if (n.not_ != no_node) {
      evaluator<false> fast(p_, nullptr);
      if (fast.eval(n.not_, v) && failed(ok, n, keyword::not_, v)) return false;
    }
    if (n.if_ != no_node) {
      evaluator<false> fast(p_, nullptr);
      // then/else errors are their own keywords' errors, with their own x-messages.
      const std::int32_t branch = fast.eval(n.if_, v) ? n.then_ : n.else_;
      if (branch != no_node && !eval(branch, v) && stopped(ok)) return false;
    }
    return ok;
  }

  bool check_any_of(const schema_node& n, const json_value& v) {
    evaluator<false> fast(p_, nullptr);
    for (std::int32_t s : n.any_of) {
      if (!fast.eval(s, v)) continue;
      if constexpr (Full) eval(s, v);  // again, for the defaults it holds
      return true;
    }
    if constexpr (Full) report_branches(n, keyword::any_of, n.any_of, v);
    return false;
  }

  bool check_one_of(const schema_node& n, const json_value& v) {
    evaluator<false> fast(p_, nullptr);
    std::int32_t match = no_node;
    for (std::int32_t s : n.one_of) {
      if (!fast.eval(s, v)) continue;
      if (match != no_node) {
        message_facts several;
        several.several = true;
        fail(n, keyword::one_of, v, several);
        return false;
      }
      match = s;
    }
    if (match != no_node) {
      if constexpr (Full) eval(match, v);
      return true;
    }
    if constexpr (Full) report_branches(n, keyword::one_of, n.one_of, v);
    return false;
  }

  // No branch matched. Drop the branches written for another kind of value — first those
  // whose tag does not match, then, if several remain, those missing a required property —
  // never dropping them all. If one branch remains, its own errors say what to fix; otherwise
  // one error for n.
  void report_branches(const schema_node& n, keyword k, const std::vector<std::int32_t>& branches,
                       const json_value& v) {
    std::vector<eval_error>& errors = out_->errors;
    const std::size_t base = errors.size();
    const std::size_t defaults_base = out_->defaults.size();
    const std::size_t saved_limit = limit_;
    struct range {
      std::size_t begin, end;
      mismatch worst;
      bool kept;
    };
    std::vector<range> ranges;
    for (std::int32_t s : branches) {
      const std::size_t begin = errors.size();
      limit_ = begin + max_errors;
      eval(s, v);
      range r{begin, errors.size(), mismatch::none, true};
      for (std::size_t e = r.begin; e < r.end; ++e) {
        const std::uint32_t below = errors[e].depth - static_cast<std::uint32_t>(path_.size());
        r.worst = std::max(r.worst, mismatch_of(errors[e].kw, below));
      }
      ranges.push_back(r);
    }
    limit_ = saved_limit;
    out_->defaults.resize(defaults_base);
    std::size_t remaining = ranges.size();
    for (mismatch level : {mismatch::tag, mismatch::required}) {
      std::size_t matching = 0;
      for (const range& r : ranges) matching += r.kept && r.worst >= level;
      if (remaining == 1 || matching == remaining) continue;
      for (range& r : ranges) r.kept = r.kept && r.worst < level;
      remaining -= matching;
    }
    if (remaining == 1) {
      const range& kept =
          *std::find_if(ranges.begin(), ranges.end(), [](const range& r) { return r.kept; });
      std::vector<eval_error> own(std::make_move_iterator(errors.begin() + kept.begin),
                                  std::make_move_iterator(errors.begin() + kept.end));
      errors.resize(base);
      for (eval_error& e : own) {
        if (errors.size() >= limit_) break;
        errors.push_back(std::move(e));
      }
      return;
    }
    errors.resize(base);
    fail(n, k, v);
  }

  // ---- paths and reporting ----

  bool descend_key(std::int32_t s, std::string_view key, const json_value& v) {
    if constexpr (Full) path_.push_back({key, 0, true});
    const bool ok = eval(s, v);
    if constexpr (Full) path_.pop_back();
    return ok;
  }

  bool descend_index(std::int32_t s, std::size_t index, const json_value& v) {
    if constexpr (Full) path_.push_back({{}, index, false});
    const bool ok = eval(s, v);
    if constexpr (Full) path_.pop_back();
    return ok;
  }

  std::size_t error_count() const {
    if constexpr (Full) return out_->errors.size();
    return 0;
  }

  // A check failed: note it in ok, then fail() or stopped() tell whether to end the walk.
  bool failed(bool& ok, const schema_node& n, keyword k, const json_value& v,
              message_facts facts = {}, std::optional<path_segment> child = std::nullopt) {
    ok = false;
    return fail(n, k, v, facts, child);
  }
  bool stopped(bool& ok) const {
    ok = false;
    return stop();
  }

  // Whether the walk must end now: always in the fast walk, at the cap in the full one.
  bool stop() const {
    if constexpr (Full) return out_->errors.size() >= limit_;
    return true;
  }

  std::string pointer(const path_segment* extra) const {
    std::string out;
    for (const path_segment& s : path_) {
      if (s.is_key)
        append_pointer_token(out, s.key);
      else
        append_pointer_index(out, s.index);
    }
    if (extra) {
      if (extra->is_key)
        append_pointer_token(out, extra->key);
      else
        append_pointer_index(out, extra->index);
    }
    return out;
  }

  static path_segment key_segment(std::string_view key) { return {key, 0, true}; }
  static path_segment index_segment(std::size_t index) { return {{}, index, false}; }

  // Records that keyword k of node n failed on v. The error's path is v's, or one level below
  // it (`child`: a missing or extra property, a duplicate element). Returns stop().
  bool fail(const schema_node& n, keyword k, const json_value& v, message_facts facts = {},
            std::optional<path_segment> child = std::nullopt) {
    if constexpr (Full) {
      if (out_->errors.size() < limit_) {
        facts.instance = v;
        eval_error e{
            {pointer(child ? &*child : nullptr),
             std::string(n.x_code.empty() || k == keyword::schema ? keyword_name(k) : n.x_code),
             schema_message(p_, n, k, facts)},
            k,
            static_cast<std::uint32_t>(path_.size())};
        out_->errors.push_back(std::move(e));
      }
    }
    return stop();
  }

  const schema_program& p_;
  eval_output* out_;
  std::uint32_t depth_ = 0;
  std::vector<path_segment> path_;  // the full walk's instance location
  std::size_t limit_ = max_errors;  // the error cap, raised while trying oneOf/anyOf branches
};

}  // namespace

bool eval_fast(const schema_program& program, const json_value& instance) {
  if (program.root == no_node) return false;
  return evaluator<false>(program, nullptr).eval(program.root, instance);
}

void root_defaults(const schema_program& program, const json_value& instance, eval_output& out) {
  if (program.root == no_node) return;
  evaluator<true>(program, &out).defaults_of(program.root, instance);
}

void eval_full(const schema_program& program, const json_value& instance, eval_output& out) {
  if (program.root == no_node) return;
  out.errors.reserve(8);  // a broken body usually has a few errors: grow once, not four times
  evaluator<true>(program, &out).eval(program.root, instance);
  // allOf branches may both reach one object: keep the first default for each property.
  std::vector<default_insertion> unique;
  for (default_insertion& d : out.defaults) {
    bool repeated = false;
    for (const default_insertion& u : unique) {
      repeated = repeated || (u.object_path == d.object_path && u.property == d.property);
    }
    if (!repeated) unique.push_back(std::move(d));
  }
  out.defaults = std::move(unique);
}

}  // namespace invitekit::detail
