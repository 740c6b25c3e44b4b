// invitekit admin page: small widgets (see widgets.h).
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "item_registry.h"

namespace invitekit::web {
namespace {

int string_resize(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(data->BufTextLen);
    data->Buf = text->data();
  }
  return 0;
}

}  // namespace

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
}

void TextMuted(const char* text) { TextWrappedColored(colors::muted, text); }

void TextWrappedColored(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  TextWrappedAtSpaces(text);
  ImGui::PopStyleColor();
}

void TextWrappedAtSpaces(const char* text) {
  // ImGui also breaks lines after '.' and ',', which cuts "name@example.com" or a URL in two:
  // here a line ends only at a space (a word wider than the line goes on a line of its own).
  const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
  const std::string_view all(text);
  ImGui::BeginGroup();
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = start;  // the line is all[start, end)
    for (std::size_t next = start; next <= all.size();) {
      std::size_t space = all.find(' ', next);
      if (space == std::string_view::npos) space = all.size();
      const std::string_view line = all.substr(start, space - start);
      if (end > start && ImGui::CalcTextSize(line.data(), line.data() + line.size()).x > width)
        break;
      end = space;
      next = space + 1;
      if (space == all.size()) break;
    }
    ImGui::TextUnformatted(all.data() + start, all.data() + end);
    if (end >= all.size()) break;
    start = end + 1;
  }
  ImGui::EndGroup();
  item_registry::text_last_item(text);
}

void ShowText(const char* text) {
  ImGui::TextUnformatted(text);
  item_registry::text_last_item(text);
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
