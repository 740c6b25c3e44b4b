// invitekit detail: the did-you-mean hint for unknown properties (error path only).
#include "detail/schema_suggest.h"

#include <algorithm>
#include <string>

namespace invitekit::detail {
namespace {

// '_' and '-' are dropped and ASCII letters lowercased, so "first_name" folds like "firstName".
bool is_dropped(char c) { return c == '_' || c == '-'; }
char folded_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// fold(a) == fold(b), compared in place: this runs once per candidate on every unknown property.
bool same_folded(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && is_dropped(a[i])) ++i;
    while (j < b.size() && is_dropped(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (folded_char(a[i++]) != folded_char(b[j++])) return false;
  }
}

bool folds_to_nothing(std::string_view s) {
  for (char c : s)
    if (!is_dropped(c)) return false;
  return true;
}

// Optimal-string-alignment distance, or any value >= bound once it is certain to reach bound.
// Rows live on the stack for names up to 63 bytes.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound) {
  constexpr std::size_t small = 64;
  std::size_t stack[3 * small];
  std::vector<std::size_t> heap;
  std::size_t* rows = stack;
  if (b.size() >= small) {
    heap.resize(3 * (b.size() + 1));
    rows = heap.data();
  }
  const std::size_t width = b.size() + 1;
  std::size_t* before = rows;
  std::size_t* prev = rows + width;
  std::size_t* cur = rows + 2 * width;
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = before[j] = j;
  std::size_t prev_min = 0;  // row 0 is 0, 1, 2, …
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t cur_min = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      cur_min = std::min(cur_min, cur[j]);
    }
    // Every later row is at least min(this row's minimum, the previous row's minimum + 1).
    if (std::min(cur_min, prev_min + 1) >= bound) return bound;
    std::swap(before, prev);
    std::swap(prev, cur);
    prev_min = cur_min;
  }
  return prev[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return bounded_distance(a, b, static_cast<std::size_t>(-1));
}

std::string_view closest_name(std::string_view typed,
                              const std::vector<std::string_view>& candidates) {
  if (!folds_to_nothing(typed)) {
    for (std::string_view c : candidates) {
      if (same_folded(typed, c)) return c;
    }
  }
  std::string_view best;
  std::size_t best_distance = 3;
  for (std::string_view c : candidates) {
    // The distance is at least the length difference, and only a smaller one can win.
    const std::size_t gap = typed.size() > c.size() ? typed.size() - c.size() : c.size() - typed.size();
    const std::size_t bound = std::min(best_distance, std::min(typed.size(), c.size()));
    if (gap >= bound) continue;
    const std::size_t d = bounded_distance(typed, c, bound);
    if (d < best_distance && d < std::min(typed.size(), c.size())) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace invitekit::detail
