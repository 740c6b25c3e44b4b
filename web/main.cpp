// invitekit admin page: Dear ImGui (GLFW + WebGL2) in the browser — the ImGui example skeleton:
// set up the context and backends, run the main loop, clean up. The page itself is in panels/.
//
// The main loop runs only when something happened (imgui_impl_browser.h pauses it), and each step
// draws at most one picture: ImGui runs as many frames as it needs to take every queued input
// (its queue spreads a press, a key and a character over successive frames) and to settle (a
// popup or a tab bar lays itself out a frame after it appears), and only the last of them is
// rendered — and only when it differs from what the canvas already shows.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cstdint>
#include <cstdio>

#include "accessible_form.h"
#include "app_state.h"
#include "browser.h"
#include "imgui.h"
#include "imgui_impl_browser.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // ImGuiWindow: which windows are still measuring themselves
#include "item_registry.h"
#include "panels/panels.h"
#include "theme.h"

namespace {

GLFWwindow* g_window = nullptr;
invitekit::web::app_state g_app;
bool g_device_ready = false;
bool g_ready_sent = false;
std::uint64_t g_shown = 0;  // fingerprint of the picture on the canvas (0: none yet)
int g_drawn = 0;            // pictures drawn, for the item registry's state

// ImGui frames per main loop step at most: enough for a burst of typing; what is left waits for
// the next step.
constexpr int max_frames_per_step = 24;

void glfw_error_callback(int error, const char* description) {
  std::fprintf(stderr, "GLFW error %d: %s\n", error, description);
}

// A fingerprint of what ImGui asks to draw: two frames with the same one draw the same pixels.
std::uint64_t fingerprint(const ImDrawData* data) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* bytes, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(bytes);
    std::uint32_t word = 0;
    std::size_t i = 0;
    for (; i + 4 <= size; i += 4) {
      __builtin_memcpy(&word, p + i, 4);
      h = (h ^ word) * 1099511628211ull;
    }
    for (; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
  };
  mix(&data->DisplaySize, sizeof data->DisplaySize);
  mix(&data->FramebufferScale, sizeof data->FramebufferScale);
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    mix(list->VtxBuffer.Data, list->VtxBuffer.size_in_bytes());
    mix(list->IdxBuffer.Data, list->IdxBuffer.size_in_bytes());
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      const ImTextureID texture = cmd.TextureId;
      mix(&texture, sizeof texture);
      const unsigned counts[3] = {cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
      mix(counts, sizeof counts);
    }
  }
  return h == 0 ? 1 : h;
}

// Whether a window is hidden this frame while it measures itself (a popup or a tooltip as it
// appears): it shows from the next frame, so this one is not what the page settles on.
bool window_appearing() {
  for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
    if (window->Active && window->Hidden) return true;
  return false;
}

// One ImGui frame: the whole page, laid out and turned into draw data (not rendered yet).
void imgui_frame() {
  using namespace invitekit::web;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui_ImplBrowser_NewFrame();
  ImGui::NewFrame();
  g_device_ready = true;
  item_registry::begin_frame();
  recheck(g_app);
  DrawApp(g_app);
  ImGui::Render();
}

void main_loop_step() {
  using namespace invitekit::web;

  // Crisp at any devicePixelRatio: the backing store follows CSS size × ratio, and the fonts
  // are rasterized again when the ratio changes (browser zoom, another screen).
  bool must_draw = false;
  if (ImGui_ImplBrowser_UpdateCanvas()) {
    load_fonts(ImGui_ImplBrowser_DevicePixelRatio());
    if (g_device_ready) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    must_draw = true;
  }
  int display_w = 0, display_h = 0;
  glfwGetFramebufferSize(g_window, &display_w, &display_h);
  static int drawn_w = 0, drawn_h = 0;
  must_draw = must_draw || display_w != drawn_w || display_h != drawn_h;  // a resize clears it

  // Something animating (the spinner of a send) changes every frame: one frame per step.
  const bool animating = g_app.send.in_flight;
  std::uint64_t last = g_shown;
  std::uint64_t now = 0;
  for (int frame = 0; frame < max_frames_per_step; ++frame) {
    imgui_frame();
    now = fingerprint(ImGui::GetDrawData());
    const bool settled = now == last && !ImGui_ImplBrowser_InputPending() && !window_appearing();
    if (settled || animating) break;
    last = now;
  }

  if (must_draw || now != g_shown) {
    glViewport(0, 0, display_w, display_h);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_shown = now;
    drawn_w = display_w;
    drawn_h = display_h;
    ++g_drawn;
  }

  item_registry::page_state state;
  state.endpoint = g_app.form().info->id;
  state.send_enabled = g_app.can_send();
  state.in_flight = g_app.send.in_flight;
  state.send_id = g_app.send.request_id;
  state.outcome = outcome_name(g_app);
  state.error_count =
      static_cast<int>(g_app.check.validation.errors.size() + g_app.check.connection_errors.size());
  state.drawn = g_drawn;
  state.settled = ImGui_ImplBrowser_EndFrame(animating);
  item_registry::publish(state);
  accessible_form::publish(g_app);
  // The page is up once its first picture is drawn whole: the frames of this step settled.
  if (!g_ready_sent) {
    g_ready_sent = true;
    browser::notify_ready();
  }
}

}  // namespace

int main(int, char**) {
  using namespace invitekit::web;

  // Setup window
  glfwSetErrorCallback(glfw_error_callback);
  if (!glfwInit()) {
    browser::notify_error("The window system (GLFW) could not start.");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // Colour only, opaque: ImGui needs no depth or stencil buffer, and an opaque canvas is cheaper
  // for the browser to compose (with software WebGL every buffer is memory the CPU goes through).
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  g_window = glfwCreateWindow(1, 1, "invitekit admin", nullptr, nullptr);  // sized per frame
  if (g_window == nullptr) {
    browser::notify_error(
        "This browser could not create a WebGL 2 context. Turn on hardware acceleration, "
        "or open the page in a current Chrome, Edge, Firefox or Safari.");
    return 1;
  }
  glfwMakeContextCurrent(g_window);

  // Setup Dear ImGui context
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no filesystem; the layout is computed each frame
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
  item_registry::enable();

  // Setup Dear ImGui style
  apply_style();
  item_registry::publish_theme({{"error", colors::error},
                                {"warning", colors::warning},
                                {"success", colors::success},
                                {"muted", colors::muted},
                                {"accent", colors::accent},
                                {"accentHovered", colors::accent_hovered},
                                {"accentActive", colors::accent_active},
                                {"onAccent", colors::on_accent}});

  // Setup Platform/Renderer backends (imgui_impl_browser installs the GLFW callbacks)
  ImGui_ImplGlfw_InitForOpenGL(g_window, false);
  ImGui_ImplBrowser_Init(g_window);
  ImGui_ImplBrowser_SetResumeCallback(item_registry::unsettle);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // Our state
  ImGui_ImplBrowser_UpdateCanvas();
  load_fonts(ImGui_ImplBrowser_DevicePixelRatio());
  init_state(g_app);
  accessible_form::install(g_app);

  // Main loop
  emscripten_set_main_loop(main_loop_step, 0, true);

  // Cleanup (not reached in the browser: the main loop runs until the page closes)
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(g_window);
  glfwTerminate();
  return 0;
}
