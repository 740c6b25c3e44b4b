// invitekit admin page: the look (fonts, colours, spacing) and the few widgets ImGui lacks
// (std::string inputs, headings, wrapped messages, a spinner).
#pragma once

#include <string>

#include "imgui.h"

namespace invitekit::web {

struct theme_fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* mono = nullptr;
};
extern theme_fonts g_fonts;

// Colours used beyond ImGui's own, all ≥ 4.5:1 on the panel background.
namespace colors {
inline const ImVec4 error{1.00f, 0.50f, 0.47f, 1.0f};
inline const ImVec4 warning{0.98f, 0.77f, 0.35f, 1.0f};
inline const ImVec4 success{0.45f, 0.86f, 0.55f, 1.0f};
inline const ImVec4 muted{0.68f, 0.71f, 0.76f, 1.0f};
// The primary button and the selected tab: dark enough for white text at ≥ 4.5:1 in every state
// (tests/web/a11y.test.js measures it).
inline const ImVec4 accent{0.12f, 0.37f, 0.70f, 1.0f};
inline const ImVec4 accent_hovered{0.16f, 0.44f, 0.80f, 1.0f};
inline const ImVec4 accent_active{0.09f, 0.30f, 0.58f, 1.0f};
inline const ImVec4 on_accent{1.0f, 1.0f, 1.0f, 1.0f};  // text on the primary button
}  // namespace colors

// Loads the embedded fonts rasterized for this devicePixelRatio (text stays crisp) and sets
// io.FontGlobalScale so ImGui keeps working in CSS pixels.
void load_fonts(float dpr);
void apply_style();

// A std::string InputText: `id` is a "##key" id (the visible label is drawn by the caller).
bool InputString(const char* id, std::string* text, const char* hint = nullptr,
                 ImGuiInputTextFlags flags = 0);

// Text the tests and the accessibility mirror can find (see test_hooks::text_last_item).
void ShowText(const char* text);
void ShowTextColored(const ImVec4& color, const char* text);
void ShowTextDisabled(const char* text);
void ShowTextMono(const char* text);

void Heading(const char* text);    // bold panel title with a rule under it
void TextMuted(const char* text);  // wrapped, secondary
void TextWrappedColored(const ImVec4& color, const char* text);
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
