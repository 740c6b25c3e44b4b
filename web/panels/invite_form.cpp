// invitekit admin page: the invite form, generated from the endpoint description's `fields`, with
// every error and warning of invitekit::validate() under the field it is about.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "field_issues.h"
#include "item_registry.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

void draw_issue(const issue& e, bool error, bool emphasize) {
  const ImVec4 color = !emphasize ? colors::muted : error ? colors::error : colors::warning;
  std::string text = (error ? "\u2717 " : "! ") + e.message;
  TextWrappedColored(color, text.c_str());
}

// The space under a field (or a list row) for its message: one message, the first error or else
// the first warning, in an area that never shrinks while the form is shown, so that a message
// coming or going does not move the controls below it (a click aimed at one lands on it). It
// starts one line high and grows to the tallest message it has held.
std::map<std::string, float> g_message_heights;  // field path (or row) → height reserved
std::string g_message_heights_form;              // the endpoint they were measured for

void draw_message_area(const std::string& key, const issue* error, const issue* warning,
                       bool emphasize) {
  const float start = ImGui::GetCursorPosY();
  if (error)
    draw_issue(*error, true, emphasize);
  else if (warning)
    draw_issue(*warning, false, true);
  float& reserved = g_message_heights[key];
  reserved =
      std::max({reserved, ImGui::GetTextLineHeightWithSpacing(), ImGui::GetCursorPosY() - start});
  const float used = ImGui::GetCursorPosY() - start;
  if (used < reserved) ImGui::Dummy(ImVec2(0, reserved - used - ImGui::GetStyle().ItemSpacing.y));
}

