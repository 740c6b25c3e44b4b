// invitekit admin page: the look — the embedded fonts rasterized for the screen, ImGui's style and
// the page's own colours.
#pragma once

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

}  // namespace invitekit::web
