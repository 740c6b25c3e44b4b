// invitekit admin page: HTTP with the browser's fetch() (not XHR), abortable, with a timeout, and
// failures told apart as well as the browser allows.
#pragma once

#include <functional>
#include <string>

#include "build_request.h"

namespace invitekit::web {

// Why no response arrived (the browser hides the real cause of a failed fetch; a follow-up
// probe tells most cases apart).
enum class fetch_failure {
  none,         // a response arrived (any status)
  timeout,      // no answer within the time limit
  cancelled,    // the user pressed Cancel
  offline,      // the browser says it has no network
  unreachable,  // nothing answers at the URL's origin (server down, wrong host or port)
  cors,         // the origin answers, but the browser refused the cross-origin call
  blocked,      // the page's Content-Security-Policy does not allow connecting there
  page_server,  // the page's own server no longer answers
  answer_cut,   // the status came (in `status`, with the headers), the body did not: the server
                // may have done what was asked
};

struct fetch_result {
  fetch_failure failure = fetch_failure::none;
  int status = 0;
  header_list headers;  // only those the browser exposes
  std::string body;
  std::string detail;  // the browser's error text, for failures
};

using fetch_done = std::function<void(const fetch_result&)>;

// Starts a request; `done` runs later, on the main loop, exactly once (also after cancel()).
// Returns its id.
int fetch_start(const http_request& request, int timeout_ms, fetch_done done);

void fetch_cancel(int id);

// Requests started and not finished.
int fetch_pending();

}  // namespace invitekit::web
