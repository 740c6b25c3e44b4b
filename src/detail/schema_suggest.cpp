// invitekit detail: the did-you-mean hint for unknown properties (error path only).
#include "detail/schema_suggest.h"

#include <algorithm>
#include <string>

namespace invitekit::detail {
namespace {

std::string fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::string_view closest_name(std::string_view typed,
                              const std::vector<std::string_view>& candidates) {
  const std::string folded = fold(typed);
  for (std::string_view c : candidates) {
    if (!folded.empty() && fold(c) == folded) return c;
  }
  std::string_view best;
  std::size_t best_distance = 3;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(typed, c);
    if (d < best_distance && d < std::min(typed.size(), c.size())) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace invitekit::detail
