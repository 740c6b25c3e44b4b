// invitekit detail: running a compiled schema against a value — the walk every keyword's check()
// is written against (see detail/keyword_support.h).
//
// One walker serves both uses. Collecting, it records every failure (path, code, message — the
// message is only built then) until the error cap, and the defaults of objects that validated.
// Probing (probe(), or a walker made without an output), it answers yes or no and stops at the
// first failure: "if", "not", "contains" and the branches of anyOf/oneOf are probed.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/json_pointer.h"
#include "detail/schema_program.h"
#include "schema.h"

namespace invitekit::detail {

struct walk_error {
  issue item;
  std::string_view keyword;  // the keyword that failed (item.code may be an x-code instead)
  std::uint32_t depth;       // how deep in the value the failing keyword was evaluated
};

struct walk_output {
  std::vector<walk_error> errors;           // at most max_errors
  std::vector<default_insertion> defaults;  // in the order found
  std::optional<issue> abandoned;           // the walk gave up (see schema_walker::abandon): the
                                            // only error that counts
};

template <class Json>
class schema_walker {
 public:
  // Collects into `out` (with the defaults of objects that validated, unless `defaults` is
  // false), or only probes when out is nullptr.
  schema_walker(const schema_program& program, walk_output* out, bool defaults = true)
      : p_(program), out_(out), collecting_(out != nullptr), defaults_(defaults) {}

  // Whether v matches node `index`.
  bool eval(std::int32_t index, const Json& v) {
    if (abandoned_) return false;
    if (depth_ >= max_eval_depth) return abandon("The schema behind this check refers to itself without end.");
    if (++evaluations_ > max_evaluations) return abandon("The schema is too complex to check this value against.");
    const schema_node& n = node(index);
    ++depth_;
    const bool ok = eval_node(n, v);
    --depth_;
    return ok;
  }

  // eval without recording anything.
  bool probe(std::int32_t index, const Json& v) {
    const bool collecting = std::exchange(collecting_, false);
    const bool ok = eval(index, v);
    collecting_ = collecting;
    return ok;
  }

  // eval of a member or element of the value being checked (its errors' paths go one deeper).
  bool descend(std::int32_t index, path_segment step, const Json& v) {
    if (!collecting_) return eval(index, v);
    path_.push_back(step);
    const bool ok = eval(index, v);
    path_.pop_back();
    return ok;
  }

  // Records that `keyword` of node n failed on the value being checked (its error's path is the
  // value's, or `child` below it: a missing or extra member, a repeated element). `message` is
  // called for the sentence unless the node's x-messages has one. Returns stopped().
  template <class Message>
  bool fail(const schema_node& n, std::string_view keyword, Message&& message,
            std::optional<path_segment> child = std::nullopt) {
    if (!collecting_) return true;
    if (out_->errors.size() < limit_) {
      std::string words;
      if (auto custom = n.x_messages.find(keyword); custom != n.x_messages.end() && custom->is_string())
        words = string_of(*custom);
      else
        words = message();
      const bool own_code = !n.x_code.empty() && keyword != "schema";
      out_->errors.push_back({{pointer(child), std::string(own_code ? std::string_view(n.x_code) : keyword), std::move(words)},
                              keyword,
                              static_cast<std::uint32_t>(path_.size())});
    }
    return stopped();
  }

  // Whether the walk must end now: at any failure when probing, at the error cap when collecting.
  bool stopped() const { return !collecting_ || out_->errors.size() >= limit_; }
  // Whether the walk gave up: its answer is "no", whatever the value.
  bool abandoned() const { return abandoned_; }
  bool collecting() const { return collecting_; }
  const schema_node& node(std::int32_t index) const { return p_.nodes[static_cast<std::size_t>(index)]; }

  // No branch of anyOf/oneOf matched. Drop the branches written for another kind of value —
  // first those whose tag (a const, an enum, the value's type) does not match, then, if several
  // remain, those missing a required member — never dropping them all. If one branch remains,
  // its own errors say what to fix; otherwise one error for n.
  template <class Message>
  void report_branches(const schema_node& n, std::string_view keyword, const std::vector<std::int32_t>& branches,
                       const Json& v, Message&& message) {
    if (!collecting_) return;
    std::vector<walk_error>& errors = out_->errors;
    const std::size_t base = errors.size(), defaults_base = out_->defaults.size(), saved_limit = limit_;
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
      for (std::size_t e = r.begin; e < r.end; ++e)
        r.worst = std::max(r.worst, mismatch_of(errors[e].keyword, errors[e].depth - static_cast<std::uint32_t>(path_.size())));
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
      const range& kept = *std::find_if(ranges.begin(), ranges.end(), [](const range& r) { return r.kept; });
      std::vector<walk_error> own(std::make_move_iterator(errors.begin() + static_cast<std::ptrdiff_t>(kept.begin)),
                                  std::make_move_iterator(errors.begin() + static_cast<std::ptrdiff_t>(kept.end)));
      errors.resize(base);
      for (walk_error& e : own) {
        if (errors.size() >= limit_) break;
        errors.push_back(std::move(e));
      }
      return;
    }
    errors.resize(base);
    fail(n, keyword, message);
  }

