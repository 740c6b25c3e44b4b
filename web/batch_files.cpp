// invitekit admin page: files, drops, clipboard reads and downloads for the batch (batch_files.h),
// as EM_JS glue; what comes in reaches the app through invitekit_batch_text.
#include "batch_files.h"

#include <emscripten.h>

#include "batch_send.h"
#include "browser.h"

// EM_JS bodies are preprocessed as C: one statement per `;`, double-quoted strings only.
// clang-format off
EM_JS(void, invitekit_js_batch_files_install, (), {
  var give = function(source, text) {
    var a = lengthBytesUTF8(source) + 1;
    var b = lengthBytesUTF8(text) + 1;
    var sourcePtr = _malloc(a);
    var textPtr = _malloc(b);
    stringToUTF8(source, sourcePtr, a);
    stringToUTF8(text, textPtr, b);
    Module._invitekit_batch_text(sourcePtr, textPtr);
    _free(sourcePtr);
    _free(textPtr);
  };
  var readFile = function(file) {
    if (!file) return;
    file.text().then(function(text) { give(file.name, text); }, function(error) {
      give(file.name, "");
    });
  };
  var input = document.createElement("input");
  input.type = "file";
  input.accept = ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain";
  input.hidden = true;
  input.id = "batch-file";
  input.setAttribute("aria-hidden", "true");
  input.tabIndex = -1;
  input.addEventListener("change", function() {
    readFile(input.files[0]);
    input.value = "";
  });
  document.body.append(input);
  var carriesFiles = function(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0;
  };
  window.addEventListener("dragover", function(event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("drop", function(event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    readFile(event.dataTransfer.files[0]);
  });
  Module.invitekitBatchFiles = { give: give, readFile: readFile, input: input };
});

EM_JS(void, invitekit_js_batch_choose_file, (), {
  var files = Module.invitekitBatchFiles;
  if (files) files.input.click();
});

EM_JS(void, invitekit_js_batch_paste, (), {
  var files = Module.invitekitBatchFiles;
  var refused = function() { Module._invitekit_batch_paste_refused(); };
  if (!files || !navigator.clipboard || !navigator.clipboard.readText) { refused(); return; }
  navigator.clipboard.readText().then(function(text) { files.give("pasted text", text); }, refused);
});

EM_JS(void, invitekit_js_batch_download, (const char* name, const char* text), {
  var blob = new Blob([UTF8ToString(text)], { type: "text/csv;charset=utf-8" });
  var url = URL.createObjectURL(blob);
  var link = document.createElement("a");
  link.href = url;
  link.download = UTF8ToString(name);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});
// clang-format on

namespace invitekit::web::batch_files {
namespace {
app_state* g_state = nullptr;
}  // namespace

void install(app_state& s) {
  g_state = &s;
  invitekit_js_batch_files_install();
}

void choose_file() { invitekit_js_batch_choose_file(); }
void paste_from_clipboard() { invitekit_js_batch_paste(); }
void download_results(const batch_state& b) {
  std::string name = "invitekit-results-";
  for (char c : browser::local_time_text())  // "2026-11-22 07:05:13" → "2026-11-22-070513"
    if (c != ':') name += c == ' ' ? '-' : c;
  invitekit_js_batch_download((name + ".csv").c_str(), results_csv(b).c_str());
}

}  // namespace invitekit::web::batch_files

// A table's text came in: a file (chosen or dropped) or the clipboard.
extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_batch_text(const char* source, const char* text) {
  using namespace invitekit::web;
  if (!batch_files::g_state) return;
  load_batch_text(*batch_files::g_state, text, source);
  browser::wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_batch_paste_refused() {
  using namespace invitekit::web;
  if (!batch_files::g_state) return;
  show_notice(*batch_files::g_state, "The browser did not let the page read the clipboard: press Ctrl+V instead.");
  browser::wake();
}
