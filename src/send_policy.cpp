// invitekit: the batch's rule after each send (see send_policy.h).
#include "send_policy.h"

#include <algorithm>
#include <string_view>

namespace invitekit {
namespace {

constexpr std::pair<row_state, const char*> state_names[] = {
    {row_state::invalid, "invalid"}, {row_state::excluded, "excluded"}, {row_state::waiting, "waiting"},
    {row_state::sending, "sending"}, {row_state::succeeded, "succeeded"}, {row_state::partial, "partial"},
    {row_state::already, "already"}, {row_state::failed, "failed"},     {row_state::unknown, "unknown"},
};

// first_delay_ms, doubled for each try after the first, capped.
int backoff_ms(int attempt, const send_policy& p) {
  long long delay = p.first_delay_ms;
  for (int i = 1; i < attempt && delay < p.max_delay_ms; ++i) delay *= 2;
  return static_cast<int>(std::min<long long>(delay, p.max_delay_ms));
}

// A server's Retry-After (seconds, any size) as a wait, capped: 25 days in ms overflow an int.
int retry_after_ms(int seconds, const send_policy& p) {
  return static_cast<int>(std::clamp<long long>(static_cast<long long>(seconds) * 1000, 0, p.max_delay_ms));
}

std::string seconds_text(int ms) {
  const int s = (ms + 999) / 1000;
  return std::to_string(s) + (s == 1 ? " second" : " seconds");
}

// Another try after a wait, or the end when the tries are used up.
send_step retry_or_fail(int attempt, const send_policy& p, int delay_ms, std::string why) {
  send_step step;
  if (attempt >= p.max_attempts) {
    step.state = row_state::failed;
    step.reason = why + "; gave up after " + std::to_string(attempt) + (attempt == 1 ? " try." : " tries.");
    return step;
  }
  step.state = row_state::waiting;
  step.delay_ms = delay_ms;
  step.reason = why + "; trying again in " + seconds_text(delay_ms) + ".";
  return step;
}

}  // namespace

const char* to_string(row_state s) {
  for (const auto& [state, name] : state_names)
    if (state == s) return name;
  return "failed";
}

bool row_state_from_string(std::string_view text, row_state& out) {
  for (const auto& [state, name] : state_names)
    if (text == name) {
      out = state;
      return true;
    }
  return false;
}

send_step after_response(const response_reading& r, int attempt, const send_policy& p) {
  send_step step;
  if (r.status == 429) {
    // The limit is the key's: the whole batch waits; however often, the row never fails for it.
    step.state = row_state::waiting;
    step.pause_batch = true;
    step.delay_ms = r.retry_after ? retry_after_ms(*r.retry_after, p) : backoff_ms(attempt, p);
    step.reason = "The server asks to slow down (too many requests); the batch waits " + seconds_text(step.delay_ms) + ".";
    return step;
  }
  if (r.status >= 500 && r.status <= 599) {
    const int delay = r.retry_after ? retry_after_ms(*r.retry_after, p) : backoff_ms(attempt, p);
    return retry_or_fail(attempt, p, delay, "The server had a problem (status " + std::to_string(r.status) + ")");
  }
  if (r.status == 409) {
    step.state = row_state::already;
    step.reason = r.message;
    return step;
  }
  if (r.status == 401) {
    step.state = row_state::failed;
    step.stop_batch = true;
    step.reason = "The API key or token was not accepted, so the batch stopped: check it, then resume.";
    return step;
  }
  step.state = r.result == outcome::success   ? row_state::succeeded
               : r.result == outcome::partial ? row_state::partial
                                              : row_state::failed;
  step.reason = r.message;
  return step;
}

send_step after_network_error(int attempt, const send_policy& p) {
  return retry_or_fail(attempt, p, backoff_ms(attempt, p), "The server could not be reached");
}

send_step after_cut_answer(const response_reading& reading, int attempt, const send_policy& p) {
  if (reading.status >= 400) return after_response(reading, attempt, p);
  send_step step;
  step.state = row_state::unknown;
  step.reason = "The server answered (status " + std::to_string(reading.status) +
                "), but the connection closed before the rest of its answer arrived: the invite may have been "
                "done, so this row is marked unknown and is not sent again unless you choose.";
  return step;
}

}  // namespace invitekit
