// invitekit admin page: the browser integration behind platform.h (EM_JS glue and the input queue).
#include "platform.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cstdlib>
#include <deque>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"

// ---- JS side ------------------------------------------------------------------------------
// EM_JS bodies are preprocessed as C: one statement per `;`, double-quoted strings only.

// Registered before glfwInit, so these capture listeners run ahead of GLFW's on `window`.
// clang-format off
EM_JS(void, invitekit_js_install, (), {
  var canvas = Module.canvas;
  Module.invitekitWantKeyboard = true;
  Module.invitekitWheel = 0;
  var wake = function() { if (Module._invitekit_wake) Module._invitekit_wake(); };
  if (Module.shell) Module.shell.onWake = wake;
  window.addEventListener("keydown", function(event) {
    wake();
    var atApp = event.target === canvas || event.target === document.body;  /* body: nothing focused */
    if (event.key === "Tab" && !Module.invitekitWantKeyboard && atApp) {
      event.stopImmediatePropagation();
    }
  }, true);
  ["keyup", "pointerdown", "pointerup", "mousemove", "mousedown", "mouseup", "focus", "blur", "resize",
   "paste"].forEach(function(type) { window.addEventListener(type, wake, true); });
  canvas.addEventListener("wheel", function(event) {
    var scale = event.deltaMode === 1 ? 40 : (event.deltaMode === 2 ? canvas.clientHeight : 1);
    Module.invitekitWheel += event.deltaY * scale;
    Module.invitekitWheelX = (Module.invitekitWheelX || 0) + event.deltaX * scale;
    event.preventDefault();
    wake();
  }, { capture: true, passive: false });
  if (window.matchMedia) {
    var watchRatio = function() {
      var query = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
      var onChange = function() { query.removeEventListener("change", onChange); wake(); watchRatio(); };
      query.addEventListener("change", onChange);
    };
    watchRatio();
  }
});

EM_JS(void, invitekit_js_canvas_metrics, (float* out), {
  var canvas = Module.canvas;
  var rect = canvas.getBoundingClientRect();
  HEAPF32[out >> 2] = rect.width;
  HEAPF32[(out >> 2) + 1] = rect.height;
  HEAPF32[(out >> 2) + 2] = window.devicePixelRatio || 1;
});

EM_JS(void, invitekit_js_set_canvas_size, (int width, int height), {
  var canvas = Module.canvas;
  if (canvas.width !== width || canvas.height !== height) Browser.setCanvasSize(width, height);
});

EM_JS(void, invitekit_js_take_wheel, (float* out), {
  HEAPF32[out >> 2] = Module.invitekitWheelX || 0;
  HEAPF32[(out >> 2) + 1] = Module.invitekitWheel || 0;
  Module.invitekitWheelX = 0;
  Module.invitekitWheel = 0;
});

EM_JS(void, invitekit_js_wake_after, (int ms), {
  setTimeout(function() { if (Module._invitekit_wake) Module._invitekit_wake(); }, ms);
});

EM_JS(void, invitekit_js_set_want_keyboard, (int want), { Module.invitekitWantKeyboard = !!want; });

