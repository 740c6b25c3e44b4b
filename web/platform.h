// invitekit admin page: what the browser needs beyond ImGui's GLFW backend — crisp canvas at
// any devicePixelRatio, resize, a key/char queue (no lost keys), wheel, clipboard, Tab out of
// the canvas, an idle main loop, page storage. Each fix answers a gap listed in
// ../shared/TOOLCHAIN.md; the page shell (web/app.js) does the parts only the page can do.
#pragma once

#include <string>

struct GLFWwindow;

namespace invitekit::web::platform {

// Before glfwInit: JS listeners that must run ahead of GLFW's (wheel, Tab), and the shell's
// wake hook. The canvas is Module.canvas.
void install();

// After ImGui_ImplGlfw_InitForOpenGL(window, false): our own GLFW callbacks (mouse buttons,
// focus, cursor enter go to the backend; keys and chars go to the queue) and the clipboard.
void install_callbacks(GLFWwindow* window);

// The canvas' CSS size and devicePixelRatio; the backing store is resized to match (never via
// glfwSetWindowSize). Returns true when the ratio changed since the last call (fonts must be
// rebuilt at the new ratio).
struct canvas_metrics {
  float css_width = 0;
  float css_height = 0;
  float dpr = 1;
};
bool update_canvas(canvas_metrics* metrics);

// Between ImGui_ImplGlfw_NewFrame() and ImGui::NewFrame(): display size in CSS pixels, mouse
// divided by the ratio, queued keys and characters applied in order, wheel.
void begin_frame(const canvas_metrics& metrics);

// After rendering: tells the page whether ImGui wants the keyboard (Tab may leave the canvas
// otherwise), and pauses the main loop when nothing is pending and `busy` is false. Returns
// true when it paused: this frame is what the page shows until the next input.
bool end_frame(bool busy);

// Resumes the main loop for a few frames (input, fetch completions, resize call this).
void wake(int frames = 4);

// Wakes the main loop once after `ms` milliseconds (something on screen expires then).
void wake_after(int ms);

// The page's own origin ("http://127.0.0.1:8000").
std::string page_origin();

// Local time as "2026-11-22 07:05:13" and its ISO 8601 UTC form for storage.
std::string local_time_text();
std::string utc_time_iso();

// localStorage (session == false) or sessionStorage (session == true); quietly does nothing
// when storage is unavailable.
std::string storage_get(bool session, const char* key);
void storage_set(bool session, const char* key, const std::string& value);
void storage_remove(bool session, const char* key);

void set_clipboard_text(const std::string& text);

// Tell the page shell the app is up (once it has drawn a whole frame) or cannot start.
void notify_ready();
void notify_error(const char* message);

}  // namespace invitekit::web::platform
