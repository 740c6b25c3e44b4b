// invitekit WebAssembly bindings: the core's public API for wasm/lib/api.js, bound with Embind.
//
// Arguments arrive as Embind converts them: strings as std::string (api.js passes a body that is
// not well-formed UTF-16 as its bytes, a Uint8Array, which Embind copies as they are), the
// request options as a value_object. Results go back as JS objects built here with
// emscripten::val; JSON documents (an endpoint's description, a body with its defaults) go back
// as their JSON text, which JSON.parse turns into JS values exactly (a "__proto__" member stays
// a member). Names are mapped to camelCase only in the EMSCRIPTEN_BINDINGS block at the bottom.
#include <emscripten/bind.h>

#include <string>

#include "invitekit.h"

namespace {

using emscripten::val;

// The member names of validate()'s results, each made a JS string once: a key given as a C
// string is read into a new JS string at every set(), a tenth of a small result's time.
struct keys {
  val path{"path"}, code{"code"}, message{"message"}, valid{"valid"}, errors{"errors"}, warnings{"warnings"},
      defaults{"defaults"};
};
const keys& key() {
  static const keys k;
  return k;
}

// Sets object[key]. Out of line: inlined at every member of every result, the setters were the
// largest functions of the module.
[[gnu::noinline]] void set(val& object, const char* key, const val& value) { object.set(key, value); }
[[gnu::noinline]] void set(val& object, const val& key, const val& value) { object.set(key, value); }
[[gnu::noinline]] void set_text(val& object, const char* key, const std::string& text) { object.set(key, text); }
[[gnu::noinline]] void set_text(val& object, const val& key, const std::string& text) { object.set(key, text); }
// A string the API reports as null when empty (an absent id, message, …).
[[gnu::noinline]] void set_text_or_null(val& object, const char* key, const std::string& text) {
  if (text.empty()) object.set(key, val::null());
  else object.set(key, text);
}

// [{path, code, message}, …]
val issues_of(const invitekit::issue_list& issues) {
  val list = val::array();
  for (std::size_t i = 0; i < issues.size(); ++i) {
    val item = val::object();
    set_text(item, key().path, issues[i].path);
    set_text(item, key().code, issues[i].code);
    set_text(item, key().message, issues[i].message);
    list.set(i, item);
  }
  return list;
}

// [{description}, …]: every endpoint's whole description, in catalog order, as JSON text.
std::string endpoints_json() {
  std::string out = "[";
  for (const auto& e : invitekit::endpoints()) {
    if (out.size() > 1) out += ',';
    out += e.description_json;
  }
  return out + "]";
}

// {valid, errors, warnings, defaults}: defaults ([{objectPath, property, value}, value as JSON
// text]) are what the schema fills into the body — api.js adds them to JSON.parse of the body
// when `value` is read, rather than every call writing the whole body out again; null when the
// body is not JSON or with_defaults is false.
val validate(const std::string& id, const std::string& body, bool with_defaults) {
  const invitekit::validation_result r =
      invitekit::validate(id, std::string_view(body), {.with_value = with_defaults});
  val out = val::object();
  set(out, key().valid, val(r.valid));
  set(out, key().errors, issues_of(r.errors));
  set(out, key().warnings, issues_of(r.warnings));
  if (r.value.is_null()) {
    set(out, key().defaults, val::null());
    return out;
  }
  val defaults = val::array();
  for (std::size_t i = 0; i < r.defaults.size(); ++i) {
    val d = val::object();
    set_text(d, "objectPath", r.defaults[i].object_path);
    set_text(d, "property", r.defaults[i].property);
    set_text(d, "value", invitekit::to_json_text(r.defaults[i].value));
    defaults.set(i, d);
  }
  set(out, key().defaults, defaults);
  return out;
}

// {ok, errors, warnings, request: {method, url, headers: [[name, value], …], body} | null}
val build_request(const std::string& id, const std::string& body, const invitekit::request_options& options) {
  const invitekit::build_result r = invitekit::build_request(id, std::string_view(body), options);
  val out = val::object();
  set(out, "ok", val(r.ok));
  set(out, "errors", issues_of(r.errors));
  set(out, "warnings", issues_of(r.warnings));
  if (!r.ok) {
    set(out, "request", val::null());
    return out;
  }
  val headers = val::array();
  for (std::size_t i = 0; i < r.request.headers.size(); ++i) {
    val pair = val::array();
    pair.set(0, r.request.headers[i].first);
    pair.set(1, r.request.headers[i].second);
    headers.set(i, pair);
  }
  val request = val::object();
  set_text(request, "method", r.request.method);
  set_text(request, "url", r.request.url);
  set(request, "headers", headers);
  set_text(request, "body", r.request.body);
  set(out, "request", request);
  return out;
}

// headers: [[name, value], …] of strings (api.js makes them so).
invitekit::http_response response_of(int status, const val& headers, const std::string& body, const std::string& request) {
  invitekit::http_response response;
  response.status = status;
  const unsigned count = headers["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) {
    const val pair = headers[i];
    response.headers.emplace_back(pair[0].as<std::string>(), pair[1].as<std::string>());
  }
  response.body = body;
  response.request_body = request;
  return response;
}

// {outcome, status, message, inviteId, userId, results: [...], retryAfter, warnings}
val reading_of(const invitekit::response_reading& r) {
  val results = val::array();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const invitekit::target_result& t = r.results[i];
    val row = val::object();
    set_text(row, "targetId", t.target_id);
    set_text(row, "targetKind", t.target_kind);
    set(row, "success", val(t.success));
    set_text_or_null(row, "message", t.message);
    set_text_or_null(row, "error", t.error);
    set_text_or_null(row, "userId", t.user_id);
    set_text_or_null(row, "inviteId", t.invite_id);
    results.set(i, row);
  }
  val out = val::object();
  set_text(out, "outcome", invitekit::to_string(r.result));
  set(out, "status", val(r.status));
  set_text(out, "message", r.message);
  set_text_or_null(out, "inviteId", r.invite_id);
  set_text_or_null(out, "userId", r.user_id);
  set(out, "results", results);
  set(out, "retryAfter", r.retry_after ? val(*r.retry_after) : val::null());
  set(out, "warnings", issues_of(r.warnings));
  return out;
}

