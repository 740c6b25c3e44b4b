// invitekit admin page: the table of the tab "Invite many people" — where the table comes from
// (paste, a .csv file, a drop), the endpoint, each column's field (editable), values for every row,
// and the rows (an ImGui table, clipped, so thousands scroll smoothly) with every bad cell marked,
// its message on hover and under the table for the selected row. Cells are edited in place; rows
// are left out with their checkbox. The core reads the table again after each change (batch.h).
#include <algorithm>
#include <string>
#include <vector>

#include "batch_files.h"
#include "batch_send.h"
#include "item_registry.h"
#include "panels/panels.h"
#include "widgets.h"

namespace invitekit::web {
namespace {

// The cell being edited, and its text until the edit ends.
struct cell_edit {
  int row = -1;
  int column = -1;
  std::string text;
  bool focus = false;  // take the keyboard in the frame it opens
  bool drawn = false;  // submitted this frame (else it was scrolled away: the edit ends)
};
cell_edit g_edit;
bool g_problems_only = false;

const endpoint_form* form_of(const app_state& s, const std::string& endpoint) {
  for (const endpoint_form& f : s.forms)
    if (f.info->id == endpoint) return &f;
  return nullptr;
}

const field_spec* field_at(const endpoint_form& form, const std::string& path) {
  for (const field_spec& f : form.fields)
    if (f.path == path) return &f;
  return nullptr;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool has_problem(const batch_row& row) {
  return !row.errors.empty() || !row.warnings.empty() || row.state == row_state::failed ||
         row.state == row_state::unknown;
}

// A message with the field it is about, as the admin names it ("Email: Enter a valid …").
std::string with_label(const endpoint_form* form, const issue& e) {
  const std::string label = form ? label_for_path(*form, e.path) : std::string();
  return label.empty() ? e.message : label + ": " + e.message;
}

void commit_edit(app_state& s) {
  const cell_edit edit = std::move(g_edit);
  g_edit = cell_edit{};
  if (edit.row < 0 || edit.row >= static_cast<int>(s.batch.rows.size())) return;
  batch_row& row = s.batch.rows[edit.row];
  if (!row_editable(row)) {
    // The row started sending while the cell was being edited: it went as it was.
    if (edit.column < static_cast<int>(row.cells.size()) && row.cells[edit.column] != edit.text)
      show_notice(s, "Row " + std::to_string(row.line) + " was sent before this change was made, so it went without it.");
    return;
  }
  // A row with fewer cells than the header gets the missing ones as it is edited.
  if (row.cells.size() < s.batch.header.size()) row.cells.resize(s.batch.header.size());
  if (row.cells[edit.column] == edit.text) return;
  row.cells[edit.column] = edit.text;
  batch_table_changed(s);
}

ImVec4 state_color(const batch_row& row) {
  switch (row.state) {
    case row_state::succeeded:
    case row_state::already: return colors::success;
    case row_state::invalid:
    case row_state::failed: return colors::error;
    case row_state::unknown:
    case row_state::partial: return colors::warning;
    case row_state::excluded: return colors::muted;
    default: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
  }
}

// ---- where the table comes from, and for which endpoint ------------------------------------

void draw_source_bar(app_state& s) {
  batch_state& b = s.batch;
  const bool locked = b.run.running || b.run.in_flight > 0;
  if (SmallButtonEnabled("Paste##batch/paste", !locked)) batch_files::paste_from_clipboard();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reads the table on the clipboard (or press Ctrl+V on the page).");
  ImGui::SameLine();
  if (SmallButtonEnabled("Open a .csv file\u2026##batch/open", !locked)) batch_files::choose_file();
  SameLineIfFits(ImGui::CalcTextSize("or drop one on the page").x);
  ImGui::TextDisabled("or drop one on the page");

  const endpoint_form* form = form_of(s, b.endpoint.empty() ? s.form().info->id : b.endpoint);
  const char* title = form ? form->info->title.c_str() : "";
  const float combo_w = 230.0f;
  SameLineIfFits(ImGui::CalcTextSize("Invite with").x + combo_w + 16, 24);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Invite with");
  ImGui::SameLine();
  const bool fixed = batch_started(b);
  if (fixed) ImGui::BeginDisabled();
  ImGui::SetNextItemWidth(combo_w);
  const bool open = ImGui::BeginCombo("##batch/endpoint", title);
  item_registry::label_last_item("Invite with", "##batch/endpoint");
  if (open) {
    for (const endpoint_form& f : s.forms) {
      const std::string label = f.info->title + "##batch/endpoint=" + f.info->id;
      if (ImGui::Selectable(label.c_str(), form == &f)) set_batch_endpoint(s, f.info->id);
    }
    ImGui::EndCombo();
  }
  if (fixed) {
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Rows were sent already: start a new batch to use another endpoint.");
  }
  if (!b.empty()) {
    SameLineIfFits(ButtonWidth("New batch"));
    if (SmallButtonEnabled("New batch##batch/clear", !locked)) ImGui::OpenPopup("Start a new batch?##batch/clear-ask");
  }
  ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, ImGui::GetIO().DisplaySize.x - 40), 0));
  if (ImGui::BeginPopupModal("Start a new batch?##batch/clear-ask", nullptr, ImGuiWindowFlags_NoResize)) {
    TextWrappedAtSpaces("The table and every row's outcome leave this page. Download the results first to keep them.");
    if (ImGui::Button("Download results##batch/clear-download"))
      batch_files::download_results(b);
    ImGui::SameLine();
    if (ImGui::Button("Start a new batch##batch/clear-yes")) {
      clear_batch(s);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep this one##batch/clear-no") || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

// A new table came while the current one has outcomes: replace it only when the admin says so.
void draw_replace_question(app_state& s) {
  batch_state& b = s.batch;
  const char* title = "Replace this batch?##batch/replace";
  if (!b.pending_text.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, ImGui::GetIO().DisplaySize.x - 40), 0));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize)) return;
  const batch_counts n = count_rows(b);
  TextWrappedAtSpaces(("Rows of this batch were sent (" + plural(n.done(), "has", "have") +
                       " an outcome). Reading " + b.pending_source +
                       " replaces it; download the results first to keep them.").c_str());
  if (ImGui::Button("Download results##batch/replace-download"))
    batch_files::download_results(b);
  ImGui::SameLine();
  if (ImGui::Button("Replace##batch/replace-yes")) {
    confirm_pending_table(s, true);
    ImGui::CloseCurrentPopup();
  } else {
    ImGui::SameLine();
    if (ImGui::Button("Keep this batch##batch/replace-no") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
      confirm_pending_table(s, false);
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

// ---- before a table is there: what to paste -------------------------------------------------

void draw_empty_hint(app_state& s) {
  const endpoint_form* form = form_of(s, s.batch.endpoint.empty() ? s.form().info->id : s.batch.endpoint);
  ImGui::Spacing();
  TextWrappedAtSpaces(
      "Paste a table of people from a spreadsheet (Ctrl+V), open a .csv file, or drop one on the page. The "
      "first line names the columns; every other line is one person to invite.");
  if (!form) return;
  ImGui::Spacing();
  TextMuted("Columns this invite reads (any case, spaces or punctuation):");
  for (const field_spec& f : form->fields) {
    std::string names = f.label;
    for (const std::string& other : f.columns) names += ", " + other;
    TextMuted(("\u2022 " + names + (f.required ? " (needed)" : "")).c_str());
  }
}

// ---- values for every row -------------------------------------------------------------------

void draw_constants(app_state& s, const endpoint_form& form) {
  batch_state& b = s.batch;
  std::string set;
  for (const auto& [path, value] : b.constants) {
    if (value.empty()) continue;
    const field_spec* f = field_at(form, path);
    std::string shown = value;
    if (f)
      for (const field_choice& c : f->choices)
        if (c.value == value) shown = c.label;
    set += (set.empty() ? ": " : ", ") + (f ? f->label : path) + " = " + shown;
  }
  const std::string header = "Values for every row" + set + "###batch/constants";
  const bool open = ImGui::CollapsingHeader(header.c_str());
  item_registry::label_last_item("Values for every row", "###batch/constants");
  if (!open) return;
  const bool fixed = batch_started(b);
  if (fixed) ImGui::BeginDisabled();
  TextMuted("For the fields no column gives (and where a row's own cell is empty).");
  const float widget_w = 170.0f;
  bool first = true;
  for (const field_spec& f : form.fields) {
    // A field a column gives is read from the table; one set before stays on offer, to unset it.
    const bool from_column = std::find(b.columns.begin(), b.columns.end(), f.path) != b.columns.end();
    const auto constant = b.constants.find(f.path);
    if (from_column && (constant == b.constants.end() || constant->second.empty())) continue;
    const float label_w = ImGui::CalcTextSize(f.label.c_str()).x;
    if (!first) SameLineIfFits(label_w + widget_w + 8, 20);
    first = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(f.label.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(widget_w);
    const std::string id = "##batch/constant" + f.path;
    std::string& value = b.constants[f.path];
    if (!f.choices.empty()) {
      std::string preview = "(from the table)";
      for (const field_choice& c : f.choices)
        if (c.value == value) preview = c.label;
      const bool combo = ImGui::BeginCombo(id.c_str(), preview.c_str());
      item_registry::label_last_item(("Every row's " + f.label).c_str(), id.c_str());
      if (combo) {
        if (ImGui::Selectable(("(from the table)" + id + "=").c_str(), value.empty())) {
          value.clear();
          batch_table_changed(s);
        }
        for (const field_choice& c : f.choices) {
          if (ImGui::Selectable((c.label + id + "=" + c.value).c_str(), value == c.value)) {
            value = c.value;
            batch_table_changed(s);
          }
        }
        ImGui::EndCombo();
      }
    } else {
      InputString(id.c_str(), &value, "(from the table)");
      item_registry::label_last_item(("Every row's " + f.label).c_str(), id.c_str());
      if (ImGui::IsItemDeactivatedAfterEdit()) batch_table_changed(s);
    }
  }
  if (fixed) ImGui::EndDisabled();
}

// ---- the rows -------------------------------------------------------------------------------

void draw_mapping_row(app_state& s, const endpoint_form& form, int first_data_column) {
  batch_state& b = s.batch;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(1);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("sent as");
  const bool fixed = batch_started(b);
  for (std::size_t c = 0; c < b.header.size(); ++c) {
    ImGui::TableSetColumnIndex(first_data_column + static_cast<int>(c));
    const field_spec* f = c < b.columns.size() ? field_at(form, b.columns[c]) : nullptr;
    const std::string id = "##batch/map/" + std::to_string(c);
    if (fixed) ImGui::BeginDisabled();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!f) ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
    const bool open = ImGui::BeginCombo(id.c_str(), f ? f->label.c_str() : "(left out)");
    if (!f) ImGui::PopStyleColor();
    item_registry::label_last_item(("Field for column " + b.header[c]).c_str(), id.c_str());
    if (open) {
      std::string chosen = f ? f->path : std::string();
      bool changed = false;
      if (ImGui::Selectable(("Leave out" + id + "=").c_str(), !f)) {
        chosen.clear();
        changed = true;
      }
      for (const field_spec& field : form.fields) {
        if (ImGui::Selectable((field.label + id + "=" + field.path).c_str(), f == &field)) {
          chosen = field.path;
          changed = true;
        }
      }
      ImGui::EndCombo();
      if (changed) {
        b.columns.resize(b.header.size());
        b.columns[c] = chosen;
        batch_table_changed(s);
      }
    }
    if (fixed) ImGui::EndDisabled();
  }
}

void draw_cell(app_state& s, std::size_t i, std::size_t c, const endpoint_form* form) {
  batch_state& b = s.batch;
  batch_row& row = b.rows[i];
  const std::string key = std::to_string(i) + "/" + std::to_string(c);
  const std::string where = "row " + std::to_string(row.line) + ", column " + b.header[c];
  if (g_edit.row == static_cast<int>(i) && g_edit.column == static_cast<int>(c)) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (g_edit.focus) {
      ImGui::SetKeyboardFocusHere();
      g_edit.focus = false;
    }
    const std::string id = "##batch/edit/" + key;
    InputString(id.c_str(), &g_edit.text);
    item_registry::label_last_item(("Edit " + where).c_str(), id.c_str());
    g_edit.drawn = true;
    if (ImGui::IsItemDeactivated()) commit_edit(s);
    return;
  }
  std::vector<const issue*> errors, warnings;
  for (const issue& e : row.errors)
    if (column_of_issue(b, e) == static_cast<int>(c)) errors.push_back(&e);
  for (const issue& e : row.warnings)
    if (column_of_issue(b, e) == static_cast<int>(c)) warnings.push_back(&e);
  const std::string text = c < row.cells.size() ? row.cells[c] : std::string();
  std::string label = text;
  if (!errors.empty()) {
    // Marked in words as well as colour: a sign, and "(empty)" for a cell with nothing in it.
    label = "\u2717 " + (text.empty() ? std::string("(empty)") : text);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImVec4(0.45f, 0.10f, 0.10f, 0.55f)));
    ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
  } else if (!warnings.empty()) {
    label = "! " + text;
    ImGui::PushStyleColor(ImGuiCol_Text, colors::warning);
  } else if (row.state == row_state::excluded) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
  }
  const std::string id = label + "##batch/cell/" + key;
  if (ImGui::Selectable(id.c_str(), false, ImGuiSelectableFlags_DontClosePopups)) {
    b.selected = static_cast<int>(i);
    if (row_editable(row) && c < b.header.size()) {
      if (g_edit.row >= 0) commit_edit(s);
      g_edit = cell_edit{static_cast<int>(i), static_cast<int>(c), text, true, true};
    }
  }
  ImGui::PopStyleColor();
  if ((!errors.empty() || !warnings.empty()) && ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    for (const issue* e : errors) ShowTextColored(colors::error, ("\u2717 " + with_label(form, *e)).c_str());
    for (const issue* e : warnings) ShowTextColored(colors::warning, ("! " + with_label(form, *e)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

// The row's message in its last column: the server's words once it was sent, else its first
// problem that no cell shows, else its first problem.
std::string row_message(const batch_state& b, const batch_row& row, const endpoint_form* form) {
  if (row.tries > 0 || row.state == row_state::unknown) return row.message;
  for (const issue& e : row.errors)
    if (column_of_issue(b, e) < 0) return with_label(form, e);
  if (!row.errors.empty()) return with_label(form, row.errors.front());
  if (!row.warnings.empty()) return with_label(form, row.warnings.front());
  return {};
}

void draw_row(app_state& s, std::size_t i, const endpoint_form* form, int first_data_column) {
  batch_state& b = s.batch;
  batch_row& row = b.rows[i];
  const double now = batch_now();
  ImGui::TableNextRow();
  ImGui::PushID(static_cast<int>(i));

  ImGui::TableSetColumnIndex(0);
  bool included = !row.excluded;
  const bool can_exclude = row.tries == 0 && !s.batch.run.running;
  if (!can_exclude) ImGui::BeginDisabled();
  const std::string include_id = "##batch/include/" + std::to_string(i);
  if (ImGui::Checkbox(include_id.c_str(), &included)) {
    row.excluded = !included;
    batch_table_changed(s);
  }
  item_registry::label_last_item(("Send row " + std::to_string(row.line)).c_str(), include_id.c_str());
  if (!can_exclude) ImGui::EndDisabled();

  ImGui::TableSetColumnIndex(1);
  const std::string row_id = std::to_string(row.line) + "##batch/row/" + std::to_string(i);
  if (ImGui::Selectable(row_id.c_str(), b.selected == static_cast<int>(i))) b.selected = static_cast<int>(i);
  item_registry::label_last_item(("Row " + std::to_string(row.line)).c_str(), row_id.c_str());

  ImGui::TableSetColumnIndex(2);
  std::string state = state_words(row, now);
  if (row.state == row_state::invalid) {  // which columns to look at, in view however wide the table
    std::string columns;
    for (const issue& e : row.errors) {
      const int c = column_of_issue(b, e);
      const std::string name = c >= 0 ? b.header[c] : std::string();
      if (!name.empty() && columns.find(name) == std::string::npos) columns += (columns.empty() ? "" : ", ") + name;
    }
    if (!columns.empty()) state = "\u2717 " + columns;
  }
  ShowTextColored(state_color(row), state.c_str());

  for (std::size_t c = 0; c < b.header.size(); ++c) {
    ImGui::TableSetColumnIndex(first_data_column + static_cast<int>(c));
    draw_cell(s, i, c, form);
  }
  ImGui::TableSetColumnIndex(first_data_column + static_cast<int>(b.header.size()));
  const std::string message = row_message(b, row, form);
  if (!message.empty()) {
    ShowTextColored(row.state == row_state::invalid || row.state == row_state::failed ? colors::error : colors::muted,
                    message.c_str());
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(message.c_str()).x > ImGui::GetContentRegionAvail().x)
      ImGui::SetTooltip("%s", message.c_str());
  }
  ImGui::PopID();
}

void draw_rows(app_state& s, const endpoint_form* form, float height) {
  batch_state& b = s.batch;
  std::vector<std::size_t> shown;
  shown.reserve(b.rows.size());
  for (std::size_t i = 0; i < b.rows.size(); ++i)
    if (!g_problems_only || has_problem(b.rows[i]) || g_edit.row == static_cast<int>(i)) shown.push_back(i);

  const int first_data_column = 3;
  const int columns = first_data_column + static_cast<int>(b.header.size()) + 1;
  if (columns > 64) {  // ImGui's limit; no endpoint has that many fields
    TextWrappedColored(colors::error, "This table has too many columns to show (64 at most).");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##batch/rows", columns, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(3, 2);
  ImGui::TableSetupColumn("Send", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize);
  ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00000").x);
  ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("\u2713 already had access").x);
  for (const std::string& name : b.header)
    ImGui::TableSetupColumn(name.empty() ? " " : name.c_str(), ImGuiTableColumnFlags_WidthFixed,
                            std::clamp(ImGui::CalcTextSize(name.c_str()).x + 24, 130.0f, 240.0f));
  ImGui::TableSetupColumn("Message", ImGuiTableColumnFlags_WidthFixed, 440.0f);
  ImGui::TableHeadersRow();
  if (form) draw_mapping_row(s, *form, first_data_column);

  g_edit.drawn = false;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  for (std::size_t k = 0; k < shown.size(); ++k)  // the row being edited is drawn even scrolled away
    if (static_cast<int>(shown[k]) == g_edit.row) clipper.IncludeItemByIndex(static_cast<int>(k));
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) draw_row(s, shown[k], form, first_data_column);
  ImGui::EndTable();
  if (g_edit.row >= 0 && !g_edit.drawn) commit_edit(s);
}

// ---- the selected row ------------------------------------------------------------------------

void draw_selected(app_state& s, const endpoint_form* form) {
  batch_state& b = s.batch;
  if (b.selected < 0 || b.selected >= static_cast<int>(b.rows.size())) {
    TextMuted("Select a row to see all it says; click a cell to change it (until the row is sent).");
    return;
  }
  batch_row& row = b.rows[b.selected];
  ImGui::PushFont(g_fonts.bold);
  ShowText(("Row " + std::to_string(row.line)).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ShowTextColored(state_color(row), state_words(row, batch_now()).c_str());
  if (row.tries == 0) {
    ImGui::SameLine(0, 16);
    if (ImGui::SmallButton(row.excluded ? "Send this row##batch/selected-include" : "Leave this row out##batch/selected-exclude")) {
      row.excluded = !row.excluded;
      batch_table_changed(s);
    }
  }
  if (row.state == row_state::unknown) {
    ImGui::SameLine(0, 16);
    if (ImGui::SmallButton("Send this row again##batch/selected-resend")) send_unknown(s, b.selected);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("It may have arrived already: an email invite sent twice sends two emails.");
  }
  for (const issue& e : row.errors) TextWrappedColored(colors::error, ("\u2717 " + with_label(form, e)).c_str());
  for (const issue& e : row.warnings) TextWrappedColored(colors::warning, ("! " + with_label(form, e)).c_str());
  if (row.tries > 0 || row.state == row_state::unknown) {
    std::string outcome = row.status ? "HTTP " + std::to_string(row.status) : std::string("No answer");
    if (!row.user_id.empty()) outcome += " \u00b7 user " + row.user_id;
    if (!row.invite_id.empty()) outcome += " \u00b7 invite " + row.invite_id;
    outcome += " \u00b7 " + plural(static_cast<std::size_t>(row.tries), "try", "tries");
    if (!row.message.empty()) outcome += ": " + row.message;
    TextWrappedColored(colors::muted, outcome.c_str());
  }
}

}  // namespace

void DrawBatchPanel(app_state& s) {
  batch_state& b = s.batch;
  Heading("Invite many people");
  if (!b.source.empty()) {
    ImGui::SameLine();
    ShowTextDisabled(("\u2014 " + b.source + ", " + plural(b.rows.size(), "row", "rows")).c_str());
  }
  draw_source_bar(s);
  draw_replace_question(s);

  // Ctrl+V anywhere on the tab reads the clipboard's table (an active text field takes its own).
  const bool typing = ImGui::IsAnyItemActive() ||
                      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  if (!typing && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
    const char* text = ImGui::GetClipboardText();
    load_batch_text(s, text ? text : "", "pasted text");
  }

  ImGui::Separator();
  for (const issue& e : b.errors) TextWrappedColored(colors::error, ("\u2717 " + e.message).c_str());
  if (b.empty() || b.header.empty()) {
    draw_empty_hint(s);
    return;
  }
  const endpoint_form* form = form_of(s, b.endpoint);
  std::size_t shown_warnings = 0;
  for (const issue& e : b.warnings) {
    if (++shown_warnings > 3) {
      TextMuted(("\u2026 and " + plural(b.warnings.size() - 3, "more note", "more notes")).c_str());
      break;
    }
    TextWrappedColored(colors::warning, ("! " + e.message).c_str());
  }
  if (form) draw_constants(s, *form);

  const batch_counts n = count_rows(b);
  std::size_t problems = 0;
  for (const batch_row& row : b.rows) problems += has_problem(row) ? 1 : 0;
  ShowText((plural(n.rows, "row", "rows") + ": " + std::to_string(n.to_send) + " to send, " +
            std::to_string(n.invalid) + " to fix, " + std::to_string(n.excluded) + " left out")
               .c_str());
  SameLineIfFits(CheckboxWidth("Only rows with problems (0000)"), 20);
  ImGui::Checkbox(("Only rows with problems (" + std::to_string(problems) + ")##batch/problems").c_str(), &g_problems_only);

  // The table takes what the selected row's messages under it leave (as tall as last frame).
  static float detail_h = 0;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  draw_rows(s, form, std::max(ImGui::GetContentRegionAvail().y - detail_h, line * 7));
  const float before = ImGui::GetCursorPosY();
  draw_selected(s, form);
  detail_h = std::min(ImGui::GetCursorPosY() - before, line * 6);
}

}  // namespace invitekit::web
