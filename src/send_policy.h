// invitekit: what a batch of invites does after each send — the one rule the admin page and the
// CLI both follow, so a table sends the same way from either.
//
//   auto step = invitekit::after_response(reading, attempt);        // or after_network_error(attempt),
//                                                                    // after_cut_answer(reading, attempt)
//   if (step.state == invitekit::row_state::waiting) retry_in(step.delay_ms, step.pause_batch);
//
// The server is respected: a 429 waits for its Retry-After (or backs off exponentially without
// one) and holds back the whole batch, since the limit is the key's, not the row's; a 5xx or a
// failed connection is tried again a bounded number of times, each wait twice the last; any
// other 4xx is final for its row. A 401 also stops the batch: a key that is not accepted fails
// every row.
#pragma once

#include <string>

#include "read_response.h"

namespace invitekit {

// Where a row of a batch stands.
enum class row_state {
  invalid,    // not sent: the body has errors
  excluded,   // not sent: the admin left it out
  waiting,    // to be sent (again, after delay_ms)
  sending,    // sent, no answer yet
  succeeded,  // the invite went through
  partial,    // a bulk invite: some targets succeeded, some failed
  already,    // the server says the person already has access or an invitation (409)
  failed,     // the server refused it, or gave up after the retries
  unknown,    // it was being sent when the batch stopped: it may or may not have arrived, so it
              // is not sent again unless the admin chooses (an email invite would go twice)
};

const char* to_string(row_state s);  // "invalid", "excluded", "waiting", …
bool row_state_from_string(std::string_view text, row_state& out);

struct send_policy {
  int max_attempts = 4;      // a 5xx or a failed connection: tries in all, the first included
  int first_delay_ms = 1000;  // backoff: first wait, doubled each time …
  int max_delay_ms = 60000;   // … up to this
};

struct send_step {
  row_state state = row_state::failed;
  int delay_ms = 0;          // waiting: how long before the next try
  bool pause_batch = false;  // waiting: no row of the batch is sent before then (429)
  bool stop_batch = false;   // the batch stops (401: the key is not accepted)
  std::string reason;        // for the admin: why it waits or why it stopped
};

// After the answer to try number `attempt` (1 for the first send).
send_step after_response(const response_reading& reading, int attempt, const send_policy& policy = {});

// After try number `attempt` got no answer at all (the connection failed or timed out).
send_step after_network_error(int attempt, const send_policy& policy = {});

// After try number `attempt` got a status, but the connection closed (or the time ran out) while
// the rest of the answer arrived; `reading` is read_response of the status and headers alone. A
// refusal (4xx, 5xx) did nothing and goes as it would have with its body; any other answer may
// mean the invite was done, so the row is "unknown": not sent again unless the admin chooses.
send_step after_cut_answer(const response_reading& reading, int attempt, const send_policy& policy = {});

}  // namespace invitekit
