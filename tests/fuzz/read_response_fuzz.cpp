// invitekit fuzz target: read_response() (read_response.h). Input: selector byte, then fields
// status (decimal text), headers ("name: value" lines), body text, sent body text.
//   - never crashes or throws; the outcome is one of the three, with a message; warnings are
//     capped, each with a code and words; Retry-After is read only on 429 and 503, never negative;
//     "partial" means some rows succeeded and some did not;
//   - the overload taking parsed values reads the same response the same way;
//   - a body nested deeper than the parser allows, built in C++, is read without harm.
#include <algorithm>
#include <charconv>

#include "fuzz_support.h"
#include "read_response.h"

using namespace invitekit;
using invitekit::fuzz::check_issues;

namespace {

header_list headers_of(std::string_view lines) {
  header_list headers;
  while (!lines.empty()) {
    const std::size_t end = lines.find('\n');
    const std::string_view line = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) headers.emplace_back(std::string(line), "");
    else headers.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
  }
  return headers;
}

void check_reading(const response_reading& r, int status, std::string_view what, bool utf8) {
  check_issues(r.warnings, std::string(what) + " warnings", utf8);
  INVITEKIT_FUZZ_CHECK(r.result == outcome::success || r.result == outcome::partial || r.result == outcome::failure,
                       what);
  INVITEKIT_FUZZ_CHECK(r.status == status, what);
  INVITEKIT_FUZZ_CHECK(!r.message.empty(), std::string(what) + ": no message");
  INVITEKIT_FUZZ_CHECK(!utf8 || detail::is_utf8(r.message), std::string(what) + ": the message is not UTF-8");
  if (r.retry_after) {
    INVITEKIT_FUZZ_CHECK(status == 429 || status == 503, std::string(what) + ": Retry-After read on another status");
    INVITEKIT_FUZZ_CHECK(*r.retry_after >= 0, std::string(what) + ": negative Retry-After");
  }
  if (r.result == outcome::partial) {
    const auto succeeded = [](const target_result& t) { return t.success; };
    INVITEKIT_FUZZ_CHECK(std::any_of(r.results.begin(), r.results.end(), succeeded) &&
                             !std::all_of(r.results.begin(), r.results.end(), succeeded),
                         std::string(what) + ": partial without both kinds of row");
  }
}

bool same_rows(const std::vector<target_result>& a, const std::vector<target_result>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const target_result& x, const target_result& y) {
    return x.target_id == y.target_id && x.target_kind == y.target_kind && x.success == y.success &&
           x.message == y.message && x.error == y.error && x.user_id == y.user_id && x.invite_id == y.invite_id;
  });
}

bool same_reading(const response_reading& a, const response_reading& b) {
  return a.result == b.result && a.status == b.status && a.message == b.message && a.invite_id == b.invite_id &&
         a.user_id == b.user_id && a.retry_after == b.retry_after && a.warnings == b.warnings &&
         same_rows(a.results, b.results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::fuzz_input input(data, size);
  const std::string id = input.endpoint_id();
  const bool utf8 = detail::is_utf8(id);
  http_response response;
  const std::string status = input.next_field();
  std::from_chars(status.data(), status.data() + status.size(), response.status);  // unreadable: 0
  response.headers = headers_of(input.next_field());
  response.body = input.next_field();
  response.request_body = std::string(input.rest());

  const response_reading reading = read_response(id, response);
  check_reading(reading, response.status, "read_response(text)", utf8);

  // The same bodies parsed by the caller: the same reading. ("null" reads as no body there.)
  const json_parse_result body = parse_json(response.body);
  const json_parse_result sent = parse_json(response.request_body);
  const bool sent_usable = response.request_body.empty() || (sent.ok && !sent.value.is_null());
  if (body.ok && !body.value.is_null() && sent_usable) {
    const response_reading by_value =
        read_response(id, response.status, response.headers, body.value, sent.ok ? sent.value : json());
    check_reading(by_value, response.status, "read_response(json)", utf8);
    INVITEKIT_FUZZ_CHECK(same_reading(by_value, reading), "read_response(json) reads the response another way");
  }

  // Bodies nested deeper than the parser allows can still be handed over as values.
  const json_parse_result deep_body = parse_json(response.body, fuzz::any_depth(response.body.size()));
  const json_parse_result deep_sent = parse_json(response.request_body, fuzz::any_depth(response.request_body.size()));
  if ((deep_body.ok && !body.ok) || (deep_sent.ok && !sent.ok)) {
    const response_reading deep = read_response(id, response.status, response.headers, deep_body.value, deep_sent.value);
    check_reading(deep, response.status, "read_response(deep json)", utf8);
  }
  return 0;
}
