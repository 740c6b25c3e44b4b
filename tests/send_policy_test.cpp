// invitekit tests: send_policy.h — what a batch does after each answer, as a table of
// {status, Retry-After, attempt} → {state, wait, batch paused or stopped}.
#include "send_policy.h"

#include <gtest/gtest.h>

namespace invitekit {
namespace {

struct step_case {
  const char* name;
  int status;
  const char* body;
  const char* retry_after;  // "" for none
  int attempt;
  row_state state;
  int delay_ms;
  bool pause_batch;
  bool stop_batch;
};

TEST(SendPolicy, AfterEachAnswer) {
  const step_case cases[] = {
      {"created", 201, R"({"success":true,"message":"User added"})", "", 1, row_state::succeeded, 0, false, false},
      {"success false in a 200", 200, R"({"success":false,"message":"No"})", "", 1, row_state::failed, 0, false, false},
      {"429 with Retry-After waits for it and holds the batch", 429, "", "7", 1, row_state::waiting, 7000, true, false},
      {"429 without Retry-After backs off", 429, "", "", 3, row_state::waiting, 4000, true, false},
      {"429 never makes the row fail", 429, "", "", 9, row_state::waiting, 60000, true, false},
      {"503 retries with backoff", 503, "", "", 1, row_state::waiting, 1000, false, false},
      {"503 honours Retry-After", 503, "", "2", 2, row_state::waiting, 2000, false, false},
      {"500 gives up after the last try", 500, "", "", 4, row_state::failed, 0, false, false},
      {"409: the person already has access", 409, R"({"message":"Already a member"})", "", 1, row_state::already, 0, false, false},
      {"400 is final", 400, R"({"success":false,"message":"Invalid"})", "", 1, row_state::failed, 0, false, false},
      {"403 is final for its row only", 403, "", "", 1, row_state::failed, 0, false, false},
      {"401 stops the batch", 401, "", "", 1, row_state::failed, 0, false, true},
      // 30 days in milliseconds overflow an int: the wait is the longest one, never a negative one.
      {"429 with a month-long Retry-After waits the longest wait", 429, "", "2592000", 1, row_state::waiting, 60000, true, false},
      {"503 with a month-long Retry-After waits the longest wait", 503, "", "2592000", 1, row_state::waiting, 60000, false, false},
  };
  for (const step_case& c : cases) {
    SCOPED_TRACE(c.name);
    http_response response{c.status, {}, c.body, {}};
    if (*c.retry_after) response.headers.emplace_back("Retry-After", c.retry_after);
    const send_step step = after_response(read_response("athena.createInvite", response), c.attempt);
    EXPECT_EQ(to_string(step.state), std::string(to_string(c.state)));
    EXPECT_EQ(step.delay_ms, c.delay_ms);
    EXPECT_EQ(step.pause_batch, c.pause_batch);
    EXPECT_EQ(step.stop_batch, c.stop_batch);
    EXPECT_FALSE(step.reason.empty());
  }
}

TEST(SendPolicy, ABulkInviteWhereSomeTargetsFailedIsPartial) {
  const http_response response{
      200, {}, R"({"success":true,"message":"Done","results":[{"website_id":"a","success":true},{"website_id":"b","success":false,"error":"No"}]})", {}};
  EXPECT_EQ(after_response(read_response("athena.bulkInvite", response), 1).state, row_state::partial);
}

TEST(SendPolicy, NetworkErrorsRetryABoundedNumberOfTimes) {
  EXPECT_EQ(after_network_error(1).state, row_state::waiting);
  EXPECT_EQ(after_network_error(1).delay_ms, 1000);
  EXPECT_EQ(after_network_error(3).delay_ms, 4000);
  const send_step last = after_network_error(4);
  EXPECT_EQ(last.state, row_state::failed);
  EXPECT_EQ(last.reason, "The server could not be reached; gave up after 4 tries.");
  EXPECT_EQ(after_network_error(2).reason, "The server could not be reached; trying again in 2 seconds.");
}

TEST(SendPolicy, AnAnswerCutOffAfterASuccessStatusIsUnknown) {
  const auto cut = [](int status) { return read_response("athena.createInvite", http_response{status, {}, "", {}}); };
  const send_step done = after_cut_answer(cut(201), 1);
  EXPECT_EQ(done.state, row_state::unknown);
  EXPECT_NE(done.reason.find("status 201"), std::string::npos);
  EXPECT_EQ(after_cut_answer(cut(503), 1).state, row_state::waiting);  // refused: nothing was done
  EXPECT_EQ(after_cut_answer(cut(429), 1).pause_batch, true);
  EXPECT_EQ(after_cut_answer(cut(400), 1).state, row_state::failed);
}

TEST(SendPolicy, StatesHaveStableNames) {
  for (row_state s : {row_state::invalid, row_state::excluded, row_state::waiting, row_state::sending, row_state::succeeded,
                      row_state::partial, row_state::already, row_state::failed, row_state::unknown}) {
    row_state back = row_state::failed;
    ASSERT_TRUE(row_state_from_string(to_string(s), back));
    EXPECT_EQ(back, s);
  }
  row_state none = row_state::failed;
  EXPECT_FALSE(row_state_from_string("done", none));
}

}  // namespace
}  // namespace invitekit
