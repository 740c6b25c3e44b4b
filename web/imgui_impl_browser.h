// dear imgui: Platform Backend for the browser, on top of imgui_impl_glfw (Emscripten 3.1.6's GLFW)
// This needs to be used along with imgui_impl_glfw (installed with install_callbacks = false: this
// backend installs the GLFW callbacks and forwards them) and a Renderer (imgui_impl_opengl3).
//
// Implemented features (each a gap of Emscripten 3.1.6's GLFW that imgui_impl_glfw 1.90 does not
// cover; the input event queue, keys, characters, buttons, wheel and focus are imgui_impl_glfw's):
//  [X] HiDPI: the canvas' backing store is its CSS size × devicePixelRatio, ImGui works in CSS
//      pixels (DisplaySize, DisplayFramebufferScale, mouse positions), and NewFrame says when the
//      ratio changed so the fonts can be rasterized again. (3.1.6's GLFW window size is the backing
//      store size, and its cursor position is in backing-store pixels.)
//  [X] Resize: the canvas follows its CSS size, never through glfwSetWindowSize (3.1.6 goes
//      fullscreen when that size equals the screen's).
//  [X] Clipboard: io.Get/SetClipboardTextFn through the page shell (3.1.6's glfwGetClipboardString
//      and glfwSetClipboardString are stubs).
//  [X] Presses without prior hover: a press that arrives with the pointer's move, before ImGui saw
//      the pointer there, is queued as a touch-screen press, which ImGui applies a frame after the
//      move (as for touch screens: a tab, say, takes its hover from the previous frame).
//  [X] Wheel on the canvas only: imgui_impl_glfw 1.90.1 listens on the document, where Chromium
//      makes wheel listeners passive, so each of its preventDefault calls logs an error (and the
//      accessible form, when it shows over the canvas, could not scroll).
//  [X] Tab out of the canvas: the page lets Tab through to the browser unless an ImGui text field
//      or popup has the keyboard (no keyboard trap).
//  [X] Idle: the main loop pauses when ImGui has no input left and nothing animates, and any input,
//      a fetch completion, a resize or a timer resumes it.
// Missing features:
//  [ ] Mouse cursor shapes (3.1.6's glfwSetCursor does nothing).
//  [ ] IME composition (3.1.6's GLFW reads characters from keypress events only).
#pragma once

struct GLFWwindow;

// After ImGui_ImplGlfw_InitForOpenGL(window, false). The canvas is Module.canvas.
void ImGui_ImplBrowser_Init(GLFWwindow* window);

// Before ImGui_ImplGlfw_NewFrame(): sizes the canvas' backing store (CSS size × ratio). Returns
// true when the devicePixelRatio changed since the last call (rasterize the fonts again, at that
// ratio).
bool ImGui_ImplBrowser_UpdateCanvas();
float ImGui_ImplBrowser_DevicePixelRatio();

// Between ImGui_ImplGlfw_NewFrame() and ImGui::NewFrame(): display size and scale in CSS pixels.
void ImGui_ImplBrowser_NewFrame();

// After ImGui::NewFrame(): whether ImGui's input queue still holds events it trickles to a later
// frame (a press after a move, a key after a character, …).
bool ImGui_ImplBrowser_InputPending();

// After the last frame of a main loop step: tells the page whether Tab may leave the canvas, and
// pauses the main loop unless input is pending, a key or button is held, `animating` is true or a
// wake was asked for. Returns true when it paused.
bool ImGui_ImplBrowser_EndFrame(bool animating);

// Resumes the main loop for one step (input listeners, fetch completions and resizes call it).
void ImGui_ImplBrowser_Wake();

// Called whenever the paused main loop resumes (before its next step runs).
void ImGui_ImplBrowser_SetResumeCallback(void (*callback)());

// Resumes the main loop once after `ms` milliseconds (something on screen expires then).
void ImGui_ImplBrowser_WakeAfter(int ms);
