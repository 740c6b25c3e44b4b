// invitekit admin page: one tab at a time sends a batch. Every tab of the page shares the batch in
// localStorage; two tabs sending it (a duplicated tab, a second window) would send rows twice. The
// tab that sends holds a lease, a short-lived record in localStorage that it renews while it
// sends; another tab asks for it before each request and is refused while it is held.
//
// A lease ends when its tab stops sending (release), is reloaded or closed, or some seconds after
// its tab died without saying so.
#pragma once

namespace invitekit::web::batch_lease {

enum class claim_result {
  refused,    // another tab sends the batch now
  held,       // this tab holds the lease and held it last
  taken_over  // this tab holds it now, and another tab (or this one before a reload) held it
              // since: what this tab shows may be stale; read the batch from storage again, then
              // say so with read_again()
};

// Takes or renews the lease for this tab (and renews it on a timer until release()).
claim_result claim();

// Gives it up: another tab may send at once.
void release();

// The batch was read from storage (at start, or again): claims say `held` until another tab
// takes the lease.
void read_again();

}  // namespace invitekit::web::batch_lease