 private:
  // Nested subschema evaluations allowed at once. Values are at most 64 deep, so only a schema
  // that loops without descending ({"$ref": "#"} at its own root) gets here.
  static constexpr std::uint32_t max_eval_depth = 512;
  // Subschema evaluations allowed in one walk: over a hundred times what the worst 1 MiB body
  // costs the endpoints' schemas (about 27 000), and a fraction of a second. Only a schema whose
  // branches each lead back to it ({"anyOf": [{"items": {"$ref": "#"}}, {"items": {"$ref": "#"}}]})
  // gets here, where the work doubles at every level of the value.
  static constexpr std::uint32_t max_evaluations = 1u << 22;

  // Gives up on the whole walk: every eval from now on fails at once, so that branches that
  // would each run into the same loop are not tried one by one (2^512 of them under a
  // {"anyOf": [{"$ref": "#"}, {"$ref": "#"}]}). The one error is recorded even when probing.
  bool abandon(std::string message) {
    abandoned_ = true;
    if (out_ != nullptr && !out_->abandoned) out_->abandoned = issue{pointer(std::nullopt), "schema", std::move(message)};
    return false;
  }

  // How strongly a failed keyword says a oneOf/anyOf branch was written for another kind of
  // value. A tag (a const or enum, or the value's own type) is the clearest sign; a missing
  // required property is weaker (it may be the very mistake to report).
  enum class mismatch : std::uint8_t { none, required, tag };

  static mismatch mismatch_of(std::string_view keyword, std::uint32_t below_branch) {
    if (keyword == "type") return below_branch == 0 ? mismatch::tag : mismatch::none;
    if (keyword == "const" || keyword == "enum") return below_branch <= 1 ? mismatch::tag : mismatch::none;
    if (keyword == "required") return below_branch == 0 ? mismatch::required : mismatch::none;
    return mismatch::none;
  }

  bool eval_node(const schema_node& n, const Json& v) {
    if (n.ref != no_node) return eval(n.ref, v);
    if (n.always_false) {
      fail(n, "false", [] { return std::string("This value is not allowed here."); });
      return false;
    }
    const std::size_t errors_before = collecting_ ? out_->errors.size() : 0;
    const std::uint8_t kind = kind_of(v);
    bool ok = true;
    for (const checked_keyword& k : n.checks) {
      if ((k.applies_to & kind) == 0) continue;
      if (std::visit([&](const auto& keyword) { return keyword.check(v, n, *this); }, k.check)) continue;
      ok = false;
      if (stopped()) return false;
    }
    if (collecting_ && defaults_ && !n.defaults.empty() && v.is_object() && out_->errors.size() == errors_before)
      add_defaults(n, v);
    return ok;
  }

  void add_defaults(const schema_node& n, const Json& v) {
    std::string object_path;
    bool path_known = false;
    for (const property_default& d : n.defaults) {
      if (members_of(v).count(d.name) != 0) continue;
      if (!path_known) object_path = pointer(std::nullopt), path_known = true;
      // allOf branches may both reach one object: the first default for a property stays.
      bool repeated = false;
      for (const default_insertion& known : out_->defaults)
        repeated = repeated || (known.property == d.name && known.object_path == object_path);
      if (!repeated) out_->defaults.push_back({object_path, d.name, d.value});
    }
  }

  std::string pointer(const std::optional<path_segment>& child) const {
    std::string out;
    const auto append = [&](const path_segment& s) {
      if (s.is_key) append_pointer_token(out, s.key);
      else append_pointer_index(out, s.index);
    };
    for (const path_segment& s : path_) append(s);
    if (child) append(*child);
    return out;
  }

  const schema_program& p_;
  walk_output* out_;
  bool collecting_;
  const bool defaults_;
  std::uint32_t depth_ = 0;
  std::uint32_t evaluations_ = 0;
  bool abandoned_ = false;
  std::vector<path_segment> path_;  // the collecting walk's place in the value
  std::size_t limit_ = max_errors;  // the error cap, raised while trying anyOf/oneOf branches
};

}  // namespace invitekit::detail
