// invitekit admin page: the layout — a header with the endpoints as tabs; connection and form on
// the left, request preview and response on the right, history (and the sandbox) below. Under
// 900 CSS pixels wide the panels stack in one scrolling column.
#include <algorithm>
#include <cmath>
#include <string>

#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

constexpr ImGuiChildFlags k_panel_flags = ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding;

template <typename Draw>
void panel(const char* id, ImVec2 size, Draw draw) {
  ImGui::BeginChild(id, size, k_panel_flags);
  draw();
  ImGui::EndChild();
}

// The send bar sits under the form at the height it needed last frame (its summary grows and
// shrinks with the number of problems).
float g_send_bar_height = 110;

void send_bar(app_state& s, float width) {
  ImGui::BeginChild("##send-bar", ImVec2(width, g_send_bar_height), k_panel_flags,
                    ImGuiWindowFlags_NoScrollbar);
  DrawSendBar(s);
  float needed =
      ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
  ImGui::EndChild();
  // The next frame of the step draws it at that height (main.cpp runs frames until they settle).
  if (std::fabs(needed - g_send_bar_height) > 0.5f) g_send_bar_height = needed;
}

void form_column(app_state& s) {
  DrawConnectionPanel(s);
  ImGui::Spacing();
  ImGui::Spacing();
  DrawInviteForm(s);
}

}  // namespace

void DrawHeader(app_state& s) {
  ImGui::PushFont(g_fonts.bold);
  ImGui::TextUnformatted("invitekit");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("admin \u2014 invite people with the AthenaHQ and users-organizations APIs");
  if (!s.notice.empty() && ImGui::GetTime() < s.notice_until) {
    float w = ImGui::CalcTextSize(s.notice.c_str()).x;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX() + 16, ImGui::GetWindowContentRegionMax().x - w));
    ImGui::TextColored(colors::success, "%s", s.notice.c_str());
  }

  // The endpoints as tabs. A change made elsewhere (opening a history entry) selects its tab.
  // On a narrow window the tabs shrink (their titles end in "...") instead of scrolling away.
  static int shown = -1;
  const bool forced = shown != s.current;
  if (ImGui::BeginTabBar("##endpoints", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    for (int i = 0; i < static_cast<int>(s.forms.size()); ++i) {
      const endpoint_info& info = *s.forms[i].info;
      std::string label = info.title + "##tab/" + info.id;
      ImGuiTabItemFlags flags = forced && i == s.current ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
        if (!forced && i != s.current) select_endpoint(s, i);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  shown = s.current;
}

void DrawApp(app_state& s) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const bool wide = viewport->Size.x >= 900;
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!wide) flags &= ~ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin("invitekit admin", nullptr, flags);
  DrawHeader(s);

  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = style.ItemSpacing.x + 2;
  if (wide) {
    const float bottom_h = std::floor(std::clamp(avail.y * 0.22f, 150.0f, 300.0f));
    const float top_h = avail.y - bottom_h - gap;
    const float left_w = std::floor(std::clamp(avail.x * 0.48f, 420.0f, 760.0f));
    const float right_w = avail.x - left_w - gap;

    ImGui::BeginGroup();
    panel("##form", ImVec2(left_w, std::max(120.0f, top_h - g_send_bar_height - gap)),
          [&] { form_column(s); });
    send_bar(s, left_w);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const float preview_h = std::floor(top_h * 0.48f);
    panel("##preview", ImVec2(right_w, preview_h), [&] { DrawRequestPreview(s); });
    panel("##response", ImVec2(right_w, top_h - preview_h - style.ItemSpacing.y),
          [&] { DrawResponsePanel(s); });
    ImGui::EndGroup();

    const bool sandbox = s.is_sandbox();
    const float history_w = sandbox ? std::floor(avail.x * 0.55f) : avail.x;
    panel("##history", ImVec2(history_w, bottom_h), [&] { DrawHistoryPanel(s); });
    if (sandbox) {
      ImGui::SameLine(0, gap);
      panel("##sandbox", ImVec2(avail.x - history_w - gap, bottom_h), [&] { DrawSandboxPanel(s); });
    }
  } else {
    const float w = avail.x;
    panel("##form", ImVec2(w, std::max(avail.y * 0.8f, 480.0f)), [&] { form_column(s); });
    send_bar(s, w);
    panel("##preview", ImVec2(w, 320), [&] { DrawRequestPreview(s); });
    panel("##response", ImVec2(w, 300), [&] { DrawResponsePanel(s); });
    panel("##history", ImVec2(w, 280), [&] { DrawHistoryPanel(s); });
    if (s.is_sandbox()) panel("##sandbox", ImVec2(w, 360), [&] { DrawSandboxPanel(s); });
  }

  // Enter sends, unless a popup (a combo, the paste dialog) has the keyboard.
  const bool enter =
      ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
  if (enter &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) &&
      s.can_send())
    send(s);
  ImGui::End();
}

}  // namespace invitekit::web
