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

EM_JS(int, invitekit_js_storage_set, (int session, const char* key, const char* value), {
  try {
    var storage = session ? sessionStorage : localStorage;
    if (value) storage.setItem(UTF8ToString(key), UTF8ToString(value));
    else storage.removeItem(UTF8ToString(key));
    return 1;
  } catch (e) {
    return 0;
  }
});

EM_JS(void, invitekit_js_connect_controls, (const char* global, const char* actions, const char* handler), {
  var controls = globalThis[UTF8ToString(global)];
  if (!controls) return;
  var words = UTF8ToString(actions).split(" ");
  var handle = Module["_" + UTF8ToString(handler)];
  var text = function(value) {
    var s = String(value === undefined || value === null ? "" : value);
    var size = lengthBytesUTF8(s) + 1;
    var ptr = _malloc(size);
    stringToUTF8(s, ptr, size);
    return ptr;
  };
  controls.connect(function(what, nameText, valueText) {
    var action = words.indexOf(what);
    if (action < 0) return;
    var name = text(nameText);
    var value = text(valueText);
    handle(action, name, value);
    _free(name);
    _free(value);
  });
});

EM_JS(void, invitekit_js_dispatch, (const char* type, const char* json), {
  window.dispatchEvent(new CustomEvent(UTF8ToString(type), { detail: JSON.parse(UTF8ToString(json)) }));
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

bool storage_set(bool session, const char* key, const std::string& value) {
  return invitekit_js_storage_set(session ? 1 : 0, key, value.c_str()) != 0;
}

void storage_remove(bool session, const char* key) {
  invitekit_js_storage_set(session ? 1 : 0, key, nullptr);
}

void set_clipboard_text(const std::string& text) { invitekit_js_copy(text.c_str()); }

void wake() { ImGui_ImplBrowser_Wake(); }
void wake_after(int ms) { ImGui_ImplBrowser_WakeAfter(ms); }

void connect_native_controls(const char* global, const char* actions, const char* handler) {
  invitekit_js_connect_controls(global, actions, handler);
}
void dispatch_event(const char* type, const std::string& json) { invitekit_js_dispatch(type, json.c_str()); }

void notify_ready() { invitekit_js_notify(1, ""); }
void notify_error(const char* message) { invitekit_js_notify(0, message); }

}  // namespace invitekit::web::browser
