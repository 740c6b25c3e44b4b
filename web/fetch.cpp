// invitekit admin page: fetch() through EM_JS; the answer comes back through invitekit_fetch_done.
#include "fetch.h"

#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <string_view>

#include "browser.h"

// headers: "name\nvalue\n" pairs. A failed fetch is probed once: the URL's origin with
// mode "no-cors" (an opaque answer means the server is there and CORS refused the call), the
// page's own origin when the URL is same-origin. CSP refusals are seen as
// securitypolicyviolation events.
// clang-format off
EM_JS(void, invitekit_js_fetch, (int id, const char* method, const char* url, const char* headers,
                                 const char* body, int timeout_ms), {
  var state = Module.invitekitFetch || (Module.invitekitFetch = { live: new Map(), blocked: new Set() });
  if (!state.listening) {
    state.listening = true;
    document.addEventListener("securitypolicyviolation", function(event) {
      try { state.blocked.add(new URL(event.blockedURI).origin); } catch (e) {}
    });
  }
  var target = UTF8ToString(url);
  var lines = UTF8ToString(headers).split("\n");
  var init = { method: UTF8ToString(method), headers: [], cache: "no-store", credentials: "omit",
               redirect: "follow", referrerPolicy: "no-referrer" };
  for (var i = 0; i + 1 < lines.length; i += 2) init.headers.push([lines[i], lines[i + 1]]);
  if (body) init.body = UTF8ToString(body);
  var controller = new AbortController();
  init.signal = controller.signal;
  var entry = { controller: controller, why: "" };
  state.live.set(id, entry);
  var timer = setTimeout(function() { entry.why = "timeout"; controller.abort(); }, timeout_ms);

  var toC = function(text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  };
  var finish = function(failure, status, headerText, bodyText, detail) {
    clearTimeout(timer);
    if (!state.live.has(id)) return;
    state.live.delete(id);
    _invitekit_fetch_done(id, failure, status, toC(headerText), toC(bodyText), toC(detail));
  };
  var probe = function(probeUrl, mode) {
    var probeController = new AbortController();
    var probeTimer = setTimeout(function() { probeController.abort(); }, 5000);
    return fetch(probeUrl, { method: "GET", mode: mode, cache: "no-store", credentials: "omit",
                             signal: probeController.signal })
      .then(function() { clearTimeout(probeTimer); return true; },
            function() { clearTimeout(probeTimer); return false; });
  };

  fetch(target, init).then(function(response) {
    var headerText = "";
    response.headers.forEach(function(value, name) { headerText += name + "\n" + value + "\n"; });
    return response.text().then(function(text) { finish(0, response.status, headerText, text, ""); },
      function(error) {
        /* The status came, the rest of the answer did not (the connection closed, or time ran out). */
        var detail = String(error && error.message || error);
        if (entry.why === "cancel") return finish(2, 0, "", "", detail);
        finish(8, response.status, headerText, "", detail);
      });
  }).catch(function(error) {
    var detail = String(error && error.message || error);
    if (entry.why === "timeout") return finish(1, 0, "", "", detail);
    if (entry.why === "cancel") return finish(2, 0, "", "", detail);
    if (typeof navigator !== "undefined" && navigator.onLine === false) return finish(3, 0, "", "", detail);
    var origin = "";
    try { origin = new URL(target, location.href).origin; } catch (e) {}
    /* securitypolicyviolation events arrive as separate tasks, after the rejection: wait a little. */
    var later = function(decide) { setTimeout(decide, 150); };
    if (origin === location.origin) {
      return probe(location.origin + "/", "same-origin").then(function(ok) {
        later(function() { finish(ok ? 4 : 7, 0, "", "", detail); });
      });
    }
    return probe(origin + "/", "no-cors").then(function(ok) {
      later(function() { finish(state.blocked.has(origin) ? 6 : (ok ? 5 : 4), 0, "", "", detail); });
    });
  });
});

EM_JS(void, invitekit_js_fetch_cancel, (int id), {
  var state = Module.invitekitFetch;
  var entry = state && state.live.get(id);
  if (entry) { entry.why = "cancel"; entry.controller.abort(); }
});
// clang-format on

namespace invitekit::web {
namespace {

int g_next_id = 1;
std::map<int, fetch_done>& pending() {
  static std::map<int, fetch_done> map;
  return map;
}

std::string take(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace

int fetch_start(const http_request& request, int timeout_ms, fetch_done done) {
  const int id = g_next_id++;
  pending()[id] = std::move(done);
  std::string headers;
  for (const auto& [name, value] : request.headers) headers += name + "\n" + value + "\n";
  const bool has_body = request.method != "GET" && request.method != "HEAD";
  invitekit_js_fetch(id, request.method.c_str(), request.url.c_str(), headers.c_str(),
                     has_body ? request.body.c_str() : nullptr, timeout_ms);
  return id;
}

void fetch_cancel(int id) { invitekit_js_fetch_cancel(id); }

int fetch_pending() { return static_cast<int>(pending().size()); }

}  // namespace invitekit::web

extern "C" EMSCRIPTEN_KEEPALIVE void invitekit_fetch_done(int id, int failure, int status,
                                                          char* headers, char* body, char* detail) {
  using namespace invitekit::web;
  fetch_result result;
  result.failure = static_cast<fetch_failure>(failure);
  result.status = status;
  std::string header_text = take(headers);
  result.body = take(body);
  result.detail = take(detail);
  std::string_view rest = header_text;
  while (!rest.empty()) {
    std::size_t a = rest.find('\n');
    if (a == std::string_view::npos) break;
    std::size_t b = rest.find('\n', a + 1);
    if (b == std::string_view::npos) break;
    result.headers.emplace_back(std::string(rest.substr(0, a)),
                                std::string(rest.substr(a + 1, b - a - 1)));
    rest.remove_prefix(b + 1);
  }
  auto it = pending().find(id);
  if (it == pending().end()) return;
  fetch_done done = std::move(it->second);
  pending().erase(it);
  done(result);
  browser::wake();
}
