// invitekit: the native "pattern" backend — regex_engine.h on PCRE2, JIT-compiled.
//
// PCRE2 is asked for JavaScript's behaviour where it differs from Perl's: \u escapes and \U
// as a literal (ALT_BSUX), a backreference to an unset group matches empty
// (MATCH_UNSET_BACKREF), "[]" / "[^]" are classes (ALLOW_EMPTY_CLASS), "$" only at the very end
// (DOLLAR_ENDONLY), and "." stops at CR as well as LF. Patterns work on code points (UTF);
// \d, \w and \s stay ASCII, as \d and \w are in JS (JS's \s also takes Unicode spaces).
// Compiled patterns are kept by handle for the life of the process; looking one up takes no
// lock, and each thread has its own match data, so a search allocates nothing once warm.
#include "regex_engine.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace invitekit {
namespace {

constexpr std::uint32_t compile_options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF |
                                          PCRE2_ALLOW_EMPTY_CLASS | PCRE2_DOLLAR_ENDONLY;

// Backtracking bound, so a pathological pattern/text pair ends as "no match" instead of hanging
// (the ECMAScript engines have no such bound; std::regex gave up with error_complexity).
constexpr std::uint32_t match_limit = 1'000'000;

// Handles index a two-level table that only grows: chunks are published with release stores,
// so regex_search reads them without the lock that regex_compile holds.
constexpr std::size_t chunk_bits = 8;
constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;
constexpr std::size_t max_chunks = 4096;  // room for a million distinct patterns
using chunk = std::array<std::atomic<pcre2_code*>, chunk_size>;

struct regex_cache {
  std::mutex mutex;  // regex_compile only
  std::unordered_map<std::string, std::int32_t> by_pattern;
  std::array<std::atomic<chunk*>, max_chunks> chunks{};
  std::int32_t count = 0;
  pcre2_compile_context* compile_context = nullptr;

  regex_cache() {
    compile_context = pcre2_compile_context_create(nullptr);
    if (compile_context) pcre2_set_newline(compile_context, PCRE2_NEWLINE_ANYCRLF);
  }
};

regex_cache& cache() {
  static regex_cache* instance = new regex_cache;  // never destroyed: other statics may validate
  return *instance;
}

pcre2_code* lookup(std::int32_t handle) {
  if (handle < 0) return nullptr;
  const auto h = static_cast<std::size_t>(handle);
  if ((h >> chunk_bits) >= max_chunks) return nullptr;
  const chunk* c = cache().chunks[h >> chunk_bits].load(std::memory_order_acquire);
  return c ? (*c)[h & (chunk_size - 1)].load(std::memory_order_acquire) : nullptr;
}

// What a search needs, one per thread (a JIT stack must not be shared): match data (one
// ovector pair: only "did it match" is used), the backtracking limit, and a JIT stack that
// may grow to 16 MiB — the default 32 KiB gives up on "(a|b)*" over a few thousand bytes. The
// stack is reserved address space; pages are only touched as deep matches need them.
struct thread_matcher {
  pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_jit_stack* stack = pcre2_jit_stack_create(32 * 1024, 16 * 1024 * 1024, nullptr);

  thread_matcher() {
    if (context) {
      pcre2_set_match_limit(context, match_limit);
      if (stack) pcre2_jit_stack_assign(context, nullptr, stack);
    }
  }
  ~thread_matcher() {
    pcre2_jit_stack_free(stack);
    pcre2_match_context_free(context);
    pcre2_match_data_free(data);
  }
};

// Invalid UTF-8 becomes U+FFFD, as the JS engine would show it (PCRE2 refuses such subjects).
std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const std::uint32_t cp = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    } else if (ok && len == 4) {
      const std::uint32_t cp = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
                               ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (ok) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

int match(pcre2_code* re, std::string_view text) {
  thread_local thread_matcher m;
  if (m.data == nullptr) return PCRE2_ERROR_NOMEMORY;
  return pcre2_match(re, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, m.data,
                     m.context);
}

}  // namespace

std::int32_t regex_compile(std::string_view pattern) {
  regex_cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  std::string key(pattern);
  if (auto it = c.by_pattern.find(key); it != c.by_pattern.end()) return it->second;
  std::int32_t handle = -1;
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* re = nullptr;
  const auto h = static_cast<std::size_t>(c.count);
  if ((h >> chunk_bits) < max_chunks) {
    re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                       compile_options, &error, &offset, c.compile_context);
  }
  if (re != nullptr) {
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);  // without JIT (unsupported CPU) it interprets
    std::atomic<chunk*>& slot = c.chunks[h >> chunk_bits];
    chunk* ch = slot.load(std::memory_order_relaxed);
    if (ch == nullptr) {
      ch = new chunk();  // zero-initialized atomics
      slot.store(ch, std::memory_order_release);
    }
    (*ch)[h & (chunk_size - 1)].store(re, std::memory_order_release);
    handle = c.count++;
  }
  c.by_pattern.emplace(std::move(key), handle);  // a bad pattern is remembered as bad
  return handle;
}

bool regex_search(std::int32_t handle, std::string_view text) {
  pcre2_code* re = lookup(handle);
  if (re == nullptr) return false;
  int rc = match(re, text);
  if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
    rc = match(re, replace_invalid_utf8(text));
  }
  return rc >= 0;  // 0: matched, ovector too small; < 0: no match, or a limit was hit
}

}  // namespace invitekit
