// invitekit admin page: the response panel — the outcome in words (from
// invitekit::read_response), the server's message and ids, one row per target for bulk invites,
// and for failed fetches what probably happened and what to do.
#include <cstdio>
#include <string>

#include "browser.h"
#include "page_json.h"
#include "panels/panels.h"
#include "pretty_json.h"
#include "text.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

std::string origin_of(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

// serve.py forwards <origin>/proxy/<family>/<path> to the upstream it was started with.
void proxy_button(app_state& s, const std::string& family) {
  const std::string proxy_url = s.origin + "/proxy/" + kebab_case(family);
  if (ImGui::Button("Use the proxy as the server")) {
    s.conn.base_url[family] = proxy_url;
    s.dirty = true;
    save_settings(s);
    show_notice(s, "The server is now " + proxy_url + ". Press Send to send through it.");
  }
  TextMuted(("This only changes the Server field to " + proxy_url +
             "; nothing is sent until you press Send.")
                .c_str());
}

void copyable_command(app_state& s, const std::string& command) {
  ImGui::PushFont(g_fonts.mono);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(command.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  if (ImGui::SmallButton("Copy command")) {
    browser::set_clipboard_text(command);
    show_notice(s, "Copied the command.");
  }
}

void draw_failure(app_state& s) {
  const fetch_result& r = s.send.result;
  const std::string origin = origin_of(s.send.request.url);
  const endpoint_info& info = *find_endpoint(s.send.endpoint);
  const std::string& url = s.send.request.url;
  const bool has_path =
      url.size() >= info.path.size() &&
      url.compare(url.size() - info.path.size(), info.path.size(), info.path) == 0;
  const std::string base = has_path ? url.substr(0, url.size() - info.path.size()) : origin;
  const std::string proxy = "python3 serve.py --upstream-" + kebab_case(info.family) + " " + base;

  ImGui::PushFont(g_fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Text,
                        r.failure == fetch_failure::cancelled ? colors::warning : colors::error);
  const char* title = failure_title(r.failure);
  ShowText(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();

  switch (r.failure) {
    case fetch_failure::timeout:
      TextMuted(
          "The request was aborted after 30 seconds. The server may still have processed it: "
          "check the user or the history before sending again.");
      break;
    case fetch_failure::cancelled:
      TextMuted(
          "You cancelled before an answer arrived. The server may still have processed the "
          "invite: check before sending again.");
      break;
    case fetch_failure::offline:
      TextMuted("Reconnect to the network and send again.");
      break;
    case fetch_failure::unreachable:
      TextWrappedColored(colors::muted,
                         ("Nothing answered at " + origin +
                          ". Check the server address; if it is the sandbox, start it "
                          "with `make serve` and send again.")
                             .c_str());
      break;
    case fetch_failure::cors:
      TextWrappedColored(colors::muted,
                         (origin + " answered, but it does not allow calls from this page, "
                                   "so the browser refused to hand over the response. Send "
                                   "through serve.py instead: restart it with the proxy option, "
                                   "then send to this page's server, which forwards to the real "
                                   "API:")
                             .c_str());
      copyable_command(s, proxy);
      proxy_button(s, info.family);
      break;
    case fetch_failure::blocked:
      TextWrappedColored(colors::muted,
                         ("This page's security policy only lets it connect to its own server "
                          "and the upstreams serve.py was started with; " +
                          origin +
                          " is not one of them. Restart serve.py with the proxy option and send "
                          "through this page's server:")
                             .c_str());
      copyable_command(s, proxy);
      proxy_button(s, info.family);
      break;
    case fetch_failure::page_server:
      TextMuted(
          "The page's own server (serve.py) no longer answers. Restart it with `make serve`, "
          "then send again.");
      break;
    case fetch_failure::answer_cut:
      TextWrappedColored(colors::muted,
                         ("The server answered with status " + std::to_string(r.status) +
                          ", but the connection closed before the rest of its answer arrived. The invite may "
                          "have been done: check the user or the history before sending again.")
                             .c_str());
      break;
    case fetch_failure::none:
      break;
  }
  if (!r.detail.empty()) ShowTextDisabled(("Browser: " + r.detail).c_str());
}

void draw_results_table(const response_reading& reading) {
  if (reading.results.empty()) return;
  ImGui::Spacing();
  // Target: its kind over its id (and the user or invite id the server gave, under it); result:
  // added or failed and the server's words, wrapped. Ids are never wrapped, so the target column
  // is as wide as one.
  ImGui::PushFont(g_fonts.mono);
  const float id_w = ImGui::CalcTextSize("123e4567-e89b-12d3-a456-426614174000").x;
  ImGui::PopFont();
  const float target_w = id_w + ImGui::GetStyle().CellPadding.x * 2;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("##results", 2, flags)) return;
  ImGui::TableSetupColumn("Target", ImGuiTableColumnFlags_WidthFixed, target_w);
  ImGui::TableSetupColumn("Result", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const target_result& row : reading.results) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ShowTextDisabled(row.target_kind.c_str());
    ShowTextMono(row.target_id.c_str());
    const std::string& id = !row.user_id.empty() ? row.user_id : row.invite_id;
    if (!id.empty()) {
      ShowTextDisabled(!row.user_id.empty() ? "user" : "invite");
      ShowTextMono(id.c_str());
    }
    ImGui::TableNextColumn();
    ShowTextColored(row.success ? colors::success : colors::error,
                    row.success ? "\u2713 added" : "\u2717 failed");
    TextWrappedAtSpaces(row.success ? row.message.c_str() : row.error.c_str());
  }
  ImGui::EndTable();
}

// Which invite the outcome is for: when it was sent, to which endpoint, for whom; and whether the
// form has moved on since (then the outcome is an earlier invite's).
void draw_outcome_owner(const app_state& s) {
  const send_state& send = s.send;
  const endpoint_info* info = find_endpoint(send.endpoint);
  const json body = parse_json(send.request.body);
  std::string who = text_of(member(body, "email"));
  std::string line = "The invite sent at " + send.sent_at;
  if (info) line += " \u00b7 " + info->title;
  if (!who.empty()) line += " \u00b7 " + who;
  ShowTextDisabled(line.c_str());
  if (outcome_is_stale(s))
    TextWrappedColored(colors::warning,
                       "! The form has changed since: this is the outcome of that earlier invite, "
                       "not of the one shown now.");
}

}  // namespace

