// invitekit WebAssembly bindings: the core's public API for wasm/lib/api.js, bound with Embind
// (whose types are in embind_types.cpp).
//
// The protocol is deliberately narrow, because crossing the boundary is what costs time:
//   - JS writes every string argument, UTF-8, back to back into one reusable input buffer
//     (TextEncoder.encodeInto, no per-call allocation) and passes only their byte lengths;
//   - C++ writes the result as compact JSON into one reusable output buffer and returns its
//     address; its length is read from a fixed address (output_length_address).
// validate's usual result is a fast-path verdict: a few 32-bit words that JS reads straight
// from memory, so it builds the result without decoding or parsing any text. Names are mapped to
// camelCase only in the EMSCRIPTEN_BINDINGS block at the bottom.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "detail/compiled_endpoint.h"
#include "detail/fast_path.h"
#include "invitekit.h"

namespace {

using invitekit::append_json_string;
using invitekit::issue_list;

std::vector<char> input;           // written by JS, see input_buffer
std::string output;                // read by JS
std::uint32_t output_length = 0;   // at a fixed address: JS reads it after every call

// Reserves room for `size` bytes of arguments and returns where JS writes them. The address
// stays valid until the next call of input_buffer.
std::uintptr_t input_buffer(std::uint32_t size) {
  if (input.size() < size) input.resize(size);
  return reinterpret_cast<std::uintptr_t>(input.data());
}

std::uintptr_t output_length_address() { return reinterpret_cast<std::uintptr_t>(&output_length); }

// Hands `output` to JS.
std::uintptr_t finish() {
  output_length = static_cast<std::uint32_t>(output.size());
  return reinterpret_cast<std::uintptr_t>(output.data());
}

// Splits the input buffer into consecutive arguments of the given byte lengths.
class argument_reader {
 public:
  std::string_view next(std::uint32_t length) {
    std::string_view arg(input.data() + offset_, length);
    offset_ += length;
    return arg;
  }
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_ = 0;
};

// A small JSON writer for the results. Out of line on purpose: inlined, the appends of every
// field made the result functions most of the bindings' code size.
// Opens a member "name": after a comma unless it is the first in its object.
[[gnu::noinline]] void key(std::string& out, std::string_view name) {
  if (out.back() != '{') out += ',';
  out += '"';
  out += name;
  out += "\":";
}

[[gnu::noinline]] void raw_field(std::string& out, std::string_view name, std::string_view json) {
  key(out, name);
  out += json;
}

[[gnu::noinline]] void string_field(std::string& out, std::string_view name, std::string_view value) {
  key(out, name);
  append_json_string(out, value);
}

// A string the API reports as null when empty (an absent id, message, ...).
[[gnu::noinline]] void optional_field(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) {
    raw_field(out, name, "null");
  } else {
    string_field(out, name, value);
  }
}

void append_issues(std::string& out, const issue_list& issues) {
  out += '[';
  for (const auto& i : issues) {
    if (out.back() != '[') out += ',';
    out += '{';
    string_field(out, "path", i.path);
    string_field(out, "code", i.code);
    string_field(out, "message", i.message);
    out += '}';
  }
  out += ']';
}

[[gnu::noinline]] void issues_field(std::string& out, std::string_view name, const issue_list& issues) {
  key(out, name);
  append_issues(out, issues);
}

// [{description}, ...]: every endpoint's whole description, in catalog order.
std::uintptr_t endpoints_json() {
  output = "[";
  for (const auto& e : invitekit::endpoints()) {
    if (output.size() > 1) output += ',';
    output += e.description_json;
  }
  output += ']';
  return finish();
}

// The fast path of the catalog's endpoint `index`, or nullptr when it has none or its
// description is broken (the interpreter reports that). Looked up once per endpoint.
const invitekit::detail::fast_endpoint* fast_endpoint_at(std::size_t index) {
  constexpr std::size_t cached = 32;
  static const invitekit::detail::fast_endpoint* known[cached];
  static bool looked_up[cached];
  if (index < cached && looked_up[index]) return known[index];
  const std::string_view id = invitekit::endpoints()[index].id;
  const invitekit::detail::compiled_endpoint* ep = invitekit::detail::find_compiled_endpoint(id);
  const invitekit::detail::fast_endpoint* fast =
      ep != nullptr && ep->schema_errors.empty() ? invitekit::detail::find_fast_endpoint(id) : nullptr;
  if (index < cached) {
    known[index] = fast;
    looked_up[index] = true;
  }
  return fast;
}

