// invitekit admin page: the invite form, generated from the endpoint description's `fields`, with
// every error and warning of invitekit::validate() under the field it is about.
#include <algorithm>
#include <string>
#include <vector>

#include "field_issues.h"
#include "panels/panels.h"
#include "item_registry.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

void draw_issue(const issue& e, bool error, bool emphasize) {
  const ImVec4 color = !emphasize ? colors::muted : error ? colors::error : colors::warning;
  std::string text = (error ? "\u2717 " : "! ") + e.message;
  TextWrappedColored(color, text.c_str());
}

// Placeholders are examples; said so, they are not mistaken for values already filled in.
std::string example(const field_spec& field) {
  return field.placeholder.empty() ? std::string() : "e.g. " + field.placeholder;
}

bool draw_text_field(const field_spec& field, std::string& value) {
  std::string id = "##" + field.path;
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool changed = InputString(id.c_str(), &value, example(field).c_str());
  item_registry::label_last_item(field.label.c_str(), id.c_str());
  return changed;
}

bool draw_radio(const field_spec& field, std::string& value) {
  bool changed = false;
  for (std::size_t i = 0; i < field.choices.size(); ++i) {
    const field_choice& choice = field.choices[i];
    std::string label = choice.label + "##" + field.path + "=" + choice.value;
    if (i > 0) SameLineIfFits(CheckboxWidth(choice.label.c_str()), 18);
    if (ImGui::RadioButton(label.c_str(), value == choice.value)) {
      changed = value != choice.value;
      value = choice.value;
    }
  }
  return changed;
}

