// invitekit admin page: fonts, style and small widgets.
#include "widgets.h"

#include <cmath>
#include <cstdio>

#include "fonts.h"
#include "test_hooks.h"

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

int string_resize(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(data->BufTextLen);
    data->Buf = text->data();
  }
  return 0;
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

bool InputString(const char* id, std::string* text, const char* hint, ImGuiInputTextFlags flags) {
  flags |= ImGuiInputTextFlags_CallbackResize;
  if (text->capacity() < 16) text->reserve(16);
  return ImGui::InputTextWithHint(id, hint ? hint : "", text->data(), text->capacity() + 1, flags,
                                  string_resize, text);
}

void Heading(const char* text) {
  ImGui::PushFont(g_fonts.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
}

void TextMuted(const char* text) { TextWrappedColored(colors::muted, text); }

void TextWrappedColored(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  test_hooks::text_last_item(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void ShowText(const char* text) {
  ImGui::TextUnformatted(text);
  test_hooks::text_last_item(text);
}

void ShowTextColored(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ShowText(text);
  ImGui::PopStyleColor();
}

void ShowTextDisabled(const char* text) {
  ShowTextColored(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), text);
}

void ShowTextMono(const char* text) {
  ImGui::PushFont(g_fonts.mono);
  ShowText(text);
  ImGui::PopFont();
}

bool PrimaryButton(const char* label, bool enabled, const ImVec2& size) {
  if (!enabled) ImGui::BeginDisabled();
  ImGui::PushStyleColor(ImGuiCol_Button, colors::accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::accent_hovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::accent_active);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::on_accent);
  ImGui::PushFont(g_fonts.bold);
  bool pressed = ImGui::Button(label, size);
  ImGui::PopFont();
  ImGui::PopStyleColor(4);
  if (!enabled) ImGui::EndDisabled();
  return pressed && enabled;
}

bool SmallButtonEnabled(const char* label, bool enabled) {
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::SmallButton(label);
  if (!enabled) ImGui::EndDisabled();
  return pressed && enabled;
}

void Spinner(float radius) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 center(pos.x + radius, pos.y + ImGui::GetTextLineHeight() * 0.5f);
  float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PathArcTo(center, radius - 1.5f, t, t + 4.2f, 20);
  draw->PathStroke(ImGui::GetColorU32(colors::accent), 0, 3.0f);
  ImGui::Dummy(ImVec2(radius * 2, ImGui::GetTextLineHeight()));
}

void HelpMarker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void SameLineIfFits(float width, float spacing) {
  ImGui::SameLine(0, spacing);
  // After SameLine the available width is what is left of this line (of the table cell).
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float ButtonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

float CheckboxWidth(const char* label) {
  const float text = ImGui::CalcTextSize(label, nullptr, true).x;
  return ImGui::GetFrameHeight() + (text > 0 ? ImGui::GetStyle().ItemInnerSpacing.x + text : 0);
}

bool BeginFieldTable(const char* id, float label_width) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_width);
  ImGui::TableSetupColumn("input", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

void FieldLabel(const char* label, const char* help, bool optional) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  if (help && *help) {
    ImGui::SameLine();
    HelpMarker(help);
  }
  if (optional) {
    ImGui::SameLine();
    ImGui::TextDisabled("optional");
  }
  ImGui::TableNextColumn();
}

void EndFieldTable() { ImGui::EndTable(); }

}  // namespace invitekit::web
