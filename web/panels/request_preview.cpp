// invitekit admin page: the request preview — exactly what Send will send (from
// invitekit::build_request), secrets masked, and "Copy as curl".
#include <string>

#include "browser.h"
#include "item_registry.h"
#include "panels/panels.h"
#include "pretty_json.h"
#include "widgets.h"
#include "page_json.h"

namespace invitekit::web {
namespace {

bool g_curl_secrets = false;  // "include secrets" in the copied curl command; off by default

void mono_block(const char* id, const std::string& text) {
  ImGui::PushFont(g_fonts.mono);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  // As tall as the body (the panel around it fits its content), scrolling past 24 lines.
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                      ImVec2(FLT_MAX, ImGui::GetTextLineHeightWithSpacing() * 24));
  ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY,
                    ImGuiWindowFlags_HorizontalScrollbar);
  ShowText(text.c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

void DrawRequestPreview(app_state& s) {
  const endpoint_info& info = *s.form().info;
  Heading("Request preview");
  const build_result& built = s.check.built;
  // The copy buttons beside the heading (one line less for the body to fit in).
  if (built.ok) {
    SameLineIfFits(ButtonWidth("Copy as curl") + CheckboxWidth("include secrets") +
                   ButtonWidth("Copy body") + ImGui::GetStyle().ItemSpacing.x * 3);
    if (ImGui::SmallButton("Copy as curl")) {
      browser::set_clipboard_text(curl_command(s, built.request, g_curl_secrets));
      show_notice(s, g_curl_secrets
                         ? "Copied the curl command, secrets included."
                         : "Copied the curl command; secrets are read from environment variables.");
    }
    ImGui::SameLine();
    ImGui::Checkbox("include secrets", &g_curl_secrets);
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy body")) {
      browser::set_clipboard_text(built.request.body);
      show_notice(s, "Copied the JSON body.");
    }
  }

  std::string url = built.ok ? built.request.url : s.base_url() + info.path;
  ImGui::PushFont(g_fonts.mono);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::success);
  ImGui::TextUnformatted(info.method.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(url.c_str());
  ImGui::PopTextWrapPos();

  if (built.ok) {
    for (const auto& [name, value] : built.request.headers) {
      const credential_spec* credential = credential_for_header(info, name);
      const std::string shown = credential ? masked_header_value(*credential) : value;
      ImGui::TextDisabled("%s:", name.c_str());
      ImGui::SameLine();
      ImGui::TextUnformatted(shown.c_str());
    }
  }
  ImGui::PopFont();

  if (!built.ok) {
    TextMuted(
        "The exact request appears here once the invite and the connection have no problems. "
        "The body as it stands:");
  }

  const std::string body = pretty_json(built.ok ? built.request.body : json_text(s.check.body.body));
  mono_block("##preview-body", body);
}

}  // namespace invitekit::web
