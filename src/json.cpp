// invitekit: the JSON document — a strict RFC 8259 parser into one flat node buffer, and the
// lookup, comparison and serialization helpers declared in json.h.
#include "json.h"

#include "detail/utf8.h"

#include "number_engine.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace invitekit {

using detail::json_node;

namespace {

// An open container keeps its parent's index in json_node::a until it is closed; the root's
// parent is this. The chain of open containers is then the parser's whole stack.
constexpr std::uint32_t no_parent = 0xFFFFFFFFu;

// The document's copy of the text is followed by this many NUL bytes, so the scanners can read
// a few bytes ahead (8-byte string chunks, "true", "\uXXXX\uXXXX") and stop at a NUL instead
// of checking the end before every byte.
constexpr std::size_t padding = 16;

inline bool is_ws(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Always inlined, as skip_plain: at -Oz (the npm package) both stayed calls, one per token.
[[gnu::always_inline]] inline const char* skip_ws(const char* p) {
  while (is_ws(static_cast<unsigned char>(*p))) ++p;
  return p;
}

inline int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits of a \u escape, or -1.
inline long hex4(const char* p) {
  int a = hex_value(p[0]), b = hex_value(p[1]), c = hex_value(p[2]), d = hex_value(p[3]);
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

// The UTF-8 sequence at p: the padding after the text makes 4 bytes always readable.
inline int utf8_length(const char* p) { return detail::utf8_sequence_length(p, 4); }

inline char* encode_utf8(char* w, std::uint32_t cp) {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

// Skips the bytes a string can hold as they are: everything but '"', '\\', control characters
// and non-ASCII (which must be validated). 16 bytes at a time with SSE2, else 8 with plain
// 64-bit arithmetic; the padding after the text keeps every read inside the buffer.
inline const char* skip_plain(const char* s) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  for (;;) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    // A signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches non-ASCII.
    __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(v, space));
    if (int mask = _mm_movemask_epi8(special))
      return s + std::countr_zero(static_cast<unsigned>(mask));
    s += 16;
  }
#else
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    for (;;) {
      std::uint64_t v;
      std::memcpy(&v, s, 8);
      // Each term marks the first byte of its kind with its high bit (later bytes may be marked
      // wrongly by a borrow, but only after a real one): '"', '\\', below 0x20 or above 0x7F.
      std::uint64_t hit = zero_byte(v ^ (ones * '"')) | zero_byte(v ^ (ones * '\\')) |
                          (((v - ones * 0x20) | v) & highs);
      if (hit != 0) return s + (std::countr_zero(hit) >> 3);
      s += 8;
    }
  } else {
    for (;;) {
      unsigned char c = *s;
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return s;
      ++s;
    }
  }
#endif
}

// ---- Numbers, read from their source text ----

// A JSON number as sign, significant digits and scale: value = ±0.d1d2d3… × 10^point.
struct decimal {
  bool negative = false;
  bool zero = true;
  std::string_view digits;  // integer and fraction digits as written, '.' included if present
  std::size_t first = 0;    // index in digits of the first significant digit
  std::size_t last = 0;     // index in digits of the last significant digit
  long long point = 0;

  explicit decimal(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') negative = true, ++i;
    std::size_t digits_begin = i, int_digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++int_digits;
    if (i < text.size() && text[i] == '.') {
      ++i;
      while (i < text.size() && is_digit(text[i])) ++i;
    }
    digits = text.substr(digits_begin, i - digits_begin);
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      bool negative_exponent = false;
      if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        negative_exponent = text[i++] == '-';
      // Saturate: beyond this every digit count is irrelevant (the value is 0 or enormous).
      for (; i < text.size(); ++i)
        if (exponent < 1'000'000'000'000LL) exponent = exponent * 10 + (text[i] - '0');
      if (negative_exponent) exponent = -exponent;
    }
    long long position = 0;  // digits seen before the significant one (the '.' not counted)
    for (std::size_t k = 0; k < digits.size(); ++k) {
      if (digits[k] == '.') continue;
      if (digits[k] != '0') {
        if (zero) first = k, point = static_cast<long long>(int_digits) - position + exponent;
        zero = false;
        last = k;
      }
      ++position;
    }
  }

  // Significant digits from first to last, skipping the '.'.
  std::size_t significant_count() const {
    if (zero) return 0;
    std::size_t n = last - first + 1;
    if (digits.substr(first, n).find('.') != std::string_view::npos) --n;
    return n;
  }
};

