// invitekit detail: compiles every endpoint description's schemas exactly once.
#include "detail/compiled_endpoint.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "detail/utf8.h"

namespace invitekit::detail {
namespace {

// Compiles description[key] into out if it exists; a schema that does not compile is recorded
// so every call on that endpoint reports it instead of silently accepting everything.
bool compile_if_present(const json& holder, std::string_view key, compiled_schema& out, issue_list& errors) {
  if (!holder.is_object()) return false;
  const auto it = holder.find(key);
  if (it == holder.end()) return false;
  out.compile(*it, &errors);
  return true;
}

std::unique_ptr<compiled_endpoint> compile_endpoint(const endpoint_info& info) {
  auto ep = std::make_unique<compiled_endpoint>();
  ep->info = &info;
  const json& root = info.description;
  if (!compile_if_present(root, "schema", ep->body_schema, ep->schema_errors))
    ep->schema_errors.push_back({"", codes::schema, "The description of endpoint '" + info.id + "' has no schema."});
  ep->has_warning_schema = compile_if_present(root, "warningSchema", ep->warning_schema, ep->schema_errors);
  const auto responses = root.find("responses");
  ep->has_response_schema = responses != root.end() &&
                            compile_if_present(*responses, "schema", ep->response_schema, ep->schema_errors);
  return ep;
}

}  // namespace

const compiled_endpoint* find_compiled_endpoint(std::string_view id) {
  // A function-local static is initialized once, and thread-safely, on first use.
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
  // The id is echoed back to help spot a typo, but cut short (it may come from anywhere) between
  // characters, and with any bytes that are not UTF-8 shown as U+FFFD: the message stays UTF-8.
  std::string shown;
  std::size_t at = 0;
  for (std::size_t characters = 0; at < id.size() && characters < 80; ++characters) {
    const int n = utf8_sequence_length(id.data() + at, id.size() - at);
    if (n == 0) shown += "\xEF\xBF\xBD";
    else shown.append(id.substr(at, static_cast<std::size_t>(n)));
    at += n == 0 ? 1 : static_cast<std::size_t>(n);
  }
  if (at < id.size()) shown += "…";
  std::string message = "There is no endpoint '" + shown + "'. Known endpoints: ";
  const auto& all = endpoints();
  for (std::size_t i = 0; i < all.size(); ++i) message += (i ? ", " : "") + all[i].id;
  message += ".";
  return {"", codes::endpoint, std::move(message)};
}

}  // namespace invitekit::detail
