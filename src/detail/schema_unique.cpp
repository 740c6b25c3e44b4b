// invitekit detail: uniqueItems. Short arrays compare pairwise (no allocation); long ones hash
// every element first so a 1 MiB body of small items cannot cost n² comparisons.
#include "detail/schema_unique.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace invitekit::detail {
namespace {

constexpr std::size_t pairwise_limit = 16;

std::uint64_t mix(std::uint64_t h) {  // splitmix64 finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Equal values (as json_equal sees them) hash equally: numbers by value, members in any order.
std::uint64_t hash_value(const json_value& v) {
  switch (v.type()) {
    case json_type::null:
      return 1;
    case json_type::boolean:
      return v.as_bool() ? 2 : 3;
    case json_type::number: {
      double d = v.as_number();
      if (d == 0) d = 0;  // -0 == 0
      std::uint64_t bits = 0;
      static_assert(sizeof bits == sizeof d);
      std::memcpy(&bits, &d, sizeof bits);
      return mix(bits ^ 4);
    }
    case json_type::string:
      return mix(hash_bytes(v.as_string()) ^ 5);
    case json_type::array: {
      std::uint64_t h = 6;
      for (const json_value item : v.items()) h = mix(h * 31 + hash_value(item));
      return h;
    }
    case json_type::object: {
      std::uint64_t h = 7;
      for (const json_member m : v.members())
        h += mix(hash_bytes(m.key) * 0x9e3779b97f4a7c15ull + hash_value(m.value));
      return mix(h);
    }
  }
  return 0;
}

}  // namespace

bool find_duplicates(const json_value& array, std::vector<std::size_t>* later) {
  const std::size_t n = array.size();
  if (n < 2) return false;
  bool any = false;
  if (n <= pairwise_limit) {
    json_value items[pairwise_limit];
    std::size_t i = 0;
    for (const json_value v : array.items()) items[i++] = v;
    for (i = 1; i < n; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (json_equal(items[i], items[j])) {
          if (!later) return true;
          later->push_back(i);
          any = true;
          break;
        }
      }
    }
    return any;
  }
  struct entry {
    std::uint64_t hash;
    std::size_t index;
    json_value value;
  };
  std::vector<entry> entries;
  entries.reserve(n);
  for (const json_value v : array.items()) entries.push_back({hash_value(v), entries.size(), v});
  // Heap sort, not std::sort: the same O(n log n) in a tenth of the code (introsort's helpers
  // were ~4 KB of the npm package's .wasm), and this path only runs on arrays past
  // pairwise_limit.
  const auto by_hash = [](const entry& a, const entry& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.index < b.index;
  };
  std::make_heap(entries.begin(), entries.end(), by_hash);
  std::sort_heap(entries.begin(), entries.end(), by_hash);
  std::vector<bool> repeated(n);  // by array index, so the duplicates come out in order
  for (std::size_t i = 1; i < entries.size(); ++i) {
    // Within a run of equal hashes, compare with every earlier member of the run.
    for (std::size_t j = i; j-- > 0 && entries[j].hash == entries[i].hash;) {
      if (json_equal(entries[i].value, entries[j].value)) {
        if (!later) return true;
        repeated[entries[i].index] = true;
        any = true;
        break;
      }
    }
  }
  for (std::size_t i = 0; later && i < n; ++i)
    if (repeated[i]) later->push_back(i);
  return any;
}

}  // namespace invitekit::detail
