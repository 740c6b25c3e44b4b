// invitekit admin page: the layout — a header with the endpoints as tabs; the form and the send bar
// on the left, connection, request preview and response on the right, history (and the sandbox)
// below. Under 900 CSS pixels wide the panels stack in one scrolling column.
#include <algorithm>
#include <cmath>
#include <string>

#include "batch_send.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

constexpr ImGuiChildFlags k_panel_flags =
    ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding;

template <typename Draw>
void panel(const char* id, ImVec2 size, Draw draw) {
  ImGui::BeginChild(id, size, k_panel_flags);
  draw();
  ImGui::EndChild();
}

// A panel as tall as its content (ImGui sizes it from the frame before, and main.cpp runs
// frames until the layout settles), scrolling past `max_height`. Returns its height.
template <typename Draw>
float fitted_panel(const char* id, float width, float max_height, Draw draw) {
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, std::max(60.0f, max_height)));
  ImGui::BeginChild(id, ImVec2(width, 0), k_panel_flags | ImGuiChildFlags_AutoResizeY);
  draw();
  ImGui::EndChild();
  return ImGui::GetItemRectSize().y;
}

// The send bar under the form, at the height it took last frame (the form above gets the rest).
float g_send_bar_height = 100;

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

  // The endpoints as tabs, then the batch's. A change made elsewhere (opening a history entry, a
  // file dropped) selects its tab. On a narrow window the tabs shrink (their titles end in "...")
  // instead of scrolling away.
  const int batch_tab = static_cast<int>(s.forms.size());
  auto wanted = [&] { return s.batch.shown ? batch_tab : s.current; };
  static int shown = -1;
  const bool forced = shown != wanted();
  const int selected = wanted();
  if (ImGui::BeginTabBar("##endpoints", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    for (int i = 0; i <= batch_tab; ++i) {
      std::string label = i == batch_tab ? "Invite many people##tab/batch"
                                         : s.forms[i].info->title + "##tab/" + s.forms[i].info->id;
      ImGuiTabItemFlags flags = forced && i == selected ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
        if (!forced && i != selected) {
          if (i == batch_tab) {
            show_batch_tab(s);
          } else {
            hide_batch_tab(s);
            select_endpoint(s, i);
          }
        }
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  shown = wanted();
}

void DrawApp(app_state& s) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const bool wide = viewport->Size.x >= 900;
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  // No background: the frame is cleared to the window colour already (main.cpp).
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
  if (!wide) flags &= ~ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin("invitekit admin", nullptr, flags);
  // Whether a popup (a combo, the paste dialog, the question before a repeat) had the keyboard
  // when this frame began: then Enter was its own, even if it closed the popup.
  const bool popup_open =
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  DrawHeader(s);

  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = style.ItemSpacing.x + 2;
  if (s.batch.shown) {
    // The table on the left; where it goes (server, credentials) and sending it on the right.
    const float right_w = wide ? std::floor(std::clamp(avail.x * 0.34f, 340.0f, 520.0f)) : avail.x;
    const float left_w = wide ? avail.x - right_w - gap : avail.x;
    panel("##batch", ImVec2(left_w, wide ? avail.y : std::max(avail.y, 520.0f)), [&] { DrawBatchPanel(s); });
    if (wide) ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const float connection_h = fitted_panel("##connection", right_w, avail.y * 0.5f, [&] { DrawConnectionPanel(s); });
    panel("##batch-send", ImVec2(right_w, wide ? avail.y - connection_h - style.ItemSpacing.y : 360.0f),
          [&] { DrawBatchSendPanel(s); });
    ImGui::EndGroup();
  } else if (wide) {
    // Top: the invite form and its send bar on the left; where it goes (server, credentials), the
    // exact request and the outcome on the right. Below: history and the sandbox.
    const float bottom_h = std::floor(std::clamp(avail.y * 0.15f, 100.0f, 280.0f));
    const float top_h = avail.y - bottom_h - gap;
    const float left_w = std::floor(std::clamp(avail.x * 0.48f, 420.0f, 820.0f));
    const float right_w = avail.x - left_w - gap;
    const float min_response_h = 130.0f;

    ImGui::BeginGroup();
    panel("##form",
          ImVec2(left_w, std::max(120.0f, top_h - g_send_bar_height - style.ItemSpacing.y)),
          [&] { DrawInviteForm(s); });
    g_send_bar_height = fitted_panel("##send-bar", left_w, top_h, [&] { DrawSendBar(s); });
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const float connection_h =
        fitted_panel("##connection", right_w, top_h * 0.5f, [&] { DrawConnectionPanel(s); });
    const float rest = top_h - connection_h - style.ItemSpacing.y;
    const float preview_h =
        fitted_panel("##preview", right_w, rest - min_response_h - style.ItemSpacing.y,
                     [&] { DrawRequestPreview(s); });
    panel("##response", ImVec2(right_w, rest - preview_h - style.ItemSpacing.y),
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
    panel("##form", ImVec2(w, std::max(avail.y * 0.7f, 420.0f)), [&] { DrawInviteForm(s); });
    fitted_panel("##send-bar", w, 400, [&] { DrawSendBar(s); });
    fitted_panel("##connection", w, 400, [&] { DrawConnectionPanel(s); });
    panel("##preview", ImVec2(w, 320), [&] { DrawRequestPreview(s); });
    panel("##response", ImVec2(w, 300), [&] { DrawResponsePanel(s); });
    panel("##history", ImVec2(w, 280), [&] { DrawHistoryPanel(s); });
    if (s.is_sandbox()) panel("##sandbox", ImVec2(w, 360), [&] { DrawSandboxPanel(s); });
  }

  // Enter sends, unless a popup has the keyboard.
  const bool enter =
      ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
  if (enter && !popup_open && !s.batch.shown && s.can_send()) request_send(s);
  ImGui::End();
}

}  // namespace invitekit::web
