// invitekit admin page: the Connection panel — server (sandbox or the docs' server) and
// credentials as masked fields, remembered only in this tab and only when asked.
#include <string>

#include "item_registry.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {

void DrawConnectionPanel(app_state& s) {
  const endpoint_info& info = *s.form().info;
  Heading("Connection");

  if (!BeginFieldTable("##connection", form_label_width(s))) return;
  FieldLabel(
      "Server",
      s.is_sandbox()
          ? "The sandbox: serve.py's test API on this page's own server. Nothing real happens "
            "there; its keys are in the Sandbox panel."
          : "A real server: invites are sent for real. If the browser blocks the call (CORS), "
            "the Response panel says how to go through serve.py's proxy.",
      false);
  // The two buttons go beside the URL when it keeps a useful width, else under it.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float buttons_w = ButtonWidth("Sandbox") + ButtonWidth("Docs' server") + spacing * 2;
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(avail - buttons_w >= 180.0f ? avail - buttons_w : -FLT_MIN);
  if (InputString("##baseUrl", &s.base_url(), info.default_base_url.c_str())) {
    s.dirty = true;
    save_settings(s);
  }
  item_registry::label_last_item("Server", "##baseUrl");
  SameLineIfFits(ButtonWidth("Sandbox"));
  if (ImGui::Button("Sandbox")) {
    s.base_url() = s.origin;
    s.dirty = true;
    save_settings(s);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Send to the sandbox on this page's own server (%s).", s.origin.c_str());
  SameLineIfFits(ButtonWidth("Docs' server"));
  if (ImGui::Button("Docs' server")) {
    s.base_url() = info.default_base_url;
    s.dirty = true;
    save_settings(s);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Send to the real API: %s", info.default_base_url.c_str());

  const ImGuiInputTextFlags secret_flags = s.conn.show_secrets ? 0 : ImGuiInputTextFlags_Password;
  bool any_secret = false;
  for (const credential_spec& cred : info.credentials) {
    FieldLabel(cred.label.c_str(), nullptr, false);
    std::string id = "##credential/" + cred.name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string& value = s.conn.secrets[cred.name];
    if (InputString(id.c_str(), &value, cred.header.c_str(),
                    secret_flags | ImGuiInputTextFlags_CharsNoBlank)) {
      s.dirty = true;
      if (s.conn.remember) save_settings(s);
    }
    item_registry::label_last_item(cred.label.c_str(), id.c_str());
    any_secret = any_secret || !value.empty();
  }
  // The sandbox's keys and the two checkboxes share a row (wrapping when narrow).
  if (s.is_sandbox()) {
    FieldLabel("Sandbox keys",
               "serve.py's sandbox seeds fake, local keys; one click puts one in the field above.",
               false);
    DrawSandboxKeys(s);
    SameLineIfFits(CheckboxWidth("Show secrets"), 20);
  } else {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
  }
  ImGui::Checkbox("Show secrets", &s.conn.show_secrets);
  SameLineIfFits(CheckboxWidth("Remember in this tab"), 20);
  if (ImGui::Checkbox("Remember in this tab", &s.conn.remember)) save_settings(s);
  SameLineIfFits(ImGui::CalcTextSize("(?)").x);
  HelpMarker(
      "Keeps the credentials in this tab's sessionStorage until the tab is closed. Off: they are "
      "forgotten on reload. They are never written to localStorage, history or logs.");
  // Before anything is typed, the summary above Send says what is missing; after, it is said here.
  for (const issue& e : s.check.connection_errors)
    if (any_secret || e.code == codes::base_url)
      TextWrappedColored(colors::error, e.message.c_str());
  EndFieldTable();
}

}  // namespace invitekit::web
