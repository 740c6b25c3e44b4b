// invitekit detail: which byte sequences are UTF-8 — for describing a parse error at the
// offending byte, and for checking strings of a value built in C++.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace invitekit::detail {

// The length of the well-formed UTF-8 sequence at p (Unicode 15, table 3-7: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0. Reads at most min(4, available) bytes.
inline int utf8_sequence_length(const char* p, std::size_t available) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  auto cont = [&](std::size_t i) { return i < available && (u[i] & 0xC0) == 0x80; };
  if (available == 0) return 0;
  const unsigned char c = u[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return available > 1 && u[1] >= lo && u[1] <= hi && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return available > 1 && u[1] >= lo && u[1] <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Whether s is entirely well-formed UTF-8.
inline bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  // ASCII, the usual case, eight bytes at a time.
  for (std::uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < s.size()) {
    const int n = utf8_sequence_length(s.data() + i, s.size() - i);
    if (n == 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace invitekit::detail
