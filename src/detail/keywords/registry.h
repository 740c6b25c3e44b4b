// invitekit detail: every keyword the schema engine knows, in the order a node checks them —
// which is the order of its errors. Adding a keyword: write its struct in this folder (see
// detail/keyword_support.h for what it needs) and list it here.
#pragma once

#include <variant>

#include "detail/keywords/all_of.h"
#include "detail/keywords/any_of.h"
#include "detail/keywords/bounds.h"
#include "detail/keywords/const.h"
#include "detail/keywords/contains.h"
#include "detail/keywords/definitions.h"
#include "detail/keywords/dependencies.h"
#include "detail/keywords/enum.h"
#include "detail/keywords/format.h"
#include "detail/keywords/if_then_else.h"
#include "detail/keywords/item_count.h"
#include "detail/keywords/items.h"
#include "detail/keywords/length.h"
#include "detail/keywords/multiple_of.h"
#include "detail/keywords/not.h"
#include "detail/keywords/pattern.h"
#include "detail/keywords/properties.h"
#include "detail/keywords/property_count.h"
#include "detail/keywords/type.h"
#include "detail/keywords/unique_items.h"

namespace invitekit::detail {

using keyword_check = std::variant<
    // any value
    type_keyword, enum_keyword, const_keyword,
    // objects
    properties_keyword, dependencies_keyword, property_count_keyword,
    // arrays
    items_keyword, contains_keyword, item_count_keyword, unique_items_keyword,
    // text
    length_keyword, pattern_keyword, format_keyword,
    // numbers
    bounds_keyword, multiple_of_keyword,
    // applicators
    all_of_keyword, any_of_keyword, one_of_keyword, not_keyword, if_then_else_keyword,
    // no check of its own
    definitions_keyword>;

}  // namespace invitekit::detail
