// invitekit detail: parses every endpoint description and compiles its schemas exactly once.
#include "detail/compiled_endpoint.h"

#include <memory>
#include <string>
#include <vector>

namespace invitekit::detail {
namespace {

// Compiles schema_value into out if it exists; a schema that does not compile is recorded so
// every call on that endpoint reports it instead of silently accepting everything.
bool compile_if_present(const json_value& schema_value, compiled_schema& out, issue_list& errors) {
  if (!schema_value.exists()) return false;
  out.compile(schema_value, &errors);
  return true;
}

std::unique_ptr<compiled_endpoint> compile_endpoint(const endpoint_info& info) {
  auto ep = std::make_unique<compiled_endpoint>();
  ep->info = &info;
  if (!ep->description.parse(info.description_json)) {
    const json_parse_error& e = ep->description.error();
    ep->schema_errors.push_back({"", codes::schema,
                                 "The description of endpoint '" + info.id + "' is broken: " + e.message});
    return ep;
  }
  const json_value root = ep->description.root();
  if (!compile_if_present(root.find("schema"), ep->body_schema, ep->schema_errors))
    ep->schema_errors.push_back({"", codes::schema, "The description of endpoint '" + info.id + "' has no schema."});
  ep->has_warning_schema =
      compile_if_present(root.find("warningSchema"), ep->warning_schema, ep->schema_errors);
  ep->has_response_schema = compile_if_present(root.find("responses").find("schema"),
                                               ep->response_schema, ep->schema_errors);
  return ep;
}

}  // namespace

const compiled_endpoint* find_compiled_endpoint(std::string_view id) {
  // A function-local static is initialized once, and thread-safely, on first use. Each entry is
  // heap-allocated because json_value views point at their json_document, which must not move.
  static const std::vector<std::unique_ptr<compiled_endpoint>> all = [] {
    std::vector<std::unique_ptr<compiled_endpoint>> v;
    for (const endpoint_info& info : endpoints()) v.push_back(compile_endpoint(info));
    return v;
  }();
  for (const auto& ep : all)
    if (ep->info->id == id) return ep.get();
  return nullptr;
}

issue unknown_endpoint_issue(std::string_view id) {
  // The id is echoed back to help spot a typo, but cut short: it may come from anywhere.
  constexpr std::size_t echo_limit = 80;
  std::string shown(id.substr(0, echo_limit));
  if (id.size() > echo_limit) shown += "…";
  std::string message = "There is no endpoint '" + shown + "'. Known endpoints: ";
  const auto& all = endpoints();
  for (std::size_t i = 0; i < all.size(); ++i) message += (i ? ", " : "") + all[i].id;
  message += ".";
  return {"", codes::endpoint, std::move(message)};
}

}  // namespace invitekit::detail