bool draw_combo(const field_spec& field, std::string& value) {
  bool changed = false;
  std::string preview = value;
  for (const auto& choice : field.choices)
    if (choice.value == value) preview = choice.label;
  std::string id = "##" + field.path;
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 260.0f));
  const bool open =
      ImGui::BeginCombo(id.c_str(), preview.empty() ? "Choose\u2026" : preview.c_str());
  // BeginCombo reports no label of its own.
  item_registry::label_last_item(field.label.c_str(), id.c_str());
  if (open) {
    for (const auto& choice : field.choices) {
      std::string label = choice.label + "##" + field.path + "=" + choice.value;
      if (ImGui::Selectable(label.c_str(), value == choice.value)) {
        changed = value != choice.value;
        value = choice.value;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The "Paste many" dialog's text, per list.
std::string g_paste_text;

bool draw_id_list(const field_spec& field, std::vector<std::string>& rows,
                  const field_issues& issues, bool emphasize) {
  bool changed = false;
  if (rows.empty()) rows.push_back("");
  const float remove_w = ImGui::GetFrameHeight();
  int remove = -1;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    std::string id = "##" + field.path + "/" + std::to_string(i);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - remove_w -
                            ImGui::GetStyle().ItemSpacing.x);
    if (InputString(id.c_str(), &rows[i], example(field).c_str())) changed = true;
    std::string row_label = field.label + " " + std::to_string(i + 1);
    item_registry::label_last_item(row_label.c_str(), id.c_str());
    ImGui::SameLine();
    std::string remove_id = "\u2717##" + field.path + "/" + std::to_string(i) + "/remove";
    if (ImGui::Button(remove_id.c_str(), ImVec2(remove_w, 0))) remove = static_cast<int>(i);
    std::string remove_label = "Remove " + row_label;
    item_registry::label_last_item(remove_label.c_str(), remove_id.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", remove_label.c_str());
    for (const auto& [row, e] : issues.row_errors)
      if (row == static_cast<int>(i)) draw_issue(*e, true, true);
    for (const auto& [row, e] : issues.row_warnings)
      if (row == static_cast<int>(i)) draw_issue(*e, false, emphasize);
    ImGui::PopID();
  }
  if (remove >= 0) {
    rows.erase(rows.begin() + remove);
    if (rows.empty()) rows.push_back("");
    changed = true;
  }

  std::string add_id = "+ Add row##" + field.path + "/add";
  if (ImGui::SmallButton(add_id.c_str())) {
    rows.push_back("");
    changed = true;
  }
  item_registry::label_last_item(("Add row to " + field.label).c_str(), add_id.c_str());
  ImGui::SameLine();
  std::string popup = "Paste many " + field.label + "##" + field.path + "/paste";
  std::string paste_id = "Paste many…##" + field.path + "/paste-open";
  if (ImGui::SmallButton(paste_id.c_str())) {
    g_paste_text.clear();
    ImGui::OpenPopup(popup.c_str());
  }
  item_registry::label_last_item(("Paste many " + field.label).c_str(), paste_id.c_str());

  ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 40), 0));
  if (ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
    TextMuted(
        "Paste or type the IDs: one per line, or separated by commas or spaces. They are added "
        "after the rows already filled in.");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    std::string text_id = "##" + field.path + "/paste-text";
    g_paste_text.reserve(1024);
    ImGui::InputTextMultiline(text_id.c_str(), g_paste_text.data(), g_paste_text.capacity() + 1,
                              ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 8),
                              ImGuiInputTextFlags_CallbackResize,
                              [](ImGuiInputTextCallbackData* d) {
                                if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
                                  g_paste_text.resize(d->BufTextLen);
                                  d->Buf = g_paste_text.data();
                                }
                                return 0;
                              });
    item_registry::label_last_item(("IDs to add to " + field.label).c_str(), text_id.c_str());
    std::vector<std::string> pasted = split_pasted_list(g_paste_text);
    std::string add_label = "Add " + std::to_string(pasted.size()) +
                            (pasted.size() == 1 ? " row" : " rows") + "##" + field.path +
                            "/paste-add";
    if (PrimaryButton(add_label.c_str(), !pasted.empty())) {
      // Blank rows make way for the pasted ones.
      std::vector<std::string> kept;
      for (auto& r : rows)
        if (r.find_first_not_of(" \t") != std::string::npos) kept.push_back(std::move(r));
      for (auto& p : pasted) kept.push_back(std::move(p));
      rows = std::move(kept);
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    item_registry::label_last_item("Add rows", add_label.c_str());
    ImGui::SameLine();
    if (ImGui::Button(("Cancel##" + field.path + "/paste-cancel").c_str()))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return changed;
}

}  // namespace

std::string label_for_path(const endpoint_form& form, const std::string& path) {
  const field_spec* best = nullptr;
  for (const auto& field : form.fields)
    if (path_within(path, field.path) && (!best || field.path.size() > best->path.size()))
      best = &field;
  return best ? best->label : std::string();
}

void DrawInviteForm(app_state& s) {
  const endpoint_form& form = s.form();
  draft& d = s.current_draft();

  ImGui::PushFont(g_fonts.bold);
  ImGui::TextUnformatted(form.info->title.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s \u00b7 %s %s", form.info->family.c_str(), form.info->method.c_str(),
                      form.info->path.c_str());
  ImGui::Separator();
  if (!form.summary.empty()) TextMuted(form.summary.c_str());
  ImGui::Spacing();

  if (!BeginFieldTable("##fields", form_label_width(s))) return;
  for (const field_spec& field : form.fields) {
    if (!field_visible(field, d)) continue;
    ImGui::PushID(field.path.c_str());
    field_issues issues = issues_for(s, field);
    const bool is_list = field.widget == "idList";
    const bool emphasize = field_emphasized(s, field);

    FieldLabel(field.label.c_str(), field.help.c_str(), field_optional(field));
    bool changed = false;
    if (is_list) {
      changed = draw_id_list(field, d.lists[field.path], issues, emphasize);
    } else if (field.widget == "radio" && !field.choices.empty()) {
      changed = draw_radio(field, d.values[field.path]);
    } else if (field.widget == "combo" && !field.choices.empty()) {
      changed = draw_combo(field, d.values[field.path]);
    } else {
      changed = draw_text_field(field, d.values[field.path]);
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) s.touched[form.info->id].insert(field.path);
    if (changed) mark_edited(s, field.path);

    for (const issue* e : issues.errors) draw_issue(*e, true, emphasize);
    for (const issue* e : issues.warnings) draw_issue(*e, false, true);
    ImGui::PopID();
  }
  EndFieldTable();
}

