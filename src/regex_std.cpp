// invitekit: the native "pattern" backend — regex.h on std::wregex with the ECMAScript grammar.
//
// Patterns and texts are decoded from UTF-8 to std::wstring first so that "." and character
// ranges work on code points (wchar_t holds a whole code point on the platforms we build
// natively). Compiled patterns are cached by handle for the life of the process. std::regex
// reports problems by throwing; nothing is allowed to leave this file as an exception.
#include "regex.h"

#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

namespace invitekit {
namespace {

// Decodes UTF-8 into out; a malformed sequence becomes U+FFFD, as the JS engine would show it.
void widen(std::string_view s, std::wstring& out) {
  out.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    std::size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else {
      len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (len > 1 && i + len <= s.size()) {
        cp = b & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len; ++k) {
          const auto c = static_cast<unsigned char>(s[i + k]);
          if ((c & 0xC0) != 0x80) {
            cp = 0xFFFD;
            len = k;
            break;
          }
          cp = (cp << 6) | (c & 0x3F);
        }
      } else {
        len = 1;
      }
    }
    out.push_back(static_cast<wchar_t>(cp));
    i += len;
  }
}

struct regex_cache {
  std::mutex mutex;
  std::unordered_map<std::string, std::int32_t> by_pattern;
  std::vector<std::unique_ptr<const std::wregex>> compiled;  // pointers stay put as it grows
};

regex_cache& cache() {
  static regex_cache instance;  // never destroyed early: other statics may still validate
  return instance;
}

}  // namespace

std::int32_t regex_compile(std::string_view pattern) {
  regex_cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  const std::string key(pattern);
  if (auto it = c.by_pattern.find(key); it != c.by_pattern.end()) return it->second;
  std::int32_t handle = -1;
  try {
    std::wstring wide;
    widen(pattern, wide);
    auto re = std::make_unique<const std::wregex>(wide, std::regex::ECMAScript);
    handle = static_cast<std::int32_t>(c.compiled.size());
    c.compiled.push_back(std::move(re));
  } catch (...) {  // std::regex_error, or std::bad_alloc on a monstrous pattern
    handle = -1;
  }
  c.by_pattern.emplace(key, handle);  // a bad pattern is remembered as bad
  return handle;
}

bool regex_search(std::int32_t handle, std::string_view text) {
  const std::wregex* re = nullptr;
  {
    regex_cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    if (handle < 0 || static_cast<std::size_t>(handle) >= c.compiled.size()) return false;
    re = c.compiled[static_cast<std::size_t>(handle)].get();
  }
  try {
    thread_local std::wstring wide;  // reused: no allocation per search once warm
    widen(text, wide);
    return std::regex_search(wide, *re);
  } catch (...) {  // error_complexity / error_stack on pathological input: treat as no match
    return false;
  }
}

}  // namespace invitekit
