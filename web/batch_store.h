// invitekit admin page: a batch kept in the browser's localStorage as it runs, so that a reload or
// a closed tab loses nothing and sends nothing twice. Never credentials: they stay in the
// connection (app_state.h), which keeps them only in sessionStorage and only when asked.
//
// Three kinds of keys, each written whole (localStorage writes are synchronous and atomic per key):
//   invitekit.batch          the table: {id, endpoint, source, header, columns, constants,
//                            rows: [{line, cells, excluded}]} — when it, the mapping, a constant,
//                            a cell or an exclusion changes, never while rows are sent
//   invitekit.batch.run      {id, running, cancelled, concurrency, resumeAt, only, shown}
//   invitekit.batch.row.<i>  row i once it was sent: {id, state, attempt, throttled, tries, notBefore,
//                            status, message, userId, inviteId} — written with "sending" before
//                            its request starts, and again with the outcome when it ends
// `id` ties the run and the rows to their table: a record of another table is ignored.
#pragma once

#include <cstddef>

#include "batch.h"

namespace invitekit::web::batch_store {

// Each returns false when the browser refused to keep it (storage full or turned off).
bool save_table(const batch_state& b);
bool save_run(const batch_state& b);
bool save_row(const batch_state& b, std::size_t index);

// The batch kept by an earlier visit, read back and checked again by the core; false when there
// is none. A row that was "sending" when the page went away comes back "unknown" (its request may
// or may not have arrived), and is written back so; `unknown` says how many did.
bool load(batch_state& b, int& unknown);

// Removes the row records of a table of `rows` rows, and, with `everything`, the table and run.
void forget(std::size_t rows, bool everything);

}  // namespace invitekit::web::batch_store