bool same_number(std::string_view a_text, std::string_view b_text) {
  if (a_text == b_text) return true;
  decimal a(a_text), b(b_text);
  if (a.zero || b.zero) return a.zero == b.zero;  // -0 == 0
  if (a.negative != b.negative || a.point != b.point) return false;
  std::size_t i = a.first, j = b.first;
  for (;;) {
    if (a.digits[i] == '.') ++i;
    if (b.digits[j] == '.') ++j;
    if (a.digits[i] != b.digits[j]) return false;
    bool a_done = i == a.last, b_done = j == b.last;
    if (a_done || b_done) return a_done && b_done;
    ++i, ++j;
  }
}

// ---- The parser ----

// What went wrong, named for the message it produces.
enum class syntax {
  empty,
  bom,
  value_expected,
  key_expected,
  colon_missing,
  object_separator,
  array_separator,
  trailing_comma,
  trailing_text,
  unclosed_string,
  control_character,
  bad_escape,
  bad_unicode_escape,
  lone_surrogate,
  invalid_utf8,
  leading_zero,
  digit_expected,
};

class parser {
 public:
  parser(char* text, std::size_t size, json_node* nodes, std::string_view original,
         const json_limits& limits, json_parse_error& error)
      : begin_(text),
        end_(text + size),
        nodes_(nodes),
        original_(original),
        limits_(limits),
        error_(error) {}

  bool run();

 private:
  const char* string(const char* p, json_node& n);
  const char* unescape(const char* s, char*& w, const char* start);
  const char* number(const char* p, json_node& n);

  bool fail(syntax what, const char* at, const char* context = nullptr);
  bool fail_depth(const char* at);
  // A control character or the end of the text inside the string that starts at `start`.
  bool fail_in_string(const char* at, const char* start) {
    return at == end_ ? fail(syntax::unclosed_string, start) : fail(syntax::control_character, at);
  }
  std::string path_of_current() const;
  std::string describe_at(const char* at) const;
  void locate(const char* at);

  char* const begin_;
  const char* const end_;
  json_node* const nodes_;
  std::uint32_t count_ = 0;
  std::uint32_t current_ = no_parent;  // kept up to date only where an error may need it
  const std::string_view original_;
  const json_limits& limits_;
  json_parse_error& error_;
};

