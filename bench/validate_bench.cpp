// invitekit benchmark: validation throughput of invitekit next to valijson, in one run.
//
// For every endpoint, a valid body (the docs' example) and a broken one are validated from JSON
// text (parse + validate, both sides parsing with nlohmann) and from an already parsed
// nlohmann::json — the very same document for both, so the row compares the validators alone.
// valijson gets the same schema (the endpoint description's "schema") through its nlohmann
// adapter, and collects its error descriptions as ours does.
// After Google Benchmark's own table, one summary row per case ends in ratio=<ours/valijson>
// (throughput of ours divided by valijson's: above 1 means faster).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "catalog.h"
#include "json_text.h"
#include "validate.h"

namespace {

struct bench_case {
  std::string endpoint;
  std::string kind;  // "valid" or "broken"
  std::string body;
};

// The docs' examples (bulk: the website half — the docs' own example sends both lists, which
// the docs forbid) and a broken variant of each with several errors at once.
std::vector<bench_case> make_cases() {
  return {
      {"athena.createInvite", "valid",
       R"({"type":"organization","invite_method":"email","email":"user@example.com","role":"viewer","first_name":"John","last_name":"Doe"})"},
      {"athena.createInvite", "broken",
       R"({"type":"website","invite_method":"fax","email":"not-an-email","role":"owner","emial":"x"})"},
      {"athena.bulkInvite", "valid",
       R"({"invite_method":"direct","email":"user@example.com","role":"viewer","website_ids":["123e4567-e89b-12d3-a456-426614174000","987e6543-e21b-12d3-a456-426614174000"],"first_name":"John","last_name":"Doe"})"},
      {"athena.bulkInvite", "broken",
       R"({"invite_method":"direct","email":"user@@example.com","website_ids":["123e4567-e89b-12d3-a456-426614174000","nope"],"group_ids":[]})"},
      {"usersOrganizations.createInvite", "valid",
       R"({"firstName":"John","lastName":"Doe","email":"test@mail.com","permissions":{"group":0}})"},
      {"usersOrganizations.createInvite", "broken",
       R"({"firstName":"John","email":".test..x@mail.c","permissions":{"group":-1,"read":["a"]}})"},
  };
}

// valijson's view of one endpoint: its schema parsed once.
struct valijson_endpoint {
  valijson::Schema schema;
};

valijson_endpoint& valijson_for(const std::string& id) {
  static std::map<std::string, valijson_endpoint> cache;
  auto found = cache.find(id);
  if (found != cache.end()) return found->second;
  valijson_endpoint& entry = cache[id];
  const nlohmann::json description = invitekit::find_endpoint(id)->description;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(description.at("schema"));
  parser.populateSchema(adapter, entry.schema);
  return entry;
}

void ours_text(benchmark::State& state, const bench_case& c) {
  for (auto _ : state) {
    auto result = invitekit::validate(c.endpoint, c.body);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

// The errors and warnings only, as valijson gives: no copy of the body with its defaults.
void ours_parsed(benchmark::State& state, const bench_case& c) {
  const auto doc = nlohmann::json::parse(c.body);
  for (auto _ : state) {
    auto result = invitekit::validate(c.endpoint, doc, {.with_value = false});
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

void valijson_text(benchmark::State& state, const bench_case& c) {
  valijson_endpoint& v = valijson_for(c.endpoint);
  valijson::Validator validator;
  for (auto _ : state) {
    const auto doc = nlohmann::json::parse(c.body);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    valijson::ValidationResults results;
    bool ok = validator.validate(v.schema, adapter, &results);
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}

void valijson_parsed(benchmark::State& state, const bench_case& c) {
  valijson_endpoint& v = valijson_for(c.endpoint);
  valijson::Validator validator;
  const auto doc = nlohmann::json::parse(c.body);
  for (auto _ : state) {
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    valijson::ValidationResults results;
    bool ok = validator.validate(v.schema, adapter, &results);
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}

// Collects items/s per benchmark name while the console reporter prints as usual.
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      auto items = run.counters.find("items_per_second");
      if (items != run.counters.end()) rates[run.benchmark_name()] = items->second.value;
    }
  }
  std::map<std::string, double> rates;
};

}  // namespace

int main(int argc, char** argv) {
  const std::vector<bench_case> cases = make_cases();
  std::vector<std::string> rows;
  for (const bench_case& c : cases) {
    for (const char* input : {"text", "parsed"}) {
      const std::string row = c.endpoint + "/" + c.kind + "/" + input;
      rows.push_back(row);
      const bool text = std::string(input) == "text";
      benchmark::RegisterBenchmark(("ours/" + row).c_str(), text ? ours_text : ours_parsed, c);
      benchmark::RegisterBenchmark(("valijson/" + row).c_str(), text ? valijson_text : valijson_parsed, c);
    }
  }
  benchmark::Initialize(&argc, argv);
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);

  std::printf("\n%-52s %14s %14s\n", "case", "ours ops/s", "valijson ops/s");
  for (const std::string& row : rows) {
    const double ours = reporter.rates["ours/" + row];
    const double theirs = reporter.rates["valijson/" + row];
    if (ours <= 0 || theirs <= 0) continue;  // filtered out with --benchmark_filter
    std::printf("%-52s %14.0f %14.0f ratio=%.1f\n", row.c_str(), ours, theirs, ours / theirs);
  }
  benchmark::Shutdown();
  return 0;
}
