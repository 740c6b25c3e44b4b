// dear imgui: Platform Backend for the browser, on top of imgui_impl_glfw (see imgui_impl_browser.h
// for what it implements and why).
#include "imgui_impl_browser.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // ImGuiContext::InputEventsQueue: what the queue still holds

// ---- JS side ------------------------------------------------------------------------------
// EM_JS bodies are preprocessed as C: one statement per `;`, double-quoted strings only.

// Input reaches ImGui through GLFW's callbacks, which wake the paused main loop (below). What does
// not: a resize, a change of devicePixelRatio (browser zoom, another screen: no resize when the CSS
// size stays), focus moving, a paste (its text is read when ImGui handles Ctrl+V).
// clang-format off
EM_JS(void, invitekit_js_browser_install, (), {
  var wake = function() { if (Module._invitekit_wake) Module._invitekit_wake(); };
  if (Module.shell) Module.shell.onWake = wake;
  ["focus", "blur", "resize", "paste"].forEach(function(type) { window.addEventListener(type, wake, true); });
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
  var rect = Module.canvas.getBoundingClientRect();
  HEAPF32[out >> 2] = rect.width;
  HEAPF32[(out >> 2) + 1] = rect.height;
  HEAPF32[(out >> 2) + 2] = window.devicePixelRatio || 1;
});

EM_JS(void, invitekit_js_set_canvas_size, (int width, int height), {
  var canvas = Module.canvas;
  if (canvas.width !== width || canvas.height !== height) Browser.setCanvasSize(width, height);
});

EM_JS(void, invitekit_js_wake_after, (int ms), {
  setTimeout(function() { if (Module._invitekit_wake) Module._invitekit_wake(); }, ms);
});

EM_JS(void, invitekit_js_set_want_keyboard, (int want), {
  if (Module.shell) Module.shell.wantKeyboard = !!want;
});

EM_JS(char*, invitekit_js_clipboard_text, (), {
  var shell = Module.shell;
  var text = shell && shell.getClipboardText ? String(shell.getClipboardText()) : "";
  var size = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(void, invitekit_js_set_clipboard_text, (const char* text), {
  var shell = Module.shell;
  if (shell && shell.setClipboardText) shell.setClipboardText(UTF8ToString(text));
});
// clang-format on

// ---- C++ side -----------------------------------------------------------------------------
namespace {

struct browser_data {
  float css_width = 1;
  float css_height = 1;
  float dpr = 0;            // 0 until the first UpdateCanvas
  float backing_scale = 1;  // backing-store pixels per CSS pixel, as GLFW reports the cursor
  bool paused = false;
  bool wake_asked = false;  // a wake during this main loop step: run the next one too
  void (*on_resume)() = nullptr;
};
browser_data g_browser;

void wake_loop() {
  g_browser.wake_asked = true;
  if (g_browser.paused) {
    g_browser.paused = false;
    emscripten_resume_main_loop();
    if (g_browser.on_resume) g_browser.on_resume();
  }
}

bool pointer_move_queued() {
  for (const ImGuiInputEvent& e : ImGui::GetCurrentContext()->InputEventsQueue)
    if (e.Type == ImGuiInputEventType_MousePos) return true;
  return false;
}

// The callbacks imgui_impl_glfw would install, forwarded. Each wakes the loop when ImGui queued
// something: it drops what changes nothing (a release of a key it never saw pressed, the pointer
// where it already is), and so does the loop.
template <typename Forward>
void forward(Forward&& call) {
  const int queued = ImGui::GetCurrentContext()->InputEventsQueue.Size;
  call();
  if (ImGui::GetCurrentContext()->InputEventsQueue.Size != queued) wake_loop();
}

void cursor_pos_callback(GLFWwindow* window, double x, double y) {
  forward([&] {
    ImGui_ImplGlfw_CursorPosCallback(window, x / g_browser.backing_scale,
                                     y / g_browser.backing_scale);
  });
}

// Leaving is not forwarded: imgui_impl_glfw would then poll glfwGetCursorPos each frame, which
// answers in backing-store pixels. The pointer is simply gone until it enters again.
void cursor_enter_callback(GLFWwindow* window, int entered) {
  forward([&] {
    if (entered)
      ImGui_ImplGlfw_CursorEnterCallback(window, entered);
    else
      ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  });
}

void mouse_button_callback(GLFWwindow* window, int button, int action, int mods) {
  // ImGui applies a touch-screen press one frame after the move that brought the pointer, so
  // that what is under it is hovered first; a mouse press that comes before ImGui saw its move is
  // the same case.
  ImGui::GetIO().AddMouseSourceEvent(action == GLFW_PRESS && pointer_move_queued()
                                         ? ImGuiMouseSource_TouchScreen
                                         : ImGuiMouseSource_Mouse);
  forward([&] { ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods); });
}

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
  forward([&] { ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods); });
}