bool parser::run() {
  const char* p = begin_;
  if (end_ - begin_ >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) return fail(syntax::bom, p);
  std::uint32_t current = no_parent;  // the innermost open container
  std::size_t depth = 0;
  p = skip_ws(p);
  if (p == end_) return fail(syntax::empty, p);

value:
  switch (*p) {
    case '"': {
      json_node& n = nodes_[count_++];
      n.type = json_type::string;
      n.flags = 0;
      current_ = current;
      if (!(p = string(p, n))) return false;
      goto after_value;
    }
    case '[':
    case '{': {
      if (depth == limits_.max_depth) {
        current_ = current;
        return fail_depth(p);
      }
      ++depth;
      std::uint32_t index = count_++;
      json_node& n = nodes_[index];
      n.type = *p == '{' ? json_type::object : json_type::array;
      n.a = current;
      n.b = 0;
      n.flags = 0;
      current = index;
      p = skip_ws(p + 1);
      if (n.type == json_type::object) {
        if (*p == '}') {
          ++p;
          goto close;
        }
        goto key;
      }
      if (*p == ']') {
        ++p;
        goto close;
      }
      n.b = 1;
      goto value;
    }
    case 't':
    case 'f':
    case 'n': {
      json_node& n = nodes_[count_++];
      n.a = n.b = 0;
      if (std::memcmp(p, "true", 4) == 0) {
        n.type = json_type::boolean, n.flags = 1, p += 4;
      } else if (std::memcmp(p, "false", 5) == 0) {
        n.type = json_type::boolean, n.flags = 0, p += 5;
      } else if (std::memcmp(p, "null", 4) == 0) {
        n.type = json_type::null, n.flags = 0, p += 4;
      } else {
        current_ = current;
        return fail(syntax::value_expected, p);
      }
      goto after_value;
    }
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
      json_node& n = nodes_[count_++];
      current_ = current;
      if (!(p = number(p, n))) return false;
      goto after_value;
    }
    default:
      current_ = current;
      // A ']' here follows a ',' (an empty array was handled on '[').
      if (*p == ']' && current != no_parent && nodes_[current].type == json_type::array)
        return fail(syntax::trailing_comma, p);
      return fail(syntax::value_expected, p);
  }

key:
  if (*p != '"') {
    current_ = current;
    return fail(*p == '}' ? syntax::trailing_comma : syntax::key_expected, p);
  }
  {
    json_node& k = nodes_[count_++];
    k.type = json_type::string;
    k.flags = 0;
    current_ = current;
    if (!(p = string(p, k))) return false;
    ++nodes_[current].b;  // only now: an error's path names the last complete key
  }
  p = skip_ws(p);
  if (*p != ':') return fail(syntax::colon_missing, p);
  p = skip_ws(p + 1);
  goto value;

close : {
  json_node& n = nodes_[current];
  current = n.a;
  n.a = count_;
  --depth;
}

after_value:
  if (current == no_parent) {
    p = skip_ws(p);
    if (p != end_) {
      current_ = current;
      return fail(syntax::trailing_text, p);
    }
    return true;
  }
  p = skip_ws(p);
  {
    bool object = nodes_[current].type == json_type::object;
    if (*p == ',') {
      p = skip_ws(p + 1);
      if (object) goto key;
      ++nodes_[current].b;
      goto value;
    }
    if (*p == (object ? '}' : ']')) {
      ++p;
      goto close;
    }
    current_ = current;
    return fail(object ? syntax::object_separator : syntax::array_separator, p);
  }
}

// p is at the opening quote. Strings without escapes stay where they are in the text; escapes
// are decoded in place (the decoded form is never longer), so no string is ever copied.
const char* parser::string(const char* p, json_node& n) {
  const char* const start = p + 1;
  const char* s = start;
  for (;;) {
    s = skip_plain(s);
    auto c = static_cast<unsigned char>(*s);
    if (c == '"') {
      n.a = static_cast<std::uint32_t>(start - begin_);
      n.b = static_cast<std::uint32_t>(s - start);
      return s + 1;
    }
    if (c == '\\') break;
    if (c < 0x80) return fail_in_string(s, p), nullptr;
    int length = utf8_length(s);
    if (length == 0) return fail(syntax::invalid_utf8, s), nullptr;
    s += length;
  }
  char* w = begin_ + (s - begin_);
  for (;;) {
    const char* plain_end = skip_plain(s);
    std::memmove(w, s, static_cast<std::size_t>(plain_end - s));
    w += plain_end - s;
    s = plain_end;
    auto c = static_cast<unsigned char>(*s);
    if (c == '"') {
      n.a = static_cast<std::uint32_t>(start - begin_);
      n.b = static_cast<std::uint32_t>(w - start);
      return s + 1;
    }
    if (c == '\\') {
      if (!(s = unescape(s, w, p))) return nullptr;
      continue;
    }
    if (c < 0x80) return fail_in_string(s, p), nullptr;
    int length = utf8_length(s);
    if (length == 0) return fail(syntax::invalid_utf8, s), nullptr;
    std::memmove(w, s, static_cast<std::size_t>(length));
    w += length, s += length;
  }
}

