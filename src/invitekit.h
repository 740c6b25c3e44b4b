// invitekit: validate, build and read invites for the AthenaHQ and users-organizations invite
// endpoints. This umbrella header includes the whole public API.
#pragma once

#include "build_request.h"
#include "catalog.h"
#include "fields.h"
#include "invite_table.h"
#include "issue.h"
#include "json_text.h"
#include "read_response.h"
#include "regex_engine.h"
#include "schema.h"
#include "send_policy.h"
#include "table.h"
#include "validate.h"
