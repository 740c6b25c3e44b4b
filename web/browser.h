// invitekit admin page: what the page asks of the browser besides drawing and input — its origin,
// the clock, storage, the clipboard, and telling the page shell that the app is up.
#pragma once

#include <string>

namespace invitekit::web::browser {

// The page's own origin ("http://127.0.0.1:8000").
std::string page_origin();

// Local time as "2026-11-22 07:05:13" and its ISO 8601 UTC form for storage.
std::string local_time_text();
std::string utc_time_iso();

// localStorage (session == false) or sessionStorage (session == true); quietly does nothing
// when storage is unavailable. storage_set says whether the value was kept (not when full).
std::string storage_get(bool session, const char* key);
bool storage_set(bool session, const char* key, const std::string& value);
void storage_remove(bool session, const char* key);

// Puts text on the system clipboard (when the browser allows) and in the page's own buffer, which
// the app's paste reads too.
void set_clipboard_text(const std::string& text);

// Resumes the app's main loop for one frame now, or once after `ms` milliseconds.
void wake();
void wake_after(int ms);

// Connects a native-control copy of a panel in the page shell (globalThis[global], an object
// with connect(fn)) to the exported C function `handler(int action, const char* name, const
// char* value)`: the action is the position of its word in `actions` (space-separated, in the
// order of the C++ enum that reads it).
void connect_native_controls(const char* global, const char* actions, const char* handler);

// Tells the page shell something: a CustomEvent `type` on window, its detail the JSON text given.
void dispatch_event(const char* type, const std::string& json);

// Tell the page shell the app is up (once it has drawn a whole frame) or cannot start.
void notify_ready();
void notify_error(const char* message);

}  // namespace invitekit::web::browser