// The same for an endpoint id; nullptr for one the catalog does not know.
const invitekit::detail::fast_endpoint* fast_endpoint_of(std::string_view id) {
  const auto& catalog = invitekit::endpoints();
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    if (catalog[i].id == id) return fast_endpoint_at(i);
  }
  return nullptr;
}

// The fast path's decision for a body's text, or false when the parser and interpreter must
// decide. Like validate().
bool fast_verdict_of(const invitekit::detail::fast_endpoint* fast, std::string_view body,
                     invitekit::detail::fast_verdict& verdict) {
  return fast != nullptr && invitekit::detail::fast_decide(*fast, body, verdict);
}

// Appends n in decimal.
void append_number(std::string& out, std::uint32_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// A verdict as 32-bit words: valid, defaults mask, error count, warning count, then a
// (rule, index) pair per error and per warning. JS turns rules into issues with the table
// from fast_table, so no text is written or parsed per call.
constexpr std::uint32_t verdict_words = 4 + 4 * invitekit::max_errors;
std::uint32_t verdict_out[verdict_words];
constexpr std::uint32_t verdict_marker = 0xFFFFFFFF;  // output_length of a verdict

// Writes a verdict's words into verdict_out and returns them.
std::uint32_t* verdict_words_of(const invitekit::detail::fast_verdict& v) {
  std::uint32_t* w = verdict_out;
  *w++ = v.valid ? 1 : 0;
  *w++ = v.defaults;
  *w++ = v.error_count;
  *w++ = v.warning_count;
  for (std::uint32_t i = 0; i < v.error_count; ++i) {
    *w++ = v.errors[i].rule;
    *w++ = static_cast<std::uint32_t>(v.errors[i].index);
  }
  for (std::uint32_t i = 0; i < v.warning_count; ++i) {
    *w++ = v.warnings[i].rule;
    *w++ = static_cast<std::uint32_t>(v.warnings[i].index);
  }
  return verdict_out;
}

std::uintptr_t finish_verdict(const invitekit::detail::fast_verdict& v) {
  output_length = verdict_marker;
  return reinterpret_cast<std::uintptr_t>(verdict_words_of(v));
}

// Arguments: endpoint id. Result: the endpoint's fast-path table, {"rules": [[path, code,
// message], ...], "defaults": [[name, json], ...]}, or null when it has no fast path.
std::uintptr_t fast_table(std::uint32_t id_length) {
  argument_reader args;
  const invitekit::detail::fast_endpoint* fast = invitekit::detail::find_fast_endpoint(args.next(id_length));
  if (fast == nullptr) {
    output = "null";
    return finish();
  }
  output = "{\"rules\":[";
  for (std::uint32_t i = 0; i < fast->rule_count; ++i) {
    const invitekit::detail::fast_rule& r = fast->rules[i];
    output += i ? ",[" : "[";
    append_json_string(output, r.path);
    output += ',';
    append_json_string(output, r.code);
    output += ',';
    append_json_string(output, r.message);
    output += ']';
  }
  output += "],\"defaults\":[";
  for (std::uint32_t i = 0; i < fast->default_count; ++i) {
    output += i ? ",[" : "[";
    append_json_string(output, fast->defaults[i].name);
    output += ',';
    append_json_string(output, fast->defaults[i].json);
    output += ']';
  }
  output += "]}";
  return finish();
}

// validate's result when the interpreter decided (the fast path decides the usual bodies):
// {"valid","errors","warnings"} followed by a newline and the value's JSON text (nothing after
// the newline: no value). The value is appended as it is, not as a JSON string: escaping every
// quote of the body and unescaping it again in JS was a fifth of a call.
std::uintptr_t interpreted_result(const invitekit::validation_result& r) {
  output = "{";
  raw_field(output, "valid", r.valid ? "true" : "false");
  issues_field(output, "errors", r.errors);
  issues_field(output, "warnings", r.warnings);
  output += "}\n";  // compact JSON has no raw newline: the first one ends the result
  output += r.value;
  return finish();
}

// Arguments: endpoint id, then the bodies back to back. count >= 0: the input then holds, at
// the next 4-byte boundary, `count` little-endian uint32 byte lengths, one per body.
// count < 0: the bodies are NDJSON text (one body per line; blank lines are skipped).
// Result: {"validCount","invalidCount","items":[[index, errors, warnings], ...],"fast":[address,
// words]} listing only the bodies with an error or a warning; index counts bodies (NDJSON:
// non-blank lines). "items" holds the interpreter's; those the fast path decided are 32-bit
// words at `address`: index, error count, warning count, then a (rule, index) pair per issue,
// as in a verdict (see finish_verdict), so no text is written or parsed for them.
std::vector<std::uint32_t> fast_items;  // validate_many's fast-path items, read by JS

std::uintptr_t validate_many(std::uint32_t id_length, std::uint32_t bodies_length,
                             std::int32_t count) {
  argument_reader args;
  auto id = args.next(id_length);
  auto bodies = args.next(bodies_length);
  std::size_t valid_count = 0, invalid_count = 0;
  std::string items;
  std::size_t index = 0;
  const invitekit::detail::fast_endpoint* fast = fast_endpoint_of(id);
  fast_items.clear();
  auto open_item = [&] {
    items += items.empty() ? "[" : ",[";
    append_number(items, static_cast<std::uint32_t>(index));
    items += ',';
  };
  auto check = [&](std::string_view body) {
    invitekit::detail::fast_verdict verdict;
    if (fast_verdict_of(fast, body, verdict)) {
      (verdict.valid ? valid_count : invalid_count)++;
      if (verdict.error_count || verdict.warning_count) {
        // The verdict's own words (finish_verdict), its index in place of "valid" and without
        // the defaults.
        std::uint32_t* words = verdict_words_of(verdict);
        words[1] = static_cast<std::uint32_t>(index);
        const std::uint32_t* end = words + 4 + 2 * (verdict.error_count + verdict.warning_count);
        for (const std::uint32_t* w = words + 1; w != end; ++w) fast_items.push_back(*w);
      }
      ++index;
      return;
    }
    // Items carry no value; the fast path was unsure.
    auto r = invitekit::validate(id, body, {.with_value = false, .fast_path = false});
    (r.valid ? valid_count : invalid_count)++;
    if (!r.errors.empty() || !r.warnings.empty()) {
      open_item();
      append_issues(items, r.errors);
      items += ',';
      append_issues(items, r.warnings);
      items += ']';
    }
    ++index;
  };
  if (count >= 0) {
    std::size_t table = (args.offset() + 3) & ~std::size_t{3};
    std::size_t offset = 0;
    for (std::int32_t i = 0; i < count; ++i) {
      std::uint32_t length;
      std::memcpy(&length, input.data() + table + 4 * static_cast<std::size_t>(i), 4);
      check(bodies.substr(offset, length));
      offset += length;
    }
  } else {
    // memchr and plain loops: string_view's find is three nested calls at -Oz, per line.
    const char* at = bodies.data();
    const char* const end = at + bodies.size();
    while (at != end) {
      const auto* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
      const char* line_end = newline ? newline : end;
      std::string_view text(at, static_cast<std::size_t>(line_end - at));
      at = newline ? newline + 1 : end;
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      std::size_t first = 0;  // the first character that is not a blank
      while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
      if (first < text.size()) check(text);
    }
  }
  output = "{\"validCount\":" + std::to_string(valid_count) +
           ",\"invalidCount\":" + std::to_string(invalid_count) + ",\"items\":[";
  output += items;
  output += "],\"fast\":[";
  append_number(output, static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(fast_items.data())));
  output += ',';
  append_number(output, static_cast<std::uint32_t>(fast_items.size()));
  output += "]}";
  return finish();
}