template <typename Issues>
const issue* first_at_row(const Issues& list, int row) {
  for (const auto& [at, e] : list)
    if (at == row) return e;
  return nullptr;
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
                  const field_issues& issues) {
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
    const issue* row_error = first_at_row(issues.row_errors, static_cast<int>(i));
    const issue* row_warning = first_at_row(issues.row_warnings, static_cast<int>(i));
    if (row_error || row_warning)  // rows reserve no space: a row is added or removed by a click
      draw_message_area(field.path + "/" + std::to_string(i), row_error, row_warning, true);
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
    std::vector<std::string> pasted = split_list(g_paste_text);
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
  // The family and the path beside the title, or under it when they do not fit there.
  const std::string where =
      form.info->family + " \u00b7 " + form.info->method + " " + form.info->path;
  SameLineIfFits(ImGui::CalcTextSize(where.c_str()).x);
  ShowTextDisabled(where.c_str());
  ImGui::Separator();
  if (g_message_heights_form != form.info->id) {
    g_message_heights.clear();
    g_message_heights_form = form.info->id;
  }
  if (!form.summary.empty()) TextMuted(form.summary.c_str());
  ImGui::Spacing();

  // One two-column row per field (label, input), and its message under both columns: a message
  // as wide as the form stays on one line more often than one under the input alone.
  const float label_width = form_label_width(s);
  for (const field_spec& field : form.fields) {
    if (!field_visible(field, d)) continue;
    ImGui::PushID(field.path.c_str());
    field_issues issues = issues_for(s, field);
    const bool is_list = field.widget == "idList";
    const bool emphasize = field_emphasized(s, field);

    if (!BeginFieldTable("##field", label_width)) {
      ImGui::PopID();
      continue;
    }
    FieldLabel(field.label.c_str(), field.help.c_str(), field_optional(field));
    bool changed = false;
    if (is_list) {
      changed = draw_id_list(field, d.lists[field.path], issues);
    } else if (field.widget == "radio" && !field.choices.empty()) {
      changed = draw_radio(field, d.values[field.path]);
    } else if (field.widget == "combo" && !field.choices.empty()) {
      changed = draw_combo(field, d.values[field.path]);
    } else {
      changed = draw_text_field(field, d.values[field.path]);
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) s.touched[form.info->id].insert(field.path);
    if (changed) mark_edited(s, field.path);
    EndFieldTable();

    draw_message_area(field.path, issues.errors.empty() ? nullptr : issues.errors.front(),
                      issues.warnings.empty() ? nullptr : issues.warnings.front(), emphasize);
    ImGui::PopID();
  }
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

namespace {

// What the summary above Send lists: each problem no field shows, in full (connection, rules
// across fields), and the fields whose own line says what is wrong, by label.
struct send_summary {
  std::vector<std::string> said;
  std::vector<std::string> fields;
  std::size_t count() const { return said.size() + fields.size(); }
};

send_summary summarize(const app_state& s) {
  send_summary out;
  auto add = [&](const issue& e) {
    std::string label = label_for_path(s.form(), e.path);
    if (label.empty())
      out.said.push_back(e.message);
    else if (std::find(out.fields.begin(), out.fields.end(), label) == out.fields.end())
      out.fields.push_back(label);
  };
  for (const issue& e : s.check.connection_errors) add(e);
  for (const issue& e : s.check.validation.errors) add(e);
  return out;
}

}  // namespace

std::string send_summary_head(const app_state& s) {
  const std::size_t blocking = summarize(s).count();
  const std::size_t warnings = s.check.validation.warnings.size();
  if (blocking > 0)
    return std::to_string(blocking) + (blocking == 1 ? " thing" : " things") +
           " to fix before sending:";
  if (warnings > 0)
    return "Ready to send, with " + std::to_string(warnings) +
           (warnings == 1 ? " warning" : " warnings") + " (see the fields).";
  return "Ready to send.";
}

void DrawRepeatConfirmation(app_state& s) {
  const char* title = "Send the same invite again?##repeat";
  if (s.confirm_repeat && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, ImGui::GetIO().DisplaySize.x - 40), 0));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize)) {
    s.confirm_repeat = false;  // closed (Esc)
    return;
  }
  const std::string question =
      "You sent this exact invite at " + s.send.sent_at + ", and " +
      (outcome_name(s) == "success" ? "it succeeded" : "it partly succeeded") +
      ". Sending it again invites the same person again.";
  TextWrappedAtSpaces(question.c_str());
  ImGui::Spacing();
  // Cancel first and focused: Enter pressed once more does not send it again (nor does it when
  // no button shows keyboard focus, after the mouse was used), and Esc cancels too.
  const ImGuiIO& io = ImGui::GetIO();
  const bool keys_cancel = ImGui::IsKeyPressed(ImGuiKey_Escape, false) ||
                           (!io.NavVisible && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                                               ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)));
  const bool cancel = ImGui::Button("Cancel##repeat-cancel") || keys_cancel;
  ImGui::SetItemDefaultFocus();
  ImGui::SameLine();
  const bool again = PrimaryButton("Send again##repeat-send", true);
  if (cancel || again) {
    s.confirm_repeat = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (again) send(s);
}

void DrawSendBar(app_state& s) {
  // The button first: the summary under it grows and shrinks, the button stays where it is.
  const bool can_send = s.can_send();
  if (PrimaryButton("Send invite##send", can_send, ImVec2(160, 0))) request_send(s);
  if (!can_send && !s.send.in_flight && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Fix the problems listed below first.");
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
  DrawRepeatConfirmation(s);

  // The summary: every problem, named by its field (its words are under the field), or said in
  // full when no field shows it. Its count is the number of lines and names it lists.
  const send_summary summary = summarize(s);
  if (summary.count() > 0) {
    TextWrappedColored(colors::error, send_summary_head(s).c_str());
    for (const auto& line : summary.said)
      TextWrappedColored(colors::muted, ("\u2022 " + line).c_str());
    if (!summary.fields.empty()) {
      std::string named;
      for (const auto& label : summary.fields)
        named += (named.empty() ? "\u2022 " : " \u00b7 ") + label;
      TextWrappedColored(colors::muted, (named + " (see under each field)").c_str());
    }
  } else if (!s.check.validation.warnings.empty()) {
    TextWrappedColored(colors::warning, send_summary_head(s).c_str());
  } else {
    TextWrappedColored(colors::success, ("\u2713 " + send_summary_head(s)).c_str());
  }
}

}  // namespace invitekit::web