val read_response(const std::string& id, int status, const val& headers, const std::string& body,
                  const std::string& request) {
  return reading_of(invitekit::read_response(id, response_of(status, headers, body, request)));
}

// After try number `attempt` of a batch's row: {state, delayMs, pauseBatch, stopBatch, reason,
// reading}; status 0 means no answer came (reading is then null), `cut` that the answer's body
// was cut off after its status.
val next_step(const std::string& id, int status, const val& headers, const std::string& body, const std::string& request,
              int attempt, bool cut) {
  invitekit::send_step step;
  val reading = val::null();
  if (status == 0) {
    step = invitekit::after_network_error(attempt);
  } else {
    const invitekit::response_reading r = invitekit::read_response(id, response_of(status, headers, body, request));
    step = cut ? invitekit::after_cut_answer(r, attempt) : invitekit::after_response(r, attempt);
    reading = reading_of(r);
  }
  val out = val::object();
  set_text(out, "state", invitekit::to_string(step.state));
  set(out, "delayMs", val(step.delay_ms));
  set(out, "pauseBatch", val(step.pause_batch));
  set(out, "stopBatch", val(step.stop_batch));
  set_text(out, "reason", step.reason);
  set(out, "reading", reading);
  return out;
}

// [text, …] as JS strings.
val texts_of(const std::vector<std::string>& texts) {
  val list = val::array();
  for (std::size_t i = 0; i < texts.size(); ++i) list.set(i, texts[i]);
  return list;
}

// {separator, header, rows: [{line, cells}], errors}
val read_table(const std::string& text) {
  const invitekit::table t = invitekit::read_table(text);
  val rows = val::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    val row = val::object();
    set(row, "line", val(static_cast<double>(t.rows[i].line)));
    set(row, "cells", texts_of(t.rows[i].cells));
    rows.set(i, row);
  }
  val out = val::object();
  set_text(out, "separator", std::string(1, t.separator));
  set(out, "header", texts_of(t.header));
  set(out, "rows", rows);
  set(out, key().errors, issues_of(t.errors));
  return out;
}

// cells: [text, …] (api.js makes them so).
std::string table_line(const val& cells) {
  std::vector<std::string> texts;
  const unsigned count = cells["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) texts.push_back(cells[i].as<std::string>());
  return invitekit::table_line(texts);
}

// options: {columns: [field, …], constants: [[field, text], …]} (api.js makes them so).
// {separator, columns: [{header, field}], rows: [{line, body (JSON text), valid, errors,
// warnings}], validCount, errors, warnings}
val read_invite_table(const std::string& id, const std::string& text, const val& options) {
  invitekit::table_options o;
  const val columns = options["columns"];
  const unsigned column_count = columns["length"].as<unsigned>();
  for (unsigned i = 0; i < column_count; ++i) o.columns.push_back(columns[i].as<std::string>());
  const val constants = options["constants"];
  const unsigned constant_count = constants["length"].as<unsigned>();
  for (unsigned i = 0; i < constant_count; ++i) {
    const val pair = constants[i];
    o.constants[pair[0].as<std::string>()] = pair[1].as<std::string>();
  }
  const invitekit::invite_table t = invitekit::read_invite_table(id, text, o);

  val column_list = val::array();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    val c = val::object();
    set_text(c, "header", t.columns[i].header);
    set_text(c, "field", t.columns[i].field);
    column_list.set(i, c);
  }
  val rows = val::array();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const invitekit::table_invite& r = t.rows[i];
    val row = val::object();
    set(row, "line", val(static_cast<double>(r.line)));
    set_text(row, "body", invitekit::to_json_text(r.body));
    set(row, key().valid, val(r.valid));
    set(row, key().errors, issues_of(r.errors));
    set(row, key().warnings, issues_of(r.warnings));
    rows.set(i, row);
  }
  val out = val::object();
  set_text(out, "separator", std::string(1, t.separator));
  set(out, "columns", column_list);
  set(out, "rows", rows);
  set(out, "validCount", val(static_cast<double>(t.valid_count)));
  set(out, key().errors, issues_of(t.errors));
  set(out, key().warnings, issues_of(t.warnings));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(invitekit) {
  using namespace emscripten;
  value_object<invitekit::credentials>("Credentials")
      .field("apiKey", &invitekit::credentials::api_key)
      .field("bearerToken", &invitekit::credentials::bearer_token)
      .field("sessionToken", &invitekit::credentials::session_token);
  value_object<invitekit::request_options>("RequestOptions")
      .field("baseUrl", &invitekit::request_options::base_url)
      .field("credentials", &invitekit::request_options::credentials);

  function("endpointsJson", &endpoints_json);
  function("validate", &validate);
  function("buildRequest", &build_request);
  function("readResponse", &read_response);
  function("nextStep", &next_step);
  function("readInviteTable", &read_invite_table);
  function("readTable", &read_table);
  function("tableLine", &table_line);
}
