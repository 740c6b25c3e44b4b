// invitekit: read_response() — an endpoint's HTTP response read as success, partial or failure,
// driven by the description's "responses" section.
#include "read_response.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "detail/compiled_endpoint.h"
#include "detail/json_equal.h"
#include "detail/json_pointer.h"

namespace invitekit {

const char* to_string(outcome o) {
  switch (o) {
    case outcome::success: return "success";
    case outcome::partial: return "partial";
    case outcome::failure: return "failure";
  }
  return "failure";
}

namespace {

// ---- Headers and Retry-After -------------------------------------------------------------

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::string_view> header(const header_list& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (equal_ignoring_case(key, name)) return trimmed(value);
  return std::nullopt;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// An HTTP date in any of the three forms RFC 9110 asks recipients to accept —
// "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994" —
// as seconds since 1970. In all three the first number is the day and the second the year.
std::optional<std::int64_t> parse_http_date(std::string_view text) {
  static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  int month = 0, numbers = 0, hms_found = 0;
  std::int64_t day = 0, year = 0, h = 0, mi = 0, s = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == '-') { ++i; continue; }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != ',' && text[j] != '-') ++j;
    const std::string_view token = text.substr(i, j - i);
    i = j;
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      if (token.find(':') != std::string_view::npos) {
        int parts[3] = {-1, -1, -1}, n = 0;
        for (char d : token) {
          if (d == ':') { if (++n > 2) return std::nullopt; continue; }
          if (!std::isdigit(static_cast<unsigned char>(d))) return std::nullopt;
          parts[n] = (parts[n] < 0 ? 0 : parts[n] * 10) + (d - '0');
          if (parts[n] > 99) return std::nullopt;
        }
        if (n != 2 || parts[0] < 0 || parts[1] < 0 || parts[2] < 0) return std::nullopt;
        h = parts[0], mi = parts[1], s = parts[2], hms_found = 1;
        continue;
      }
      if (token.size() > 4) return std::nullopt;
      std::int64_t value = 0;
      for (char d : token) {
        if (!std::isdigit(static_cast<unsigned char>(d))) return std::nullopt;
        value = value * 10 + (d - '0');
      }
      if (numbers == 0) day = value;
      else if (numbers == 1) year = token.size() <= 2 ? (value < 70 ? 2000 + value : 1900 + value) : value;
      else return std::nullopt;
      ++numbers;
      continue;
    }
    if (token.size() == 3) {
      for (int m = 0; m < 12; ++m)
        if (equal_ignoring_case(token, months[m])) month = m + 1;
    }
    // Anything else is the weekday or "GMT": neither changes the instant.
  }
  if (month == 0 || numbers != 2 || !hms_found || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + h * 3600 + mi * 60 + s;
}

// Retry-After as seconds: a number of seconds, or an HTTP date measured against the response's
// own Date header (the server's clock, not ours — they may disagree by minutes). A date without
// a Date header, or anything unreadable, is ignored rather than guessed at.
std::optional<int> retry_after_seconds(const header_list& headers) {
  const auto value = header(headers, "Retry-After");
  if (!value || value->empty()) return std::nullopt;
  bool all_digits = true;
  for (char c : *value) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  if (all_digits) {
    std::int64_t seconds = 0;
    for (char c : *value) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > std::numeric_limits<int>::max()) return std::numeric_limits<int>::max();
    }
    return static_cast<int>(seconds);
  }
  const auto when = parse_http_date(*value);
  const auto date = header(headers, "Date");
  if (!when || !date) return std::nullopt;
  const auto now = parse_http_date(*date);
  if (!now) return std::nullopt;
  const std::int64_t delta = *when - *now;
  if (delta <= 0) return 0;
  return delta > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(delta);
}

// ---- Plain sentences --------------------------------------------------------------------

std::string seconds_phrase(int seconds) {
  return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
}

// What to tell an admin when the server gave no message of its own.
std::string status_sentence(int status, std::optional<int> retry_after) {
  const std::string code = std::to_string(status);
  switch (status) {
    case 400: return "The server rejected the invite as invalid (status 400). Check the fields and try again.";
    case 401: return "The API key or token was not accepted. Check it and try again.";
    case 403: return "The API key or token is not allowed to send this invite (status 403).";
    case 404: return "The server did not find what the invite refers to (status 404). Check the IDs and the server URL.";
    case 409: return "The invite conflicts with what already exists (status 409): the person may already be a member or invited.";
    case 422: return "The server could not process the invite (status 422). Check the fields and try again.";
    case 429:
      if (retry_after) return "Too many requests: wait " + seconds_phrase(*retry_after) + " and try again.";
      return "Too many requests: wait a moment and try again.";
    default: break;
  }
  if (status >= 500 && status <= 599) {
    if (retry_after) return "The server had a problem (status " + code + "): wait " + seconds_phrase(*retry_after) + " and try again.";
    return "The server had a problem (status " + code + "). Try again later.";
  }
  if (status >= 400 && status <= 499) return "The server refused the request (status " + code + ").";
  return "The server answered with an unexpected status (" + code + "). Check the server URL.";
}