// Arguments: endpoint id, body text, base URL, API key, bearer token, session token.
// Result: {"ok","errors","warnings","request":{"method","url","headers":[[name,value]],"body"}|null}
std::uintptr_t build_request(std::uint32_t id_length, std::uint32_t body_length,
                             std::uint32_t base_url_length, std::uint32_t api_key_length,
                             std::uint32_t bearer_length, std::uint32_t session_length) {
  argument_reader args;
  auto id = args.next(id_length);
  auto body = args.next(body_length);
  invitekit::request_options options;
  options.base_url = args.next(base_url_length);
  options.credentials.api_key = args.next(api_key_length);
  options.credentials.bearer_token = args.next(bearer_length);
  options.credentials.session_token = args.next(session_length);
  auto r = invitekit::build_request(id, body, options);
  output = "{";
  raw_field(output, "ok", r.ok ? "true" : "false");
  issues_field(output, "errors", r.errors);
  issues_field(output, "warnings", r.warnings);
  if (!r.ok) {
    raw_field(output, "request", "null}");
    return finish();
  }
  raw_field(output, "request", "{");
  string_field(output, "method", r.request.method);
  string_field(output, "url", r.request.url);
  raw_field(output, "headers", "[");
  for (const auto& [name, value] : r.request.headers) {
    if (output.back() != '[') output += ',';
    output += '[';
    append_json_string(output, name);
    output += ',';
    append_json_string(output, value);
    output += ']';
  }
  output += ']';
  string_field(output, "body", r.request.body);
  output += "}}";
  return finish();
}

