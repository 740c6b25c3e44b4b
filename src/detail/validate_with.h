// invitekit detail: what validate() does once it has an endpoint's compiled schemas — errors
// from the body schema, the warnings those errors do not hide, defaults in the value. Tests
// call it with schemas of their own (tests/fast_path_test.cpp checks generated fast paths of
// made-up schemas against it).
#pragma once

#include "json.h"
#include "schema.h"
#include "validate.h"

namespace invitekit::detail {

// warnings may be nullptr (no warningSchema).
validation_result validate_with(const compiled_schema& body_schema, const compiled_schema* warning_schema,
                                const json_value& body, validate_options options);

}  // namespace invitekit::detail
