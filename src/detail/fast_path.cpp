// invitekit detail: what the generated fast paths share (see fast_path.h).
#include "detail/fast_path.h"

#include <array>
#include <string>

#include "detail/utf8.h"

namespace invitekit::detail {
namespace {

// True if pointer `outer` is `inner` or one of its ancestors ("/a" contains "/a/0", not "/ab").
bool pointer_contains(std::string_view outer, std::string_view inner) {
  return inner.substr(0, outer.size()) == outer &&
         (inner.size() == outer.size() || inner[outer.size()] == '/');
}

}  // namespace

bool hides_warning(std::string_view error_path, std::string_view warning_path) {
  // The whole body's errors ("", a oneOf say) concern other fields: they hide no field's warning.
  return pointer_contains(warning_path, error_path) ||
         (!error_path.empty() && pointer_contains(error_path, warning_path));
}

// Bytes a string holds as they are: one load per byte in json_scanner::string's loop.
constexpr auto plain_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

bool json_scanner::take_after_ws(char c) {
  skip_ws();
  if (p_ == end_ || *p_ != c) return false;
  ++p_;
  return true;
}

bool json_scanner::string(std::string_view& out) {
  if (!take('"')) return false;
  // Locals, not the members: a char load may alias them, which would make the loop store and
  // reload p_ at every byte.
  const char* p = p_;
  const char* const end = end_;
  const char* const start = p;
  for (;;) {
    if (p == end) return false;
    const auto c = static_cast<unsigned char>(*p);
    if (plain_bytes[c]) {
      ++p;
      continue;
    }
    if (c == '"') break;
    if (c < 0x80) return false;  // an escape, or a control character the parser rejects
    const int length = utf8_sequence_length(p, static_cast<std::size_t>(end - p));
    if (length == 0) return false;
    p += length;
  }
  out = std::string_view(start, static_cast<std::size_t>(p - start));
  p_ = p + 1;
  return true;
}

bool json_scanner::integer(double& out) {
  skip_ws();
  const char* p = p_;
  const bool negative = p != end_ && *p == '-';
  if (negative) ++p;
  const char* digits = p;
  double value = 0;
  while (p != end_ && *p >= '0' && *p <= '9') value = value * 10 + (*p++ - '0');
  const std::size_t count = static_cast<std::size_t>(p - digits);
  if (count == 0 || count > 15 || (digits[0] == '0' && count > 1)) return false;
  if (p != end_ && (*p == '.' || *p == 'e' || *p == 'E')) return false;
  if (negative && value == 0) return false;
  out = negative ? -value : value;
  p_ = p;
  return true;
}

const fast_endpoint* fast_validate(std::string_view id, std::string_view text, fast_verdict& verdict) {
  const fast_endpoint* e = find_fast_endpoint(id);
  return e != nullptr && fast_decide(*e, text, verdict) ? e : nullptr;
}

bool fast_decide(const fast_endpoint& fast, std::string_view text, fast_verdict& verdict) {
  // Over the parser's size limit the interpreter reports it.
  if (text.size() > json_limits{}.max_bytes || !fast.scan(text, verdict)) return false;
  if (verdict.error_count == 0 || verdict.warning_count == 0) return true;
  // A decided error next to warnings (the bulk oneOf with a duplicate id): drop the warnings
  // it hides, as validate() does.
  std::uint32_t kept = 0;
  for (std::uint32_t w = 0; w < verdict.warning_count; ++w) {
    const fast_issue warning = verdict.warnings[w];
    const std::string path = fast_issue_text(fast, warning).path;
    bool hidden = false;
    for (std::uint32_t i = 0; i < verdict.error_count && !hidden; ++i)
      hidden = hides_warning(fast_issue_text(fast, verdict.errors[i]).path, path);
    if (!hidden) verdict.warnings[kept++] = warning;
  }
  verdict.warning_count = kept;
  return true;
}

validation_result fast_result(const fast_endpoint& e, const fast_verdict& verdict, std::string_view text,
                              validate_options options) {
  validation_result result;
  result.valid = verdict.valid;
  for (std::uint32_t i = 0; i < verdict.error_count; ++i) result.errors.push_back(fast_issue_text(e, verdict.errors[i]));
  for (std::uint32_t i = 0; i < verdict.warning_count; ++i)
    result.warnings.push_back(fast_issue_text(e, verdict.warnings[i]));
  if (options.with_value) result.value = fast_value(e, verdict, text);
  return result;
}

std::string fast_value(const fast_endpoint& e, const fast_verdict& verdict, std::string_view text) {
  std::string out;
  out.reserve(text.size() + 32);
  bool in_string = false;
  for (const char c : text) {
    if (in_string) {
      in_string = c != '"';  // no escapes: a quote ends the string
    } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      continue;
    } else {
      in_string = c == '"';
    }
    out += c;
  }
  if (verdict.defaults == 0) return out;
  out.pop_back();  // the top-level object's '}'
  for (std::uint32_t i = 0; i < e.default_count; ++i) {
    if (!(verdict.defaults & (1u << i))) continue;
    if (out.back() != '{') out += ',';
    append_json_string(out, e.defaults[i].name);
    out += ':';
    out += e.defaults[i].json;
  }
  out += '}';
  return out;
}

issue fast_issue_text(const fast_endpoint& e, fast_issue i) {
  const fast_rule& r = e.rules[i.rule];
  issue out{std::string(r.path), std::string(r.code), std::string(r.message)};
  if (i.index >= 0) {
    out.path += '/';
    out.path += std::to_string(i.index);
  }
  return out;
}

}  // namespace invitekit::detail
