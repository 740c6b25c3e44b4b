// invitekit admin page: the batch's sending lease (see batch_lease.h), in localStorage as
// invitekit.batch.sender = {tab, until}: the tab's id (new for each page load) and when the lease
// ends (ms since the epoch) unless renewed.
#include "batch_lease.h"

#include <emscripten.h>

// 0 refused, 1 held, 2 taken over (the lease was held by another tab, or this tab before a reload,
// since this tab last read the batch: the record is not the one it saw then); release when
// `claim` is 0. The lease lasts 15 s and is renewed
// every 3 s while held (a background tab's timers may be slowed: each request renews it too).
// clang-format off
EM_JS(int, invitekit_js_batch_lease, (int claim), {
  /* claim: 1 claim, 0 release, 2 the batch was read again (no longer stale). */
  var key = "invitekit.batch.sender";
  var self = Module.invitekitBatchLease ||
             (Module.invitekitBatchLease = { tab: Date.now() + "-" + Math.random().toString(36).slice(2), timer: 0 });
  var raw = function() { try { return localStorage.getItem(key); } catch (e) { return null; } };
  var read = function() {
    try { var v = JSON.parse(raw()); return v && typeof v === "object" ? v : {}; }
    catch (e) { return {}; }
  };
  var write = function(until) {
    try { localStorage.setItem(key, JSON.stringify({ tab: self.tab, until: until })); } catch (e) {}
  };
  if (claim === 2) { self.stale = false; self.seen = raw(); return 1; }
  var lease = read();
  if (!claim) {
    if (self.timer) clearInterval(self.timer);
    self.timer = 0;
    if (lease.tab === self.tab) write(0);
    return 1;
  }
  var now = Date.now();
  if (lease.tab && lease.tab !== self.tab && Number(lease.until) > now) return 0;
  write(now + 15000);
  if (!self.listening) {  /* a reload or a closed tab gives the lease up at once */
    self.listening = true;
    addEventListener("pagehide", function() { if (read().tab === self.tab) write(0); });
  }
  if (!self.timer) self.timer = setInterval(function() { if (read().tab === self.tab) write(Date.now() + 15000); }, 3000);
  if (lease.tab && lease.tab !== self.tab && raw() !== self.seen) self.stale = true;
  return self.stale ? 2 : 1;
});
// clang-format on

namespace invitekit::web::batch_lease {

claim_result claim() {
  switch (invitekit_js_batch_lease(1)) {
    case 0:
      return claim_result::refused;
    case 2:
      return claim_result::taken_over;
    default:
      return claim_result::held;
  }
}

void release() { invitekit_js_batch_lease(0); }

void read_again() { invitekit_js_batch_lease(2); }

}  // namespace invitekit::web::batch_lease
