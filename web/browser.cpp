// invitekit admin page: the browser services behind browser.h, as EM_JS glue.
#include "browser.h"

#include <emscripten.h>

#include <cstdlib>

#include "imgui_impl_browser.h"

// EM_JS bodies are preprocessed as C: one statement per `;`, double-quoted strings only.
// clang-format off
EM_JS(char*, invitekit_js_string, (int what), {
  var text = "";
  var pad = function(n) { return (n < 10 ? "0" : "") + n; };
  if (what === 0) text = location.origin;
  if (what === 1) {
    var d = new Date();
    text = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
           pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  }
  if (what === 2) text = new Date().toISOString();
  var size = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});

EM_JS(char*, invitekit_js_storage_get, (int session, const char* key), {
  var value = null;
  try { value = (session ? sessionStorage : localStorage).getItem(UTF8ToString(key)); } catch (e) {}
  if (value === null) return 0;
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(void, invitekit_js_storage_set, (int session, const char* key, const char* value), {
  try {
    var storage = session ? sessionStorage : localStorage;
    if (value) storage.setItem(UTF8ToString(key), UTF8ToString(value));
    else storage.removeItem(UTF8ToString(key));
  } catch (e) {}
});

EM_JS(void, invitekit_js_copy, (const char* text), {
  var value = UTF8ToString(text);
  var shell = Module.shell;
  if (shell && shell.setClipboardText) { shell.setClipboardText(value); return; }
  if (navigator.clipboard) navigator.clipboard.writeText(value).catch(function() {});
});

EM_JS(void, invitekit_js_notify, (int ok, const char* message), {
  if (ok) window.dispatchEvent(new Event("invitekit-ready"));
  else window.dispatchEvent(new CustomEvent("invitekit-error", { detail: { message: UTF8ToString(message) } }));
});
// clang-format on

namespace invitekit::web::browser {
namespace {

std::string take_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace

std::string page_origin() { return take_string(invitekit_js_string(0)); }
std::string local_time_text() { return take_string(invitekit_js_string(1)); }
std::string utc_time_iso() { return take_string(invitekit_js_string(2)); }

std::string storage_get(bool session, const char* key) {
  return take_string(invitekit_js_storage_get(session ? 1 : 0, key));
}

void storage_set(bool session, const char* key, const std::string& value) {
  invitekit_js_storage_set(session ? 1 : 0, key, value.c_str());
}

void storage_remove(bool session, const char* key) {
  invitekit_js_storage_set(session ? 1 : 0, key, nullptr);
}

void set_clipboard_text(const std::string& text) { invitekit_js_copy(text.c_str()); }

void wake() { ImGui_ImplBrowser_Wake(); }
void wake_after(int ms) { ImGui_ImplBrowser_WakeAfter(ms); }

void notify_ready() { invitekit_js_notify(1, ""); }
void notify_error(const char* message) { invitekit_js_notify(0, message); }

}  // namespace invitekit::web::browser