// s is at a backslash inside the string that starts at `start`; writes the character it stands
// for at w.
const char* parser::unescape(const char* s, char*& w, const char* start) {
  char simple = 0;
  switch (s[1]) {
    case '"':
      simple = '"';
      break;
    case '\\':
      simple = '\\';
      break;
    case '/':
      simple = '/';
      break;
    case 'b':
      simple = '\b';
      break;
    case 'f':
      simple = '\f';
      break;
    case 'n':
      simple = '\n';
      break;
    case 'r':
      simple = '\r';
      break;
    case 't':
      simple = '\t';
      break;
    case 'u':
      break;
    default:
      if (s + 1 == end_) return fail(syntax::unclosed_string, start), nullptr;
      return fail(syntax::bad_escape, s), nullptr;
  }
  if (simple) {
    *w++ = simple;
    return s + 2;
  }
  long cp = hex4(s + 2);
  if (cp < 0) return fail(syntax::bad_unicode_escape, s), nullptr;
  const char* next = s + 6;
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    // UTF-16 surrogates are text only as a high-low pair; a lone half has no character.
    long low = cp <= 0xDBFF && s[6] == '\\' && s[7] == 'u' ? hex4(s + 8) : -1;
    if (low < 0xDC00 || low > 0xDFFF) return fail(syntax::lone_surrogate, s), nullptr;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    next = s + 12;
  }
  w = encode_utf8(w, static_cast<std::uint32_t>(cp));
  return next;
}

// The number's text is kept as written; only its shape is checked here (RFC 8259 section 6).
const char* parser::number(const char* p, json_node& n) {
  const char* s = p;
  bool plain = true;
  if (*s == '-') ++s;
  if (*s == '0') {
    ++s;
    if (is_digit(*s)) return fail(syntax::leading_zero, p), nullptr;
  } else if (is_digit(*s)) {
    while (is_digit(*s)) ++s;
  } else {
    return fail(syntax::digit_expected, s, "after '-'"), nullptr;
  }
  if (*s == '.') {
    plain = false;
    ++s;
    if (!is_digit(*s)) return fail(syntax::digit_expected, s, "after the decimal point"), nullptr;
    while (is_digit(*s)) ++s;
  }
  if (*s == 'e' || *s == 'E') {
    plain = false;
    ++s;
    if (*s == '+' || *s == '-') ++s;
    if (!is_digit(*s)) return fail(syntax::digit_expected, s, "in the exponent"), nullptr;
    while (is_digit(*s)) ++s;
  }
  n.type = json_type::number;
  n.flags = plain ? 1 : 0;
  n.a = static_cast<std::uint32_t>(p - begin_);
  n.b = static_cast<std::uint32_t>(s - p);
  return s;
}

// ---- Errors: only reached on failure, so clarity over speed ----

// The JSON Pointer of the value being read: the last member or element of each open container.
std::string parser::path_of_current() const {
  std::vector<std::uint32_t> open;
  for (std::uint32_t c = current_; c != no_parent; c = nodes_[c].a) open.push_back(c);
  std::string path;
  for (auto it = open.rbegin(); it != open.rend(); ++it) {
    const json_node& n = nodes_[*it];
    if (n.b == 0) break;
    if (n.type == json_type::array) {
      append_pointer_index(path, n.b - 1);
      continue;
    }
    // Members before the last are complete, so their values' subtrees can be stepped over.
    std::uint32_t key = *it + 1;
    for (std::uint32_t m = 1; m < n.b; ++m) {
      const json_node& value = nodes_[key + 1];
      bool container = value.type == json_type::array || value.type == json_type::object;
      key = container ? value.a : key + 2;
    }
    append_pointer_token(path, {begin_ + nodes_[key].a, nodes_[key].b});
  }
  return path;
}

