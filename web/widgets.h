// invitekit admin page: the few widgets ImGui lacks — std::string inputs, headings, wrapped
// messages the item registry can find, a spinner, rows that wrap, two-column field tables.
#pragma once

#include <string>

#include "imgui.h"
#include "theme.h"

namespace invitekit::web {

// A std::string InputText: `id` is a "##key" id (the visible label is drawn by the caller).
bool InputString(const char* id, std::string* text, const char* hint = nullptr,
                 ImGuiInputTextFlags flags = 0);

// Text the tests and the accessibility mirror can find (see item_registry::text_last_item).
void ShowText(const char* text);
void ShowTextColored(const ImVec4& color, const char* text);
void ShowTextDisabled(const char* text);
void ShowTextMono(const char* text);

void Heading(const char* text);    // bold panel title
void TextMuted(const char* text);  // wrapped, secondary
void TextWrappedColored(const ImVec4& color, const char* text);
void TextWrappedAtSpaces(const char* text);  // wrapped at the available width, at spaces only
bool PrimaryButton(const char* label, bool enabled, const ImVec2& size = ImVec2(0, 0));
bool SmallButtonEnabled(const char* label, bool enabled);
void Spinner(float radius);         // animated: caller keeps frames coming
void HelpMarker(const char* text);  // "(?)" with a tooltip

// Rows of controls that wrap instead of being cut at the window's right edge (the layout works
// from 1024 CSS pixels wide, where a form's input column is narrow): call before a control of
// `width` that should follow the previous one on its line; it starts a new line when the control
// would not fit. `spacing` < 0 is the style's item spacing.
void SameLineIfFits(float width, float spacing = -1.0f);
float ButtonWidth(const char* label);    // Button and SmallButton
float CheckboxWidth(const char* label);  // Checkbox and RadioButton

// Forms as two columns: labels on the left (with help and "optional"), inputs on the right.
bool BeginFieldTable(const char* id, float label_width);
void FieldLabel(const char* label, const char* help,
                bool optional);  // starts a row; then draw the input
void EndFieldTable();

}  // namespace invitekit::web