const char* failure_title(fetch_failure failure) {
  switch (failure) {
    case fetch_failure::timeout:
      return "No answer within 30 seconds";
    case fetch_failure::cancelled:
      return "Cancelled";
    case fetch_failure::offline:
      return "The browser is offline";
    case fetch_failure::unreachable:
      return "The server could not be reached";
    case fetch_failure::cors:
      return "The browser blocked the call (CORS)";
    case fetch_failure::blocked:
      return "This page may not connect there";
    case fetch_failure::page_server:
      return "This page's server stopped answering";
    case fetch_failure::answer_cut:
      return "The answer was cut off";
    case fetch_failure::none:
      break;
  }
  return "Not sent: no response";
}

const char* outcome_words(const std::string& outcome) {
  if (outcome == "success") return "Success";
  if (outcome == "partial") return "Partly done";
  if (outcome == "failure") return "Failed";
  if (outcome == "cancelled") return "Cancelled";
  if (outcome == "network") return "No response";
  return outcome.c_str();
}

ImVec4 outcome_color(const std::string& outcome) {
  if (outcome == "success") return colors::success;
  if (outcome == "partial" || outcome == "cancelled") return colors::warning;
  return colors::error;
}

void DrawResponsePanel(app_state& s) {
  Heading("Response");
  const send_state& send = s.send;
  if (send.in_flight) {
    Spinner(9);
    ImGui::SameLine();
    char waiting[256];
    std::snprintf(waiting, sizeof waiting, "Waiting for %s … %.0f s",
                  origin_of(send.request.url).c_str(), ImGui::GetTime() - send.started_at);
    ShowText(waiting);
    if (ImGui::Button("Cancel##response-cancel")) cancel_send(s);
    return;
  }
  if (!send.has_result) {
    TextMuted(
        "Nothing sent yet. Fill in the invite, then press Send (or Enter). The outcome, the "
        "server's message and, for bulk invites, one row per website or group appear here.");
    return;
  }
  draw_outcome_owner(s);
  if (send.result.failure != fetch_failure::none) {
    draw_failure(s);
    return;
  }

  const response_reading& r = send.reading;
  const std::string outcome = to_string(r.result);
  int succeeded = 0;
  for (const auto& row : r.results) succeeded += row.success ? 1 : 0;
  // A bulk invite whose every target failed is answered 200: said as what it is.
  const bool none_succeeded = !r.results.empty() && succeeded == 0;
  ImGui::PushFont(g_fonts.bold);
  const char* icon = r.result == outcome::success   ? "\u2713 "
                     : r.result == outcome::partial ? "! "
                                                    : "\u2717 ";
  ShowTextColored(
      outcome_color(outcome),
      (std::string(icon) + (none_succeeded ? "None succeeded" : outcome_words(outcome))).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ShowTextDisabled(("HTTP " + std::to_string(r.status)).c_str());
  if (!r.results.empty()) {
    ImGui::SameLine();
    ShowTextDisabled(("\u00b7 " + std::to_string(succeeded) + " of " +
                      std::to_string(r.results.size()) + " targets")
                         .c_str());
  }
  if (none_succeeded)
    TextMuted(
        "The server took the request, but refused every website or group: each row below "
        "says why.");
  if (!r.message.empty())
    TextWrappedColored(ImGui::GetStyleColorVec4(ImGuiCol_Text), r.message.c_str());
  if (!r.invite_id.empty()) {
    ShowTextDisabled("Invite ID");
    ImGui::SameLine();
    ShowTextMono(r.invite_id.c_str());
  }
  if (!r.user_id.empty()) {
    ShowTextDisabled("User ID");
    ImGui::SameLine();
    ShowTextMono(r.user_id.c_str());
  }
  if (r.retry_after)
    ShowTextColored(colors::warning,
                    ("Try again in " + std::to_string(*r.retry_after) + " s.").c_str());
  for (const issue& w : r.warnings) TextWrappedColored(colors::warning, ("! " + w.message).c_str());
  draw_results_table(r);

  ImGui::Spacing();
  if (ImGui::TreeNode("Raw response##raw")) {
    ImGui::PushFont(g_fonts.mono);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (const auto& [name, value] : send.result.headers)
      TextWrappedAtSpaces((name + ": " + value).c_str());
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(pretty_json(send.result.body).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::TreePop();
  }
}

}  // namespace invitekit::web
