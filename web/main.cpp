// invitekit admin page: Dear ImGui (GLFW + WebGL2) in the browser — the ImGui example skeleton:
// set up the context and backends, run the main loop, clean up. The page itself is in panels/.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cstdio>

#include "accessible_form.h"
#include "app_state.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "panels/panels.h"
#include "platform.h"
#include "test_hooks.h"
#include "widgets.h"

namespace {

GLFWwindow* g_window = nullptr;
invitekit::web::app_state g_app;
invitekit::web::platform::canvas_metrics g_metrics;
bool g_device_ready = false;
// Frames drawn before the loading panel may go: ImGui 1.86 lays out a tab bar in the frame after
// its tabs appear (TabItemEx adds an appearing tab with an empty rectangle and draws nothing), so
// the first frame has no tabs to see or click.
int g_frames_before_ready = 2;

void glfw_error_callback(int error, const char* description) {
  std::fprintf(stderr, "GLFW error %d: %s\n", error, description);
}

void main_loop_step() {
  using namespace invitekit::web;

  // Crisp at any devicePixelRatio: the backing store follows CSS size × ratio, and the fonts
  // are rasterized again when the ratio changes (browser zoom, another screen).
  if (platform::update_canvas(&g_metrics)) {
    load_fonts(g_metrics.dpr);
    if (g_device_ready) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
  }

  // Start the Dear ImGui frame
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  platform::begin_frame(g_metrics);
  ImGui::NewFrame();
  g_device_ready = true;

  recheck(g_app);
  DrawApp(g_app);

  // Rendering
  ImGui::Render();
  int display_w = 0, display_h = 0;
  glfwGetFramebufferSize(g_window, &display_w, &display_h);
  glViewport(0, 0, display_w, display_h);
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  test_hooks::page_state state;
  state.endpoint = g_app.form().info->id;
  state.send_enabled = g_app.can_send();
  state.in_flight = g_app.send.in_flight;
  state.send_id = g_app.send.request_id;
  if (g_app.send.has_result) {
    state.outcome = g_app.send.result.failure == fetch_failure::none
                        ? to_string(g_app.send.reading.result)
                    : g_app.send.result.failure == fetch_failure::cancelled ? "cancelled"
                                                                            : "network";
  }
  state.error_count =
      static_cast<int>(g_app.check.validation.errors.size() + g_app.check.connection_errors.size());
  state.settled = platform::end_frame(g_app.send.in_flight || fetch_pending() > 0);
  test_hooks::publish(state);
  accessible_form::publish(g_app);
  if (g_frames_before_ready > 0) {
    if (--g_frames_before_ready == 0) platform::notify_ready();
    else platform::wake();  // idle or not, the next frame comes
  }
}

}  // namespace

int main(int, char**) {
  using namespace invitekit::web;

  // Setup window (our capture listeners go first, so they run ahead of GLFW's)
  platform::install();
  glfwSetErrorCallback(glfw_error_callback);
  if (!glfwInit()) {
    platform::notify_error("The window system (GLFW) could not start.");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  platform::update_canvas(&g_metrics);
  g_window = glfwCreateWindow(static_cast<int>(g_metrics.css_width * g_metrics.dpr),
                              static_cast<int>(g_metrics.css_height * g_metrics.dpr),
                              "invitekit admin", nullptr, nullptr);
  if (g_window == nullptr) {
    platform::notify_error(
        "This browser could not create a WebGL 2 context. Turn on hardware acceleration, "
        "or open the page in a current Chrome, Edge, Firefox or Safari.");
    return 1;
  }
  glfwMakeContextCurrent(g_window);
  glfwSwapInterval(1);  // Enable vsync

  // Setup Dear ImGui context
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no filesystem; the layout is computed each frame
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
  test_hooks::enable();

  // Setup Dear ImGui style
  apply_style();
  test_hooks::publish_theme({{"error", colors::error},
                             {"warning", colors::warning},
                             {"success", colors::success},
                             {"muted", colors::muted},
                             {"accent", colors::accent},
                             {"accentHovered", colors::accent_hovered},
                             {"accentActive", colors::accent_active},
                             {"onAccent", colors::on_accent}});

  // Setup Platform/Renderer backends (our own GLFW callbacks: see platform.h)
  ImGui_ImplGlfw_InitForOpenGL(g_window, false);
  platform::install_callbacks(g_window);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // Our state
  load_fonts(g_metrics.dpr);
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