// Line and column (in code points) of a position, counted on the caller's text: the copy may
// already hold decoded strings.
void parser::locate(const char* at) {
  std::size_t offset = static_cast<std::size_t>(at - begin_);
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (original_[i] == '\n' ||
        (original_[i] == '\r' && (i + 1 >= original_.size() || original_[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++column;
  error_.line = line;
  error_.column = column;
}

// What stands at a position, for a message: a word ('hello'), a character ('}'), U+0007.
std::string parser::describe_at(const char* at) const {
  auto c = static_cast<unsigned char>(*at);
  std::string out;
  if (is_letter(c)) {
    const char* e = at;
    while (e - at < 20 && (is_letter(*e) || is_digit(*e) || *e == '_')) ++e;
    out.append("'").append(at, e).append("'");
  } else if (c >= 0x20 && c < 0x7F) {
    out.append("'").append(1, static_cast<char>(c)).append("'");
  } else if (c >= 0x80 && utf8_length(at) > 0) {
    out.append("'").append(at, static_cast<std::size_t>(utf8_length(at))).append("'");
  } else {
    static const char hex[] = "0123456789ABCDEF";
    out.append("U+00").append(1, hex[c >> 4]).append(1, hex[c & 15]);
  }
  return out;
}

bool parser::fail(syntax what, const char* at, const char* context) {
  // A non-ASCII byte that is not UTF-8 is reported as such wherever it stands.
  if (at < end_ && static_cast<unsigned char>(*at) >= 0x80 && utf8_length(at) == 0)
    what = syntax::invalid_utf8;
  bool at_end = at >= end_;
  std::string detail;
  const char* in =
      current_ != no_parent && nodes_[current_].type == json_type::object ? "object" : "array";
  switch (what) {
    case syntax::empty:
      detail = "the text is empty";
      break;
    case syntax::bom:
      detail = "it starts with a byte order mark (BOM), which JSON text must not have";
      break;
    case syntax::value_expected:
      if (at_end)
        detail = current_ == no_parent
                     ? "the text ends where a value was expected"
                     : std::string("the text ends before the ") + in + " is closed";
      else if (*at == '\'')
        detail = "text must be in double quotes (\"), not single quotes";
      else
        detail =
            "a value (text in double quotes, a number, true, false, null, an object or an array) "
            "was expected but found " +
            describe_at(at);
      break;
    case syntax::key_expected:
      detail = at_end ? "the text ends before the object is closed"
               : *at == '\''
                   ? "property names must be in double quotes (\"), not single quotes"
                   : "a property name in double quotes was expected but found " + describe_at(at);
      break;
    case syntax::colon_missing:
      detail = at_end ? "the text ends before the object is closed"
                      : "a ':' is missing after the property name (found " + describe_at(at) + ")";
      break;
    case syntax::object_separator:
      detail = at_end ? "the text ends before the object is closed"
                      : "a ',' or '}' is missing after the value (found " + describe_at(at) + ")";
      break;
    case syntax::array_separator:
      detail = at_end ? "the text ends before the array is closed"
                      : "a ',' or ']' is missing after the value (found " + describe_at(at) + ")";
      break;
    case syntax::trailing_comma:
      detail = std::string("a ',' is followed by '") + *at + "' (remove the last comma)";
      break;
    case syntax::trailing_text:
      detail = "there is more text after the end of the value (found " + describe_at(at) + ")";
      break;
    case syntax::unclosed_string:
      detail = "a string is not closed: its closing '\"' is missing";
      break;
    case syntax::control_character:
      detail = *at == '\n'   ? "a line break inside a string must be written as \\n"
               : *at == '\t' ? "a tab inside a string must be written as \\t"
                             : "the control character " + describe_at(at) +
                                   " must be escaped inside a string";
      break;
    case syntax::bad_escape:
      if (at[1] > 0x20 && at[1] < 0x7F)
        detail =
            "'\\" + std::string(1, at[1]) + "' is not a valid escape (write \\\\ for a backslash)";
      else
        detail = "a backslash must be followed by one of \" \\ / b f n r t u (found " +
                 describe_at(at + 1) + ")";
      break;
    case syntax::bad_unicode_escape:
      detail = "'\\u' must be followed by four hexadecimal digits";
      break;
    case syntax::lone_surrogate:
      detail =
          "'" + std::string(at, 6) + "' is half of a UTF-16 surrogate pair without its other half";
      break;
    case syntax::invalid_utf8: {
      static const char hex[] = "0123456789ABCDEF";
      auto c = static_cast<unsigned char>(*at);
      detail =
          std::string("the text is not valid UTF-8 (byte 0x") + hex[c >> 4] + hex[c & 15] + ")";
      break;
    }
    case syntax::leading_zero:
      detail = "a number cannot start with 0 unless it is 0 (leading zeros are not allowed)";
      break;
    case syntax::digit_expected:
      detail = std::string("a number needs a digit ") + context;
      break;
  }
  error_.code = "json";
  error_.path = what == syntax::empty || what == syntax::bom ? std::string() : path_of_current();
  locate(at);
  error_.message.assign(limits_.subject)
      .append(" is not valid JSON: ")
      .append(detail)
      .append(" at line ")
      .append(std::to_string(error_.line))
      .append(", column ")
      .append(std::to_string(error_.column))
      .append(".");
  return false;
}

bool parser::fail_depth(const char* at) {
  error_.code = "limit";
  error_.path = path_of_current();
  locate(at);
  error_.message.assign(limits_.subject)
      .append(" is nested too deeply: more than ")
      .append(std::to_string(limits_.max_depth))
      .append(" levels of objects and arrays, at line ")
      .append(std::to_string(error_.line))
      .append(", column ")
      .append(std::to_string(error_.column))
      .append(".");
  return false;
}

// The length of the document's to_json without escaping anything. Whitespace and escapes in
// the source only ever make the text longer (a raw '"', '\\' or control character cannot be in
// a parsed string), so the text is exactly its own to_json when the two lengths are equal.
std::size_t compact_length(const json_node* nodes) {
  const std::uint32_t count =
      nodes[0].type == json_type::array || nodes[0].type == json_type::object ? nodes[0].a : 1;
  std::size_t length = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const json_node& n = nodes[i];
    switch (n.type) {
      case json_type::null:
        length += 4;
        break;
      case json_type::boolean:
        length += n.flags ? 4 : 5;
        break;
      case json_type::number:
        length += n.b;
        break;
      case json_type::string:
        length += n.b + 2;
        break;
      case json_type::array:
        length += n.b ? n.b + 1 : 2;  // brackets and commas
        break;
      case json_type::object:
        length += n.b ? 2 * n.b + 1 : 2;  // braces, commas and colons
        break;
    }
  }
  return length;
}

}  // namespace

// ---- json_document ----

struct json_document::impl {
  std::unique_ptr<char[]> text;  // the text being read, then its decoded strings; padded with NULs
  std::size_t text_capacity = 0;
  std::unique_ptr<json_node[]> nodes;
  std::size_t node_capacity = 0;
  json_parse_error error;
};

json_document::json_document() : impl_(new impl) {}
json_document::~json_document() { delete impl_; }
json_document::json_document(json_document&& o) noexcept
    : impl_(o.impl_), nodes_(o.nodes_), text_(o.text_), compact_size_(o.compact_size_) {
  o.impl_ = new impl;  // a moved-from document stays usable (and empty)
  o.nodes_ = nullptr;
  o.text_ = nullptr;
  o.compact_size_ = 0;
}
json_document& json_document::operator=(json_document&& o) noexcept {
  std::swap(impl_, o.impl_);
  std::swap(nodes_, o.nodes_);
  std::swap(text_, o.text_);
  std::swap(compact_size_, o.compact_size_);
  return *this;
}

const json_parse_error& json_document::error() const { return impl_->error; }

json_value json_document::root() const { return nodes_ ? json_value(this, 0) : json_value(); }

bool json_document::parse(std::string_view text, const json_limits& limits) {
  impl& m = *impl_;
  nodes_ = nullptr;
  text_ = nullptr;
  compact_size_ = 0;
  m.error.code.clear();
  m.error.message.clear();
  m.error.path.clear();
  m.error.line = m.error.column = 0;

  // Offsets are 32-bit; the default limit is far below that.
  if (text.size() > limits.max_bytes || text.size() >= no_parent - padding) {
    m.error.code = "limit";
    std::size_t max = limits.max_bytes;
    std::string limit =
        max % (1 << 20) == 0 ? std::to_string(max >> 20) + " MiB" : std::to_string(max) + " bytes";
    m.error.message.assign(limits.subject)
        .append(" is too large: ")
        .append(std::to_string(text.size()))
        .append(" bytes, and the limit is ")
        .append(limit)
        .append(".");
    return false;
  }

  // Buffers only grow, so a document reused for many parses stops allocating.
  if (m.text_capacity < text.size() + padding) {
    m.text_capacity = text.size() + padding;
    m.text.reset(new char[m.text_capacity]);
  }
  std::memcpy(m.text.get(), text.data(), text.size());
  std::memset(m.text.get() + text.size(), 0, padding);
  // Every value takes at least one byte of text, so this many nodes always suffice.
  if (m.node_capacity < text.size() + 1) {
    m.node_capacity = text.size() + 1;
    m.nodes.reset(new json_node[m.node_capacity]);
  }

  parser p(m.text.get(), text.size(), m.nodes.get(), text, limits, m.error);
  if (!p.run()) return false;
  nodes_ = m.nodes.get();
  text_ = m.text.get();
  if (compact_length(nodes_) == text.size()) compact_size_ = text.size();
  return true;
}

// ---- json_value ----

bool json_value::slow_is_integer() const {
  decimal d(number_text());
  return d.zero || d.point >= static_cast<long long>(d.significant_count());
}

double json_value::as_number() const {
  if (!is_number()) return 0;
  std::string_view t = number_text();
  if (node().flags && t.size() - (t[0] == '-') <= 15) {
    // Plain integers of up to 15 digits are exact in a double: no need for the general path.
    bool negative = t[0] == '-';
    double v = 0;
    for (std::size_t i = negative; i < t.size(); ++i) v = v * 10 + (t[i] - '0');
    return negative ? -v : v;
  }
  return parse_number(t);
}

json_value json_value::find(std::string_view key) const {
  // The validator's hottest lookup: walk the nodes directly, keys compared length first.
  if (!is_object()) return {};
  const json_node* nodes = doc_->nodes_;
  const std::uint32_t end = node().a;
  std::uint32_t found = 0;
  for (std::uint32_t k = index_ + 1; k < end;) {
    const json_node& key_node = nodes[k];
    if (key_node.b == key.size() && std::memcmp(doc_->text_ + key_node.a, key.data(), key.size()) == 0)
      found = k + 1;  // the last duplicate wins, as in JSON.parse
    const json_node& value = nodes[k + 1];
    k = value.type == json_type::array || value.type == json_type::object ? value.a : k + 2;
  }
  return found ? json_value(doc_, found) : json_value();
}

json_value json_value::at(std::size_t index) const {
  if (!is_array() || index >= size()) return {};
  for (json_value v : items())
    if (index-- == 0) return v;
  return {};
}

namespace {

// Whether a JSON Pointer token (escaped, "~0" for '~' and "~1" for '/') names this key.
bool token_names(std::string_view token, std::string_view key) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < token.size(); ++i, ++k) {
    char c = token[i];
    if (c == '~') c = token[++i] == '0' ? '~' : '/';  // the token was checked beforehand
    if (k >= key.size() || key[k] != c) return false;
  }
  return k == key.size();
}

bool valid_token(std::string_view token) {
  for (std::size_t i = 0; i < token.size(); ++i)
    if (token[i] == '~' && (i + 1 == token.size() || (token[i + 1] != '0' && token[i + 1] != '1')))
      return false;
  return true;
}

// An array index as RFC 6901 writes it: "0" or digits without a leading zero.
bool parse_index(std::string_view token, std::size_t& index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  return ec == std::errc() && end == token.data() + token.size();
}

}  // namespace