EM_JS(char*, invitekit_js_string, (int what), {
  var text = "";
  var pad = function(n) { return (n < 10 ? "0" : "") + n; };
  if (what === 0) text = location.origin;
  if (what === 1) {
    var d = new Date();
    text = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
           pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  }
  if (what === 2) text = new Date().toISOString();
  if (what === 3) {
    var shell = Module.shell;
    text = shell && shell.getClipboardText ? String(shell.getClipboardText()) : (Module.invitekitClipboard || "");
  }
  var size = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(char*, invitekit_js_storage_get, (int session, const char* key), {
  var value = null;
  try { value = (session ? sessionStorage : localStorage).getItem(UTF8ToString(key)); } catch (e) {}
  if (value === null) return 0;
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(void, invitekit_js_storage_set, (int session, const char* key, const char* value), {
  try {
    var storage = session ? sessionStorage : localStorage;
    if (value) storage.setItem(UTF8ToString(key), UTF8ToString(value));
    else storage.removeItem(UTF8ToString(key));
  } catch (e) {}
});

EM_JS(void, invitekit_js_set_clipboard, (const char* text), {
  var value = UTF8ToString(text);
  Module.invitekitClipboard = value;
  var shell = Module.shell;
  if (shell && shell.setClipboardText) { shell.setClipboardText(value); return; }
  if (navigator.clipboard) navigator.clipboard.writeText(value).catch(function() {});
});

EM_JS(void, invitekit_js_notify, (int ok, const char* message), {
  if (ok) window.dispatchEvent(new Event("invitekit-ready"));
  else window.dispatchEvent(new CustomEvent("invitekit-error", { detail: { message: UTF8ToString(message) } }));
});
// clang-format on

// ---- C++ side -----------------------------------------------------------------------------

namespace invitekit::web::platform {
namespace {

int g_frames_left = 4;
bool g_paused = false;
float g_backing_scale = 1.0f;  // backing-store pixels per CSS pixel, as GLFW reports the mouse
float g_last_dpr = 0.0f;

// 1.86 samples io.KeysDown once per frame, so a press and release inside one frame would be
// lost, and characters typed after a Backspace would be applied before it (InputText reads
// characters first). Events wait here and are applied in order, a frame at a time.
struct input_event {
  bool is_char;
  int key;         // GLFW key, for key events
  int action;      // GLFW_PRESS / GLFW_RELEASE / GLFW_REPEAT
  unsigned int c;  // for characters
};
std::deque<input_event> g_queue;

// 1.86 takes a tab's (any overlapping item's) hover from the previous frame: a press in the frame
// the pointer arrives, with another widget hovered the frame before, is dropped. That is a tap,
// or a click that lands before the page (idle, or busy) drew the move. Such a press waits one
// frame, which ImGui draws with the pointer in place, and then comes at the place it was made
// (the pointer may have moved on: a drag starts where it was pressed), as 1.87's input queue
// does. A new press right after a held one waits too, or ImGui would see one long press.
constexpr int mouse_buttons = IM_ARRAYSIZE(ImGuiIO::MouseDown);
ImVec2 g_last_mouse_pos(-FLT_MAX, -FLT_MAX);  // as ImGui saw it last frame
bool g_real_down_before[mouse_buttons] = {};  // the backend's state last frame
bool g_given_down_before[mouse_buttons] = {};  // what ImGui was given last frame
struct held_press {
  bool waiting = false;
  ImVec2 at;
};
held_press g_held_press[mouse_buttons];

// Returns whether a press was held back this frame (keys then wait with it, see begin_frame);
// wake() keeps the loop running for the frame that gives it.
bool trickle_presses(ImGuiIO& io) {
  const bool moved = io.MousePos.x != g_last_mouse_pos.x || io.MousePos.y != g_last_mouse_pos.y;
  bool held_one = false;
  const ImVec2* press_at = nullptr;
  for (int b = 0; b < mouse_buttons; ++b) {
    const bool real = io.MouseDown[b];
    if (g_held_press[b].waiting) {
      io.MouseDown[b] = true;  // released since? Still one frame down: the click it was
      g_held_press[b].waiting = false;
      press_at = &g_held_press[b].at;
    } else if (real && !g_real_down_before[b] && (moved || g_given_down_before[b])) {
      io.MouseDown[b] = false;
      g_held_press[b] = {true, io.MousePos};
      held_one = true;
      wake();
    }
    g_real_down_before[b] = real;
    g_given_down_before[b] = io.MouseDown[b];
  }
  if (press_at != nullptr) io.MousePos = *press_at;
  g_last_mouse_pos = io.MousePos;
  return held_one;
}

std::string take_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

bool is_modifier(int key) {
  return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL ||
         key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT ||
         key == GLFW_KEY_RIGHT_ALT || key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

void key_callback(GLFWwindow*, int key, int, int action, int) {
  g_queue.push_back({false, key, action, 0});
  wake();
}

void char_callback(GLFWwindow*, unsigned int c) {
  g_queue.push_back({true, 0, 0, c});
  wake();
}

void mouse_button_callback(GLFWwindow* window, int button, int action, int mods) {
  ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
  wake();
}

const char* get_clipboard(void*) {
  static std::string text;
  text = take_string(invitekit_js_string(3));
  return text.c_str();
}

void set_clipboard(void*, const char* text) { invitekit_js_set_clipboard(text); }

void update_modifiers(ImGuiIO& io) {
  io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// Whether ImGui acts on this key by itself (not only through the character it types).
bool key_acts(const ImGuiIO& io, int key) {
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return io.KeyCtrl || io.KeySuper;
  if (key == GLFW_KEY_SPACE) return false;
  for (int k = 0; k < ImGuiKey_COUNT; ++k)
    if (io.KeyMap[k] == key) return true;
  return false;
}

void apply_queue(ImGuiIO& io) {
  bool touched[512] = {};
  bool acted = false;  // an acting key went down: characters after it wait for the next frame
  while (!g_queue.empty()) {
    const input_event& e = g_queue.front();
    if (e.is_char) {
      if (acted) break;
      io.AddInputCharacter(e.c);
    } else if (e.key >= 0 && e.key < 512) {
      const bool down = e.action != GLFW_RELEASE;
      const bool matters = is_modifier(e.key) || key_acts(io, e.key);
      if (matters) {
        // ImGui repeats held keys by itself; a change to the state it already has is moot; a
        // second change of the same key in this frame waits for the next one.
        if (e.action == GLFW_REPEAT || io.KeysDown[e.key] == down) {
          g_queue.pop_front();
          continue;
        }
        if (touched[e.key]) break;
        touched[e.key] = true;
        if (down && !is_modifier(e.key)) acted = true;
      }
      io.KeysDown[e.key] = down;
      update_modifiers(io);
    }
    g_queue.pop_front();
  }
  update_modifiers(io);
}

}  // namespace

void install() { invitekit_js_install(); }

void install_callbacks(GLFWwindow* window) {
  glfwSetMouseButtonCallback(window, mouse_button_callback);
  glfwSetWindowFocusCallback(window, ImGui_ImplGlfw_WindowFocusCallback);
  glfwSetCursorEnterCallback(window, ImGui_ImplGlfw_CursorEnterCallback);
  glfwSetKeyCallback(window, key_callback);
  glfwSetCharCallback(window, char_callback);
  // No scroll callback: the wheel listener in invitekit_js_install normalizes deltaMode.
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.ClipboardUserData = nullptr;
}

bool update_canvas(canvas_metrics* m) {
  float values[3] = {0, 0, 1};
  invitekit_js_canvas_metrics(values);
  m->css_width = values[0] > 1 ? values[0] : 1;
  m->css_height = values[1] > 1 ? values[1] : 1;
  m->dpr = values[2] > 0 ? values[2] : 1;
  const int width = static_cast<int>(m->css_width * m->dpr + 0.5f);
  const int height = static_cast<int>(m->css_height * m->dpr + 0.5f);
  invitekit_js_set_canvas_size(width, height);
  g_backing_scale = static_cast<float>(width) / m->css_width;
  const bool changed = m->dpr != g_last_dpr;
  g_last_dpr = m->dpr;
  return changed;
}

void begin_frame(const canvas_metrics& m) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(m.css_width, m.css_height);
  io.DisplayFramebufferScale = ImVec2(g_backing_scale, g_backing_scale);
  if (io.MousePos.x != -FLT_MAX && io.MousePos.y != -FLT_MAX) {
    io.MousePos.x /= g_backing_scale;
    io.MousePos.y /= g_backing_scale;
  }
  // Keys wait with a held press, so that a Shift-click or the typing after a click keeps its
  // order around the press.
  if (!trickle_presses(io)) apply_queue(io);
  float wheel[2];
  invitekit_js_take_wheel(wheel);
  // ~100 px of deltaY is one notch: ImGui scrolls 5 lines per unit, so about 70 px per notch.
  io.MouseWheelH -= wheel[0] / 100.0f;
  io.MouseWheel -= wheel[1] / 100.0f;
}

bool end_frame(bool busy) {
  ImGuiIO& io = ImGui::GetIO();
  // Tab stays on the canvas only while one of its text fields or popups has the keyboard;
  // otherwise it moves on to the page (the accessible form), so the canvas is no keyboard trap.
  invitekit_js_set_want_keyboard(
      io.WantTextInput ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  bool held = false;
  for (bool down : io.KeysDown) held = held || down;
  for (bool down : io.MouseDown) held = held || down;
  if (g_frames_left > 0) --g_frames_left;
  if (g_frames_left == 0 && !busy && !held && g_queue.empty()) {
    emscripten_pause_main_loop();
    g_paused = true;
  }
  return g_paused;
}

void wake(int frames) {
  if (g_frames_left < frames) g_frames_left = frames;
  if (g_paused) {
    g_paused = false;
    emscripten_resume_main_loop();
  }
}

void wake_after(int ms) { invitekit_js_wake_after(ms); }

std::string page_origin() { return take_string(invitekit_js_string(0)); }
std::string local_time_text() { return take_string(invitekit_js_string(1)); }
std::string utc_time_iso() { return take_string(invitekit_js_string(2)); }

std::string storage_get(bool session, const char* key) {
  return take_string(invitekit_js_storage_get(session ? 1 : 0, key));
}

void storage_set(bool session, const char* key, const std::string& value) {
  invitekit_js_storage_set(session ? 1 : 0, key, value.c_str());
}

void storage_remove(bool session, const char* key) {
  invitekit_js_storage_set(session ? 1 : 0, key, nullptr);
}

void set_clipboard_text(const std::string& text) { invitekit_js_set_clipboard(text.c_str()); }

void notify_ready() { invitekit_js_notify(1, ""); }
void notify_error(const char* message) { invitekit_js_notify(0, message); }

}  // namespace invitekit::web::platform

// Called from JS (input listeners, the shell's onWake, fetch completions).
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_wake() { invitekit::web::platform::wake(); }
