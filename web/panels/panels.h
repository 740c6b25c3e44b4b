// invitekit admin page: the panels. Each draws its content into the current window (the layout
// in layout.cpp decides where), reads app_state and calls the core or the state's actions.
#pragma once

#include "app_state.h"
#include "imgui.h"

namespace invitekit::web {

void DrawApp(app_state& s);  // the whole page: header, columns, panels (layout.cpp)

void DrawHeader(app_state& s);
void DrawConnectionPanel(app_state& s);
void DrawInviteForm(app_state& s);
void DrawSendBar(app_state& s);
void DrawRepeatConfirmation(app_state& s);  // the question before sending the same invite again
void DrawRequestPreview(app_state& s);
void DrawResponsePanel(app_state& s);
void DrawHistoryPanel(app_state& s);
void DrawSandboxPanel(app_state& s);
void DrawSandboxKeys(app_state& s);  // the seeded keys as "Use …" buttons (connection panel)

// Shared by the panels and the accessible form: the words for an outcome, its colour, and the
// title of a send that got no response.
const char* outcome_words(const std::string& outcome);
const char* failure_title(fetch_failure failure);
ImVec4 outcome_color(const std::string& outcome);

// The width of the label column shared by the connection and invite form tables.
float form_label_width(const app_state& s);

// The first line of the summary above Send: how many problems block it, or that it is ready.
std::string send_summary_head(const app_state& s);

// A field's label for a body path ("/website_ids/2" → "Website IDs"), or "" if none.
std::string label_for_path(const endpoint_form& form, const std::string& path);

}  // namespace invitekit::web