// ---- Reading the body -------------------------------------------------------------------
// A value that may be missing is a pointer (nullptr: missing), as resolve_pointer gives it.

const json* member(const json* object, std::string_view key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

// A string member of the description ("" when absent): mostly pointers into the answer.
std::string_view member_text(const json* object, std::string_view key) {
  const json* v = member(object, key);
  return v != nullptr && v->is_string() ? std::string_view(detail::string_of(*v)) : std::string_view();
}

// The elements of an array, or none.
const json::array_t& elements(const json* v) {
  static const json::array_t none;
  const auto* array = v != nullptr ? v->get_ptr<const json::array_t*>() : nullptr;
  return array != nullptr ? *array : none;
}

// The value a description pointer names in the answer; an absent pointer names nothing (where
// "" would name the whole answer).
const json* field(const json* body, std::string_view pointer) {
  return pointer.empty() || body == nullptr ? nullptr : detail::resolve_pointer(*body, pointer);
}

// A text field of the answer: a string, or a number's decimal text (users-organizations ids).
std::string text_at(const json* body, std::string_view pointer) {
  const json* v = field(body, pointer);
  if (v == nullptr) return {};
  if (v->is_string()) return detail::string_of(*v);
  // A whole number written with a fraction or an exponent (1.0, 1e2) is still an id: "100".
  if (v->is_number_float() && detail::is_integer(*v) && std::fabs(detail::number_of(*v)) < 9.0e15)
    return std::to_string(static_cast<std::int64_t>(detail::number_of(*v)));
  if (v->is_number()) return to_json_text(*v);
  return {};
}

// The server's own words about a failure: the first errorMessageFields pointer holding a
// non-empty string, or a list of strings (validation frameworks send one per field).
std::string server_message(const json* responses, const json* body) {
  for (const json& where : elements(member(responses, "errorMessageFields"))) {
    const json* v = field(body, detail::string_of(where));
    if (v == nullptr) continue;
    if (v->is_string() && !detail::string_of(*v).empty()) return detail::string_of(*v);
    std::string joined;
    for (const json& item : elements(v)) {
      if (!item.is_string() || detail::string_of(item).empty()) continue;
      if (!joined.empty()) joined += "; ";
      joined += detail::string_of(item);
    }
    if (!joined.empty()) return joined;
  }
  return {};
}

void warn(response_reading& out, std::string path, std::string message) {
  if (out.warnings.size() < max_errors) out.warnings.push_back({std::move(path), codes::response, std::move(message)});
}

// Every concrete location matching a pointer whose "*" tokens stand for every array element,
// e.g. "/results/*/user_id" → "/results/0/user_id", … (only the ones that exist).
void for_each_match(const json* value, std::string_view rest, std::string& path,
                    const std::function<void(const std::string&)>& found) {
  if (value == nullptr) return;
  if (rest.empty()) return found(path);
  rest.remove_prefix(1);  // the '/'
  const std::size_t end = rest.find('/');
  const std::string_view token = rest.substr(0, end);
  const std::string_view after = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  const std::size_t mark = path.size();
  if (token == "*") {
    std::size_t index = 0;
    for (const json& item : elements(value)) {
      detail::append_pointer_index(path, index++);
      for_each_match(&item, after, path, found);
      path.resize(mark);
    }
    return;
  }
  // The token is still escaped (~0, ~1): resolve_pointer unescapes it, and the path keeps it.
  path += '/';
  path += token;
  for_each_match(detail::resolve_pointer(*value, std::string("/").append(token)), after, path, found);
  path.resize(mark);
}

// The contract rules: what the API promises never to send back for a given request.
void check_contract(const json* responses, const json& sent, const json& body, response_reading& out) {
  for (const json& rule : elements(member(responses, "contract"))) {
    bool applies = true;
    if (const json* when = member(&rule, "when"); when != nullptr && when->is_object())
      for (auto condition = when->begin(); condition != when->end(); ++condition) {
        const json* actual = field(&sent, condition.key());
        applies = applies && actual != nullptr && detail::json_equal(*actual, condition.value());
      }
    if (!applies) continue;
    const std::string message(member_text(&rule, "message"));
    std::string path;
    for_each_match(&body, member_text(&rule, "absent"), path,
                   [&](const std::string& where) { warn(out, where, message); });
  }
}

struct target_spec {
  std::string_view kind, request_list, result_field;
};

std::string plural(std::string_view noun, std::size_t count) {
  return std::string(noun) + (count == 1 ? "" : "s");
}

// "website or group", from the description's target kinds.
std::string kinds_phrase(const std::vector<target_spec>& targets) {
  std::string s;
  for (std::size_t i = 0; i < targets.size(); ++i) s += (i ? " or " : "") + std::string(targets[i].kind);
  return s.empty() ? "target" : s;
}

// A bulk answer: one row per target, checked against the targets that were sent (sent may be
// nullptr: not known).
void read_results(const json* responses, const json& body, const json* sent, response_reading& out) {
  const json* mapping = member(responses, "results");
  const std::string_view results_pointer = member_text(member(responses, "fields"), "results");
  std::vector<target_spec> targets;
  for (const json& t : elements(member(mapping, "targets")))
    targets.push_back({member_text(&t, "kind"), member_text(&t, "requestList"), member_text(&t, "resultField")});
  const std::string kinds = kinds_phrase(targets);

  // (kind, id) pairs, in sets: a hostile answer may hold tens of thousands of rows.
  using target_key = std::pair<std::string_view, std::string_view>;
  std::set<target_key> requested, answered;
  std::vector<target_key> requested_in_order;
  for (const target_spec& t : targets)
    for (const json& id : elements(field(sent, t.request_list)))
      if (id.is_string() && requested.insert({t.kind, detail::string_of(id)}).second)
        requested_in_order.push_back({t.kind, detail::string_of(id)});

  const json* rows = field(&body, results_pointer);
  std::size_t index = 0, succeeded = 0;
  for (const json& row : elements(rows)) {
    std::string row_path(results_pointer);
    detail::append_pointer_index(row_path, index++);
    target_result r;
    const target_spec* spec = nullptr;
    std::string_view id;
    for (const target_spec& t : targets) {
      const json* v = field(&row, t.result_field);
      if (v != nullptr && v->is_string()) {
        id = detail::string_of(*v);
        spec = &t;
        break;
      }
    }
    const json* ok = field(&row, member_text(mapping, "success"));
    r.success = ok != nullptr && ok->is_boolean() && ok->get<bool>();
    r.message = text_at(&row, member_text(mapping, "message"));
    r.error = text_at(&row, member_text(mapping, "error"));
    r.user_id = text_at(&row, member_text(mapping, "userId"));
    r.invite_id = text_at(&row, member_text(mapping, "inviteId"));
    succeeded += r.success;

    if (spec == nullptr) {
      warn(out, row_path, "The server returned a result that does not say which " + kinds + " it is for.");
    } else {
      r.target_id = id;
      r.target_kind = spec->kind;
      const std::string where = row_path + std::string(spec->result_field);
      const std::string target = r.target_kind + " " + r.target_id;
      if (sent != nullptr && !requested.count({spec->kind, id}))
        warn(out, where, "The server returned a result for " + target + ", which was not in the request.");
      else if (!answered.insert({spec->kind, id}).second)
        warn(out, where, "The server returned two results for " + target + ".");
    }
    out.results.push_back(std::move(r));
  }

  // Targets that were sent but got no row: their fate is unknown, so they are reported rather
  // than guessed as failed. (An empty list gets one warning below, not one per target.)
  if (!out.results.empty())
    for (const target_key& t : requested_in_order)
      if (!answered.count(t))
        warn(out, std::string(results_pointer),
             "The server returned no result for " + std::string(t.first) + " " + std::string(t.second) + ".");

  const std::size_t total = out.results.size();
  const std::string none = "The server returned no result for any " + kinds + ".";
  if (rows != nullptr && rows->is_array() && total == 0) warn(out, std::string(results_pointer), none);
  out.result = total == 0 ? outcome::failure
             : succeeded == total ? outcome::success
             : succeeded == 0 ? outcome::failure
             : outcome::partial;

  if (total == 0) {
    out.message = none;
    return;
  }
  std::string_view noun = out.results.front().target_kind;
  for (const target_result& r : out.results)
    if (r.target_kind != noun) noun = "target";
  if (noun.empty()) noun = "target";
  out.message = std::to_string(succeeded) + " of " + std::to_string(total) + " " + plural(noun, total) + " succeeded";
  out.message += succeeded == total ? "." : "; " + std::to_string(total - succeeded) + " failed.";
}

// The API's documented response shape, checked on success only: error bodies are not promised.
void check_shape(const detail::compiled_endpoint& ep, const json& body, response_reading& out) {
  if (!ep.has_response_schema) return;
  for (const issue& e : ep.response_schema.validate(body).errors) {
    // "/data/userId" reads as 'data/userId' in a sentence.
    std::string where = "the answer as a whole";
    if (!e.path.empty()) where.assign(1, '\'').append(e.path, 1).push_back('\'');
    if (e.code == "required")
      warn(out, e.path, "The server's answer has no " + where + ", which the API documents as always present.");
    else
      warn(out, e.path, "The server's answer has a value for " + where + " that the API does not document (" + e.code + ").");
  }
}

// The reading of a response whose body (if any) is parsed: nullptr when empty or not JSON, in
// which case `body_text` says which.
response_reading read_parsed(std::string_view endpoint_id, int status, const header_list& headers, const json* body,
                             std::string_view body_text, const json* sent) {
  response_reading out;
  out.status = status;
  const detail::compiled_endpoint* ep = detail::find_compiled_endpoint(endpoint_id);
  if (ep == nullptr) {
    issue unknown = detail::unknown_endpoint_issue(endpoint_id);
    out.message = unknown.message;
    out.warnings.push_back(std::move(unknown));
    return out;
  }
  const json* responses = member(&ep->info->description, "responses");
  const json* fields = member(responses, "fields");

  if (status == 429 || status == 503) out.retry_after = retry_after_seconds(headers);

  const bool accepted = status >= 200 && status <= 299;
  if (!accepted) {
    out.result = outcome::failure;
    out.message = body != nullptr ? server_message(responses, body) : std::string();
    if (out.message.empty()) out.message = status_sentence(status, out.retry_after);
    return out;
  }

  bool documented = false;
  for (const json& s : elements(member(responses, "successStatuses")))
    documented = documented || (s.is_number() && detail::number_of(s) == status);
  if (!documented)
    warn(out, "", "The server answered with status " + std::to_string(status) + ", which the API does not document for this call.");

  const std::string_view success_message = member_text(responses, "successMessage");
  const std::string fallback = !success_message.empty() ? std::string(success_message) : std::string("The server accepted the invite.");
  if (body == nullptr) {
    warn(out, "", body_text.empty() ? "The server's answer was empty, so its details could not be read."
                                    : "The server's answer is not JSON, so its details could not be read.");
    // A 2xx says a single invite went through; only its details are lost. A bulk call's rows
    // are lost with them, and claiming every target succeeded would be a guess.
    if (member(responses, "results") != nullptr) {
      out.result = outcome::failure;
      out.message = "The server accepted the request, but its answer could not be read, so which targets succeeded is unknown.";
    } else {
      out.result = outcome::success;
      out.message = fallback;
    }
    return out;
  }

  check_shape(*ep, *body, out);
  out.message = text_at(body, member_text(fields, "message"));
  out.invite_id = text_at(body, member_text(fields, "inviteId"));
  out.user_id = text_at(body, member_text(fields, "userId"));

  if (member(responses, "results") != nullptr) {
    const std::string server_words = out.message;
    read_results(responses, *body, sent, out);
    if (!server_words.empty()) out.message = server_words;
  } else {
    out.result = outcome::success;
    if (out.message.empty()) out.message = fallback;
  }

  // "success": false in a 2xx is the server saying no, whatever the rows say.
  const json* said = field(body, member_text(fields, "success"));
  if (said != nullptr && said->is_boolean() && !said->get<bool>()) {
    out.result = outcome::failure;
    const std::string why = server_message(responses, body);
    out.message = !why.empty() ? why : "The server reported that the invite did not go through.";
  }

  if (sent != nullptr) check_contract(responses, *sent, *body, out);
  return out;
}

}  // namespace

response_reading read_response(std::string_view endpoint_id, const http_response& response) {
  json_limits limits;
  limits.subject = "The server's answer";
  json_parse_result body, sent;
  if (!response.body.empty()) body = parse_json(response.body, limits);
  if (!response.request_body.empty()) sent = parse_json(response.request_body);
  return read_parsed(endpoint_id, response.status, response.headers, body.ok ? &body.value : nullptr, response.body,
                     sent.ok ? &sent.value : nullptr);
}

response_reading read_response(std::string_view endpoint_id, int status, const header_list& headers, const json& body,
                               const json& request_body) {
  return read_parsed(endpoint_id, status, headers, body.is_null() ? nullptr : &body, {},
                     request_body.is_null() ? nullptr : &request_body);
}

}  // namespace invitekit