// Arguments: endpoint id, headers as JSON [[name, value], ...] (written by api.js, always
// well-formed), body text, sent body text (may be empty).
// Result: {"outcome","status","message","inviteId","userId","results":[...],"retryAfter","warnings"}
std::uintptr_t read_response(std::uint32_t id_length, std::int32_t status,
                             std::uint32_t headers_length, std::uint32_t body_length,
                             std::uint32_t request_length) {
  argument_reader args;
  auto id = args.next(id_length);
  invitekit::http_response response;
  response.status = status;
  invitekit::json_document headers;
  if (headers.parse(args.next(headers_length))) {
    for (auto pair : headers.root().items()) {
      response.headers.emplace_back(pair.at(0).as_string(), pair.at(1).as_string());
    }
  }
  response.body = args.next(body_length);
  response.request_body = args.next(request_length);
  auto r = invitekit::read_response(id, response);
  output = "{";
  string_field(output, "outcome", invitekit::to_string(r.result));
  raw_field(output, "status", std::to_string(r.status));
  string_field(output, "message", r.message);
  optional_field(output, "inviteId", r.invite_id);
  optional_field(output, "userId", r.user_id);
  raw_field(output, "results", "[");
  for (const auto& t : r.results) {
    if (output.back() != '[') output += ',';
    output += '{';
    string_field(output, "targetId", t.target_id);
    string_field(output, "targetKind", t.target_kind);
    raw_field(output, "success", t.success ? "true" : "false");
    optional_field(output, "message", t.message);
    optional_field(output, "error", t.error);
    optional_field(output, "userId", t.user_id);
    optional_field(output, "inviteId", t.invite_id);
    output += '}';
  }
  output += ']';
  raw_field(output, "retryAfter", r.retry_after ? std::to_string(*r.retry_after) : "null");
  issues_field(output, "warnings", r.warnings);
  output += '}';
  return finish();
}

}  // namespace

// validate and validateMany are plain exports, not Embind functions: Embind's generic invoker
// (this build has no dynamic code, so no generated ones) cost ~290 ns per call, more than
// validating a small body. JS calls them as Module._invitekit_validate(...).
extern "C" {
// Arguments: the endpoint's place in the catalog (endpoints_json's order) and the body text at
// the start of the input buffer; for an id the catalog does not know (index past its end,
// whose error names it), the id follows the body.
// Result: a fast-path verdict (output length verdict_marker, see finish_verdict), or the
// interpreter's result (see interpreted_result).
EMSCRIPTEN_KEEPALIVE std::uintptr_t invitekit_validate(std::uint32_t index, std::uint32_t body_length,
                                                       std::uint32_t id_length) {
  const std::string_view body(input.data(), body_length);
  const auto& catalog = invitekit::endpoints();
  const bool known = index < catalog.size();
  const std::string_view id = known ? std::string_view(catalog[index].id)
                                    : std::string_view(input.data() + body_length, id_length);
  invitekit::detail::fast_verdict verdict;
  if (known && fast_verdict_of(fast_endpoint_at(index), body, verdict)) return finish_verdict(verdict);
  return interpreted_result(invitekit::validate(id, body, {.fast_path = false}));
}
EMSCRIPTEN_KEEPALIVE std::uintptr_t invitekit_validate_many(std::uint32_t id_length,
                                                            std::uint32_t bodies_length,
                                                            std::int32_t count) {
  return validate_many(id_length, bodies_length, count);
}
}

EMSCRIPTEN_BINDINGS(invitekit) {
  using emscripten::function;
  function("inputBuffer", &input_buffer);
  function("outputLengthAddress", &output_length_address);
  function("endpointsJson", &endpoints_json);
  function("fastTable", &fast_table);
  function("buildRequest", &build_request);
  function("readResponse", &read_response);
}