json_value json_value::at_pointer(std::string_view pointer) const {
  json_value v = *this;
  if (!v.exists() || pointer.empty()) return v;
  if (pointer[0] != '/') return {};
  std::size_t pos = 1;
  for (;;) {
    std::size_t slash = pointer.find('/', pos);
    std::string_view token =
        pointer.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (v.is_object()) {
      if (!valid_token(token)) return {};
      json_value found;
      for (json_member m : v.members())
        if (token_names(token, m.key)) found = m.value;
      v = found;
    } else if (v.is_array()) {
      std::size_t index = 0;
      v = parse_index(token, index) ? v.at(index) : json_value();
    } else {
      return {};
    }
    if (!v.exists() || slash == std::string_view::npos) return v;
    pos = slash + 1;
  }
}

// ---- Equality and serialization. Both recurse once per container: depth is bounded by the
// parse's max_depth. ----

bool json_equal(const json_value& a, const json_value& b) {
  if (!a.exists() || !b.exists()) return a.exists() == b.exists();
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case json_type::null:
      return true;
    case json_type::boolean:
      return a.as_bool() == b.as_bool();
    case json_type::number:
      return same_number(a.number_text(), b.number_text());
    case json_type::string:
      return a.as_string() == b.as_string();
    case json_type::array: {
      if (a.size() != b.size()) return false;
      auto bi = b.items().begin();
      for (json_value x : a.items()) {
        if (!json_equal(x, *bi)) return false;
        ++bi;
      }
      return true;
    }
    case json_type::object: {
      // Lookups follow find() (the last duplicate wins); checking that every key of each side
      // exists in the other makes duplicate keys count once.
      for (json_member m : a.members()) {
        json_value other = b.find(m.key);
        if (!other.exists() || !json_equal(a.find(m.key), other)) return false;
      }
      for (json_member m : b.members())
        if (!a.find(m.key).exists()) return false;
      return true;
    }
  }
  return false;
}

