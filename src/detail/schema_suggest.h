// invitekit detail: "did you mean 'email'?" — the closest declared property to a typo.
#pragma once

#include <string_view>
#include <vector>

namespace invitekit::detail {

// The candidate closest to `typed`, or "" when none is close: equal after lowercasing and
// dropping '_' and '-' ("firstName" for "first_name"), else a Damerau-Levenshtein distance of
// at most 2 that is also smaller than the shorter name (so "id" does not suggest "role").
std::string_view closest_name(std::string_view typed,
                              const std::vector<std::string_view>& candidates);

// Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace invitekit::detail
