// invitekit: the endpoint catalog, read once from the endpoint descriptions embedded at build time.
#include "catalog.h"

#include <algorithm>
#include <utility>

#include "detail/embedded_endpoints.h"
#include "detail/json_equal.h"

namespace invitekit {
namespace {

std::string text_of(const json& object, std::string_view key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string() : detail::string_of(*it);
}

std::vector<endpoint_info> load_endpoints() {
  std::vector<endpoint_info> list;
  for (const detail::embedded_file& file : detail::embedded_endpoints()) {
    // A description that does not parse is a bug in src/endpoints/, caught by catalog_test;
    // at run time the endpoint is simply absent rather than half-described.
    json_limits limits;
    limits.max_bytes = file.text.size();
    json_parse_result parsed = parse_json(file.text, limits);
    if (!parsed.ok || !parsed.value.is_object()) continue;
    endpoint_info info;
    info.description = std::move(parsed.value);
    const json& root = info.description;
    info.id = text_of(root, "id");
    info.family = text_of(root, "family");
    info.title = text_of(root, "title");
    info.method = text_of(root, "method");
    info.path = text_of(root, "path");
    info.default_base_url = text_of(root, "defaultBaseUrl");
    const auto auth = root.find("auth");
    if (auth != root.end() && auth->is_object())
      if (const auto list = auth->find("credentials"); list != auth->end() && list->is_array())
        for (const json& c : *list)
          if (c.is_object())
            info.credentials.push_back({text_of(c, "name"), text_of(c, "label"), text_of(c, "header"), text_of(c, "format")});
    info.description_json = file.text;
    list.push_back(std::move(info));
  }
  // By id, with an insertion sort: a handful of endpoints does not need std::sort's code.
  for (std::size_t i = 1; i < list.size(); ++i)
    for (std::size_t j = i; j > 0 && list[j].id < list[j - 1].id; --j) std::swap(list[j], list[j - 1]);
  return list;
}

}  // namespace

const std::vector<endpoint_info>& endpoints() {
  static const std::vector<endpoint_info> list = load_endpoints();  // built once, thread-safe
  return list;
}

const endpoint_info* find_endpoint(std::string_view id) {
  const std::vector<endpoint_info>& list = endpoints();
  auto it = std::lower_bound(list.begin(), list.end(), id,
                             [](const endpoint_info& e, std::string_view key) { return e.id < key; });
  return it != list.end() && it->id == id ? &*it : nullptr;
}

}  // namespace invitekit
