// invitekit keyword "uniqueItems": no element may equal an earlier one. Each repeat is its own
// error, at the repeat; short arrays compare pairwise, long ones by hash first, so that a 1 MiB
// body of small items cannot cost n² comparisons.
#pragma once

#include <algorithm>

#include "detail/keyword_support.h"

namespace invitekit::detail {

struct unique_items_keyword {
  static constexpr std::uint8_t applies_to = kind_array;

  static std::optional<unique_items_keyword> compile(compile_context& c) {
    const json* unique = c.find("uniqueItems");
    if (unique == nullptr || !unique->is_boolean() || !unique->template get<bool>()) return std::nullopt;
    return unique_items_keyword{};
  }

  template <class Json, class Walker>
  bool check(const Json& v, const schema_node& n, Walker& w) const {
    bool ok = true;
    for (std::size_t at : repeats(v, w.collecting())) {
      ok = false;
      const auto words = [&] {
        return (sentence() << "This value is already listed earlier in " << the_title(title_of(n), "this list") << ".").str();
      };
      if (w.fail(n, "uniqueItems", words, path_segment::element(at))) return false;
    }
    return ok;
  }

  // The index of every element equal to an earlier one, in order (only the first if !all).
  template <class Json>
  static std::vector<std::size_t> repeats(const Json& value, bool all) {
    const auto& array = elements_of(value);
    constexpr std::size_t pairwise_limit = 16;
    std::vector<std::size_t> later;
    const std::size_t n = array.size();
    if (n < 2) return later;
    if (n <= pairwise_limit) {
      for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (!json_equal(array[i], array[j])) continue;
          later.push_back(i);
          if (!all) return later;
          break;
        }
      }
      return later;
    }
    struct entry {
      std::uint64_t hash;
      std::size_t index;
    };
    std::vector<entry> entries;
    entries.reserve(n);
    for (const Json& item : array) entries.push_back({json_hash(item), entries.size()});
    // Heap sort: the same O(n log n) as std::sort in a fraction of the code in the .wasm.
    const auto by_hash = [](const entry& a, const entry& b) {
      return a.hash != b.hash ? a.hash < b.hash : a.index < b.index;
    };
    std::make_heap(entries.begin(), entries.end(), by_hash);
    std::sort_heap(entries.begin(), entries.end(), by_hash);
    std::vector<bool> repeated(n);  // by index, so the repeats come out in order
    bool any = false;
    for (std::size_t i = 1; i < entries.size(); ++i) {
      // Within a run of equal hashes, compare with every earlier member of the run.
      for (std::size_t j = i; j-- > 0 && entries[j].hash == entries[i].hash;) {
        if (!json_equal(array[entries[i].index], array[entries[j].index])) continue;
        repeated[entries[i].index] = any = true;
        break;
      }
      if (any && !all) break;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!repeated[i]) continue;
      later.push_back(i);
      if (!all) break;
    }
    return later;
  }
};

}  // namespace invitekit::detail