void append_json_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json(std::string& out, const json_value& v) {
  if (!v.exists()) return;
  if (const std::string_view text = v.verbatim(); !text.empty()) {
    out += text;
    return;
  }
  switch (v.type()) {
    case json_type::null:
      out += "null";
      return;
    case json_type::boolean:
      out += v.as_bool() ? "true" : "false";
      return;
    case json_type::number:
      out += v.number_text();
      return;
    case json_type::string:
      append_json_string(out, v.as_string());
      return;
    case json_type::array: {
      out += '[';
      bool first = true;
      for (json_value item : v.items()) {
        if (!first) out += ',';
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
    case json_type::object: {
      out += '{';
      bool first = true;
      for (json_member m : v.members()) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, m.key);
        out += ':';
        append_json(out, m.value);
      }
      out += '}';
      return;
    }
  }
}

std::string to_json(const json_value& v) {
  std::string out;
  append_json(out, v);
  return out;
}

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  // Runs without '~' or '/' (every ordinary property name is one) are appended whole.
  for (;;) {
    std::size_t special = 0;  // (find_first_of would call memchr once per character)
    while (special < token.size() && token[special] != '~' && token[special] != '/') ++special;
    if (special == token.size()) {
      pointer += token;
      return;
    }
    pointer.append(token.data(), special);
    pointer += token[special] == '~' ? "~0" : "~1";
    token.remove_prefix(special + 1);
  }
}

void append_pointer_index(std::string& pointer, std::size_t index) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, index);
  pointer += '/';
  pointer.append(digits, end);
}

}  // namespace invitekit
