// invitekit detail: the duplicates behind "uniqueItems", in O(n log n) for long arrays.
#pragma once

#include <cstddef>
#include <vector>

#include "json.h"

namespace invitekit::detail {

// Appends to `later` the index of every element equal (json_equal) to an earlier one, in
// order. With later == nullptr it stops at the first duplicate. Returns whether any exists.
bool find_duplicates(const json_value& array, std::vector<std::size_t>* later);

}  // namespace invitekit::detail
