// invitekit admin page: sending the batch — how many at once, Send / Pause / Resume / Cancel,
// Retry failed, the unknown rows, Download results, and the progress: a bar, the counts, the time
// left, and in plain words why the batch waits or stopped.
#include <string>

#include "batch_files.h"
#include "batch_send.h"
#include "browser.h"
#include "item_registry.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string batch_send_label(const app_state& s) {
  const batch_counts n = count_rows(s.batch);
  if (n.waiting == 0) return "Send";
  if (n.done() == 0 && n.waiting == n.ready) return "Send " + plural(n.waiting, "row", "rows");
  return "Resume (" + plural(n.waiting, "row", "rows") + " left)";
}

std::string batch_progress_text(const app_state& s) {
  const batch_counts n = count_rows(s.batch);
  std::string text = "Sent " + std::to_string(n.done()) + " of " + std::to_string(n.to_send) + " \u00b7 " +
                     std::to_string(n.succeeded) + " succeeded \u00b7 " + std::to_string(n.already) +
                     " already had access \u00b7 " + std::to_string(n.failed) + " failed \u00b7 " +
                     std::to_string(n.waiting) + " waiting";
  if (n.sending > 0) text += " \u00b7 " + std::to_string(n.sending) + " sending";
  if (n.partial > 0) text += " \u00b7 " + std::to_string(n.partial) + " partly done";
  if (n.unknown > 0) text += " \u00b7 " + std::to_string(n.unknown) + " unknown";
  return text;
}

void DrawBatchSendPanel(app_state& s) {
  batch_state& b = s.batch;
  batch_run& run = b.run;
  const batch_counts n = count_rows(b);
  Heading("Send");

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Sends at once");
  ImGui::SameLine();
  int concurrency = run.concurrency;
  ImGui::SetNextItemWidth(std::min(160.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::SliderInt("##batch/concurrency", &concurrency, 1, 16, "%d", ImGuiSliderFlags_AlwaysClamp))
    set_batch_concurrency(s, concurrency);
  item_registry::label_last_item("Sends at once", "##batch/concurrency");
  ImGui::SameLine();
  HelpMarker("How many invites are in flight at the same time. The server's limits are respected either way: "
             "when it asks to slow down, the whole batch waits.");

  const issue_list connection = batch_connection_errors(s);
  const bool in_flight = run.in_flight > 0;
  if (run.running) {
    if (ImGui::Button("Pause##batch/pause")) pause_batch(s);
    ImGui::SameLine();
    if (ImGui::Button("Cancel##batch/cancel")) cancel_batch(s);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("No new sends; those in flight end and keep their outcome.");
  } else {
    const std::string label = batch_send_label(s) + "##batch/send";
    const bool can = n.waiting > 0 && connection.empty() && !in_flight;
    if (PrimaryButton(label.c_str(), can)) start_batch(s);
    if (!can && n.waiting > 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", connection.empty() ? "The sends in flight end first." : connection.front().message.c_str());
  }
  const bool idle = !run.running && !in_flight;
  SameLineIfFits(ButtonWidth("Retry 0000 failed"));
  if (SmallButtonEnabled(("Retry " + std::to_string(n.failed) + " failed##batch/retry-failed").c_str(),
                         idle && n.failed > 0 && connection.empty()))
    retry_failed(s);
  if (n.unknown > 0) {
    SameLineIfFits(ButtonWidth("Send 0000 unknown rows too"));
    if (SmallButtonEnabled(("Send " + plural(n.unknown, "unknown row", "unknown rows") + " too##batch/send-unknown").c_str(),
                           connection.empty()))
      send_unknown(s, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("They may have arrived already: an email invite sent twice sends two emails.");
  }
  SameLineIfFits(ButtonWidth("Download results"));
  if (SmallButtonEnabled("Download results##batch/download", !b.rows.empty()))
    batch_files::download_results(b);

  // The progress: the bar, the counts, the time left, and why it waits or stopped.
  const float fraction = n.to_send > 0 ? static_cast<float>(n.done()) / static_cast<float>(n.to_send) : 0.0f;
  const std::string overlay = std::to_string(n.done()) + " of " + std::to_string(n.to_send);
  ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0), overlay.c_str());
  TextWrappedAtSpaces(batch_progress_text(s).c_str());
  if (const int left = batch_seconds_left(s); left >= 0)
    ShowTextDisabled(("About " + plural(left, "second", "seconds") + " left").c_str());
  const std::string status = batch_status(s);
  if (!status.empty()) {
    const bool all_well = !run.running && in_flight == 0 && n.waiting == 0 && n.failed + n.unknown == 0;
    TextWrappedColored(!run.stopped_reason.empty() ? colors::error : all_well ? colors::success : colors::warning,
                       status.c_str());
  }
  for (const issue& e : connection) TextWrappedColored(colors::error, e.message.c_str());
  if (!run.resumed_note.empty()) TextWrappedColored(colors::warning, run.resumed_note.c_str());
  if (!b.storage_problem.empty()) TextWrappedColored(colors::error, b.storage_problem.c_str());
  // Countdowns ("retry in 3 s", "Waiting 2 seconds") move on while nothing else happens: one
  // wake a second, not one per frame.
  static double next_tick = 0;
  const double now = batch_now();
  if (run.running && now >= next_tick) {
    next_tick = now + 1000;
    browser::wake_after(1000);
  }
}

}  // namespace invitekit::web
