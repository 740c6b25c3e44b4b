// invitekit admin page: the batch in localStorage (see batch_store.h).
#include "batch_store.h"

#include <algorithm>
#include <string>

#include "browser.h"
#include "catalog.h"

namespace invitekit::web::batch_store {
namespace {

constexpr const char* k_table_key = "invitekit.batch";
constexpr const char* k_run_key = "invitekit.batch.run";

std::string row_key(std::size_t index) { return "invitekit.batch.row." + std::to_string(index); }

bool store(const std::string& key, const json& value) {
  return browser::storage_set(false, key.c_str(), json_text(value));
}

json stored(const std::string& key) { return parse_json(browser::storage_get(false, key.c_str())); }

int int_of(const json* value) { return value && value->is_number_integer() ? value->get<int>() : 0; }
double number_of(const json* value) { return value && value->is_number() ? value->get<double>() : 0; }

std::vector<std::string> strings_of(const json* value) {
  std::vector<std::string> out;
  if (value && value->is_array())
    for (const json& v : *value) out.push_back(text_of(&v));
  return out;
}

void read_row_record(batch_row& row, const json& record) {
  row_state state;
  if (!row_state_from_string(text_of(member(record, "state")), state)) return;
  row.state = state;
  row.attempt = int_of(member(record, "attempt"));
  row.throttled = int_of(member(record, "throttled"));
  row.tries = int_of(member(record, "tries"));
  row.not_before = number_of(member(record, "notBefore"));
  row.status = int_of(member(record, "status"));
  row.message = text_of(member(record, "message"));
  row.user_id = text_of(member(record, "userId"));
  row.invite_id = text_of(member(record, "inviteId"));
}

}  // namespace

bool save_table(const batch_state& b) {
  json rows = json::array();
  for (const batch_row& r : b.rows)
    rows.push_back({{"line", r.line}, {"cells", r.cells}, {"excluded", r.excluded}});
  json constants = json::object();
  for (const auto& [path, value] : b.constants) constants[path] = value;
  return store(k_table_key, {{"id", b.id},
                             {"endpoint", b.endpoint},
                             {"source", b.source},
                             {"header", b.header},
                             {"columns", b.columns},
                             {"constants", std::move(constants)},
                             {"rows", std::move(rows)}});
}

bool save_run(const batch_state& b) {
  return store(k_run_key, {{"id", b.id},
                           {"running", b.run.running},
                           {"cancelled", b.run.cancelled},
                           {"concurrency", b.run.concurrency},
                           {"resumeAt", b.run.resume_at},
                           {"only", b.run.only},
                           {"shown", b.shown}});
}

bool save_row(const batch_state& b, std::size_t index) {
  const batch_row& r = b.rows[index];
  return store(row_key(index), {{"id", b.id},
                                {"state", to_string(r.state)},
                                {"attempt", r.attempt},
                                {"throttled", r.throttled},
                                {"tries", r.tries},
                                {"notBefore", r.not_before},
                                {"status", r.status},
                                {"message", r.message},
                                {"userId", r.user_id},
                                {"inviteId", r.invite_id}});
}

bool load(batch_state& b, int& unknown) {
  unknown = 0;
  const json table = stored(k_table_key);
  const std::string id = text_of(member(table, "id"));
  const std::string endpoint = text_of(member(table, "endpoint"));
  if (id.empty() || find_endpoint(endpoint) == nullptr) return false;
  b.id = id;
  b.endpoint = endpoint;
  b.source = text_of(member(table, "source"));
  b.header = strings_of(member(table, "header"));
  b.columns = strings_of(member(table, "columns"));
  b.columns.resize(b.header.size());
  b.constants.clear();
  if (const json* constants = member(table, "constants"); constants && constants->is_object())
    for (const auto& [path, value] : constants->items()) b.constants[path] = text_of(&value);
  b.rows.clear();
  if (const json* rows = member(table, "rows"); rows && rows->is_array()) {
    for (const json& r : *rows) {
      batch_row row;
      row.line = static_cast<std::size_t>(int_of(member(r, "line")));
      row.cells = strings_of(member(r, "cells"));
      const json* excluded = member(r, "excluded");
      row.excluded = excluded && excluded->is_boolean() && excluded->get<bool>();
      b.rows.push_back(std::move(row));
    }
  }

  const json run = stored(k_run_key);
  if (text_of(member(run, "id")) == id) {
    const json* running = member(run, "running");
    const json* cancelled = member(run, "cancelled");
    const json* shown = member(run, "shown");
    b.run.running = running && running->is_boolean() && running->get<bool>();
    b.run.cancelled = cancelled && cancelled->is_boolean() && cancelled->get<bool>();
    b.shown = shown && shown->is_boolean() && shown->get<bool>();
    if (const int concurrency = int_of(member(run, "concurrency")); concurrency > 0) b.run.concurrency = concurrency;
    b.run.resume_at = number_of(member(run, "resumeAt"));
    if (const json* only = member(run, "only"); only && only->is_array())
      for (const json& i : *only)
        if (i.is_number_unsigned() && i.get<std::size_t>() < b.rows.size()) b.run.only.push_back(i.get<std::size_t>());
    std::sort(b.run.only.begin(), b.run.only.end());
  }
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    const json record = stored(row_key(i));
    if (text_of(member(record, "id")) == id) read_row_record(b.rows[i], record);
  }
  recheck_batch(b);  // the core's reading of every row; rows sent keep the state read above
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    if (b.rows[i].state != row_state::sending) continue;
    b.rows[i].state = row_state::unknown;
    b.rows[i].message = "The page closed while this row was being sent: it may or may not have arrived.";
    save_row(b, i);
    ++unknown;
  }
  return true;
}

void forget(std::size_t rows, bool everything) {
  for (std::size_t i = 0; i < rows; ++i) browser::storage_remove(false, row_key(i).c_str());
  if (everything) {
    browser::storage_remove(false, k_table_key);
    browser::storage_remove(false, k_run_key);
  }
}

}  // namespace invitekit::web::batch_store