void char_callback(GLFWwindow* window, unsigned int c) {
  forward([&] { ImGui_ImplGlfw_CharCallback(window, c); });
}

void focus_callback(GLFWwindow* window, int focused) {
  forward([&] { ImGui_ImplGlfw_WindowFocusCallback(window, focused); });
}

// As imgui_impl_glfw's own Emscripten wheel callback (100 pixels, 3 lines or 1/80 page a step),
// on the canvas, and without preventDefault: the page itself does not scroll.
EM_BOOL wheel_callback(int, const EmscriptenWheelEvent* event, void*) {
  float step = 1.0f / 100.0f;
  if (event->deltaMode == DOM_DELTA_LINE) step = 1.0f / 3.0f;
  if (event->deltaMode == DOM_DELTA_PAGE) step = 80.0f;
  forward([&] {
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) * step,
                                      static_cast<float>(-event->deltaY) * step);
  });
  return EM_FALSE;
}

const char* get_clipboard_text(void*) {
  static std::string text;
  char* p = invitekit_js_clipboard_text();
  text = p;
  std::free(p);
  return text.c_str();
}

void set_clipboard_text(void*, const char* text) { invitekit_js_set_clipboard_text(text); }

bool key_held() {
  for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_GamepadStart; ++key) {
    if (key >= ImGuiKey_LeftCtrl && key <= ImGuiKey_RightSuper)
      continue;  // modifiers do not repeat
    if (ImGui::IsKeyDown(static_cast<ImGuiKey>(key))) return true;
  }
  return false;
}

}  // namespace

void ImGui_ImplBrowser_Init(GLFWwindow* window) {
  glfwSetCursorPosCallback(window, cursor_pos_callback);
  glfwSetCursorEnterCallback(window, cursor_enter_callback);
  glfwSetMouseButtonCallback(window, mouse_button_callback);
  glfwSetKeyCallback(window, key_callback);
  glfwSetCharCallback(window, char_callback);
  glfwSetWindowFocusCallback(window, focus_callback);
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, wheel_callback);

  // The pointer counts as over the canvas from the start (imgui_impl_glfw polls the cursor of a
  // window it was not told about), at no known place until it moves.
  ImGui_ImplGlfw_CursorEnterCallback(window, 1);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  io.GetClipboardTextFn = get_clipboard_text;
  io.SetClipboardTextFn = set_clipboard_text;
  io.ClipboardUserData = nullptr;
  invitekit_js_browser_install();
}

bool ImGui_ImplBrowser_UpdateCanvas() {
  float values[3] = {0, 0, 1};
  invitekit_js_canvas_metrics(values);
  browser_data& b = g_browser;
  b.css_width = values[0] > 1 ? values[0] : 1;
  b.css_height = values[1] > 1 ? values[1] : 1;
  const float dpr = values[2] > 0 ? values[2] : 1;
  const int width = static_cast<int>(b.css_width * dpr + 0.5f);
  const int height = static_cast<int>(b.css_height * dpr + 0.5f);
  invitekit_js_set_canvas_size(width, height);
  b.backing_scale = static_cast<float>(width) / b.css_width;
  const bool changed = dpr != b.dpr;
  b.dpr = dpr;
  return changed;
}

float ImGui_ImplBrowser_DevicePixelRatio() { return g_browser.dpr > 0 ? g_browser.dpr : 1; }

void ImGui_ImplBrowser_NewFrame() {
  g_browser.wake_asked = false;  // what woke the loop is this frame's; a wake from now on is not
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(g_browser.css_width, g_browser.css_height);
  io.DisplayFramebufferScale = ImVec2(g_browser.backing_scale, g_browser.backing_scale);
}

bool ImGui_ImplBrowser_InputPending() {
  return !ImGui::GetCurrentContext()->InputEventsQueue.empty();
}

bool ImGui_ImplBrowser_EndFrame(bool animating) {
  const ImGuiIO& io = ImGui::GetIO();
  // Tab stays on the canvas only while one of its text fields or popups has the keyboard;
  // otherwise the page lets it move focus on (to the accessible form): no keyboard trap.
  invitekit_js_set_want_keyboard(
      io.WantTextInput ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  // A held key repeats, and a held button may be dragging: both need frames without new events.
  const bool keep = animating || g_browser.wake_asked || ImGui_ImplBrowser_InputPending() ||
                    key_held() || ImGui::IsAnyMouseDown();
  if (!keep && !g_browser.paused) {
    emscripten_pause_main_loop();
    g_browser.paused = true;
  }
  return g_browser.paused;
}

void ImGui_ImplBrowser_Wake() { wake_loop(); }

void ImGui_ImplBrowser_SetResumeCallback(void (*callback)()) { g_browser.on_resume = callback; }

void ImGui_ImplBrowser_WakeAfter(int ms) { invitekit_js_wake_after(ms); }

// Called from JS (input listeners, the shell's onWake, fetch completions).
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_wake() { wake_loop(); }