float form_label_width(const app_state& s) {
  float widest = ImGui::CalcTextSize("Server").x;
  const float optional_w = ImGui::CalcTextSize("optional").x + ImGui::GetStyle().ItemSpacing.x;
  for (const auto& form : s.forms) {
    for (const auto& field : form.fields)
      widest = std::max(widest, ImGui::CalcTextSize(field.label.c_str()).x +
                                    (field_optional(field) ? optional_w : 0));
    for (const auto& cred : form.info->credentials)
      widest = std::max(widest, ImGui::CalcTextSize(cred.label.c_str()).x);
  }
  widest += ImGui::CalcTextSize("(?)").x + ImGui::GetStyle().ItemSpacing.x;
  return std::min(widest, ImGui::GetContentRegionAvail().x * 0.42f);
}

std::string send_summary_head(const app_state& s) {
  const std::size_t blocking = s.check.validation.errors.size() + s.check.connection_errors.size();
  const std::size_t warnings = s.check.validation.warnings.size();
  if (blocking > 0)
    return std::to_string(blocking) + (blocking == 1 ? " thing" : " things") +
           " to fix before sending:";
  if (warnings > 0)
    return "Ready to send, with " + std::to_string(warnings) +
           (warnings == 1 ? " warning" : " warnings") + " (see the fields).";
  return "Ready to send.";
}

void DrawSendBar(app_state& s) {
  const auto& errors = s.check.validation.errors;
  const auto& warnings = s.check.validation.warnings;
  const std::size_t blocking = errors.size() + s.check.connection_errors.size();

  // The summary: every problem, named by its field (its words are under the field), or said in
  // full when no field shows it (connection, rules across fields).
  if (blocking > 0) {
    TextWrappedColored(colors::error, send_summary_head(s).c_str());
    std::string named;
    std::vector<std::string> said;
    auto add = [&](const issue& e) {
      std::string label = label_for_path(s.form(), e.path);
      if (label.empty()) {
        said.push_back("\u2022 " + e.message);
      } else if (named.find(label) == std::string::npos) {
        named += (named.empty() ? "\u2022 " : " \u00b7 ") + label;
      }
    };
    for (const issue& e : s.check.connection_errors) add(e);
    for (const issue& e : errors) add(e);
    for (const auto& line : said) TextWrappedColored(colors::muted, line.c_str());
    if (!named.empty())
      TextWrappedColored(colors::muted, (named + " (see under each field)").c_str());
  } else if (!warnings.empty()) {
    TextWrappedColored(colors::warning, send_summary_head(s).c_str());
  } else {
    TextWrappedColored(colors::success, ("\u2713 " + send_summary_head(s)).c_str());
  }
  ImGui::Spacing();

  const bool can_send = s.can_send();
  if (PrimaryButton("Send invite##send", can_send, ImVec2(160, 0))) send(s);
  if (!can_send && !s.send.in_flight && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Fix the problems listed above first.");
  ImGui::SameLine();
  if (s.send.in_flight) {
    if (ImGui::Button("Cancel##cancel")) cancel_send(s);
    ImGui::SameLine();
    Spinner(8);
    ImGui::SameLine();
    ShowText(("Sending\u2026 " +
              std::to_string(static_cast<int>(ImGui::GetTime() - s.send.started_at)) + " s")
                 .c_str());
  } else {
    ImGui::TextDisabled(can_send ? "or press Enter" : "");
  }
}

}  // namespace invitekit::web
