// invitekit admin page: the history — every send with its time, endpoint, body and outcome
// (never credentials), kept in localStorage; an entry can be opened as the draft.
#include <string>

#include "item_registry.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {

void DrawHistoryPanel(app_state& s) {
  ImGui::PushFont(g_fonts.bold);
  ImGui::TextUnformatted("History");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%d sent, kept in this browser (no credentials)",
                      static_cast<int>(s.history.size()));
  if (!s.history.empty()) {
    const char* clear = "Clear history";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(clear).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::SmallButton(clear)) ImGui::OpenPopup("Clear history?##confirm");
  }
  if (ImGui::BeginPopup("Clear history?##confirm")) {
    ImGui::TextUnformatted("Forget every sent invite in this browser?");
    if (ImGui::Button("Clear##confirm-clear")) {
      clear_history(s);
      ImGui::CloseCurrentPopup();
    }
    item_registry::label_last_item("Confirm clear history", "Clear##confirm-clear");
    ImGui::SameLine();
    if (ImGui::Button("Keep##confirm-keep")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::Separator();

  if (s.history.empty()) {
    TextMuted(
        "Nothing sent yet. Each invite you send is listed here with its outcome; open one to "
        "send it again or change it.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_Resizable;
  float height = ImGui::GetContentRegionAvail().y;
  if (height < 160) height = 160;
  if (ImGui::BeginTable("##history", 5, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn("Endpoint", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Outcome", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Body", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 56);
    ImGui::TableHeadersRow();
    int open = -1;
    for (int i = static_cast<int>(s.history.size()) - 1; i >= 0; --i) {
      const history_entry& e = s.history[i];
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ShowText(e.time.c_str());
      ImGui::TableNextColumn();
      const endpoint_info* info = find_endpoint(e.endpoint);
      ShowText(info ? info->title.c_str() : e.endpoint.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.endpoint.c_str());
      ImGui::TableNextColumn();
      ShowTextColored(outcome_color(e.outcome), outcome_words(e.outcome));
      if (e.status) {
        ImGui::SameLine();
        ShowTextDisabled(std::to_string(e.status).c_str());
      }
      if (!e.message.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.message.c_str());
      ImGui::TableNextColumn();
      ShowTextMono(e.body.c_str());
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(e.body.c_str());
        if (!e.message.empty()) ImGui::TextDisabled("%s", e.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImGui::TableNextColumn();
      std::string open_id = "Open##history/" + std::to_string(s.history.size() - 1 - i);
      if (ImGui::SmallButton(open_id.c_str())) open = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this invite as the draft");
      ImGui::PopID();
    }
    ImGui::EndTable();
    if (open >= 0) open_history_entry(s, s.history[open]);
  }
}

}  // namespace invitekit::web
