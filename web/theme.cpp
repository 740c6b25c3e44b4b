// invitekit admin page: fonts and style (see theme.h).
#include "theme.h"

#include <cstdio>
#include <string_view>

#include "fonts.h"

namespace invitekit::web {

theme_fonts g_fonts;

namespace {

const embedded_font* font_named(std::string_view name) {
  for (const auto& f : embedded_fonts())
    if (f.name == name) return &f;
  return nullptr;
}

ImFont* add_font(const char* name, float size_px, float dpr) {
  const embedded_font* f = font_named(name);
  if (!f) return nullptr;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193,
                                   0x25B8, 0x25BE, 0x2713, 0x2717, 0};
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are static
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  std::snprintf(config.Name, sizeof config.Name, "%s %.0fpx", name, size_px);
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(f->data),
                                                    static_cast<int>(f->size), size_px * dpr,
                                                    &config, ranges);
}

}  // namespace

void load_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g_fonts.regular = add_font("DejaVuSans-subset", 15.0f, dpr);
  g_fonts.bold = add_font("DejaVuSans-Bold-subset", 15.0f, dpr);
  g_fonts.mono = add_font("DejaVuSansMono-subset", 14.0f, dpr);
  io.FontDefault = g_fonts.regular;
  io.FontGlobalScale = 1.0f / dpr;
  io.Fonts->Build();
}

void apply_style() {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(14, 12);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.CellPadding = ImVec2(6, 4);
  style.ScrollbarSize = 13;
  style.GrabMinSize = 10;
  style.WindowRounding = 0;
  style.ChildRounding = 6;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 4;
  style.TabRounding = 4;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0.93f, 0.94f, 0.95f, 1.00f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.63f, 0.68f, 1.00f);
  c[ImGuiCol_WindowBg] = ImVec4(0.059f, 0.063f, 0.071f, 1.00f);
  c[ImGuiCol_ChildBg] = ImVec4(0.098f, 0.106f, 0.122f, 1.00f);
  c[ImGuiCol_PopupBg] = ImVec4(0.11f, 0.12f, 0.14f, 0.98f);
  c[ImGuiCol_Border] = ImVec4(0.22f, 0.24f, 0.28f, 1.00f);
  c[ImGuiCol_FrameBg] = ImVec4(0.14f, 0.15f, 0.18f, 1.00f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.18f, 0.20f, 0.24f, 1.00f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.20f, 0.23f, 0.28f, 1.00f);
  c[ImGuiCol_TitleBg] = c[ImGuiCol_WindowBg];
  c[ImGuiCol_TitleBgActive] = c[ImGuiCol_WindowBg];
  c[ImGuiCol_CheckMark] = ImVec4(0.45f, 0.68f, 1.00f, 1.00f);
  c[ImGuiCol_SliderGrab] = c[ImGuiCol_CheckMark];
  c[ImGuiCol_Button] = ImVec4(0.18f, 0.20f, 0.25f, 1.00f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.27f, 0.33f, 1.00f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.28f, 0.32f, 0.40f, 1.00f);
  c[ImGuiCol_Header] = ImVec4(0.17f, 0.45f, 0.82f, 0.35f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.17f, 0.45f, 0.82f, 0.50f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.17f, 0.45f, 0.82f, 0.65f);
  c[ImGuiCol_Separator] = c[ImGuiCol_Border];
  c[ImGuiCol_Tab] = ImVec4(0.12f, 0.13f, 0.16f, 1.00f);
  c[ImGuiCol_TabHovered] = ImVec4(0.17f, 0.45f, 0.82f, 0.60f);
  c[ImGuiCol_TabActive] = colors::accent;  // (0.17, 0.45, 0.82) gave the tab's text only 4.1:1
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.14f, 0.15f, 0.18f, 1.00f);
  c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_Border];
  c[ImGuiCol_TableBorderLight] = ImVec4(0.18f, 0.20f, 0.23f, 1.00f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1.00f, 1.00f, 1.00f, 0.03f);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.17f, 0.45f, 0.82f, 0.45f);
  c[ImGuiCol_NavHighlight] = ImVec4(0.45f, 0.68f, 1.00f, 1.00f);
}

}  // namespace invitekit::web
