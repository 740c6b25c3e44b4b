// invitekit detail: JSON values as JSON Schema sees them — kinds, numbers, structural equality
// (1 == 1.0, members in any order) and a hash that agrees with it. Templates, so that a plain
// nlohmann::json and the core's ordered json are read alike, and compared with each other.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace invitekit::detail {

// Kinds of JSON value as bits: what "type" allows and what a keyword applies to. A number that
// is an integer is of both kind_integer and kind_number.
enum kind_bits : std::uint8_t {
  kind_null = 1,
  kind_boolean = 2,
  kind_integer = 4,
  kind_number = 8,
  kind_string = 16,
  kind_array = 32,
  kind_object = 64,
  kind_any = 127,
};

using value_t = nlohmann::json::value_t;

template <class Json>
const std::string& string_of(const Json& v) {
  static const std::string none;
  const auto* s = v.template get_ptr<const std::string*>();
  return s ? *s : none;
}

// The members of an object and the elements of an array as nlohmann stores them (a std::map or an
// ordered_map; a std::vector), empty for any other value. Walking these directly is several times
// cheaper than through basic_json's generic iterator, which switches on the type at every step.
template <class Json>
const typename Json::object_t& members_of(const Json& v) {
  static const typename Json::object_t none;
  const auto* object = v.template get_ptr<const typename Json::object_t*>();
  return object ? *object : none;
}

template <class Json>
const typename Json::array_t& elements_of(const Json& v) {
  static const typename Json::array_t none;
  const auto* array = v.template get_ptr<const typename Json::array_t*>();
  return array ? *array : none;
}

template <class Json>
double number_of(const Json& v) {
  switch (v.type()) {
    case value_t::number_integer: return static_cast<double>(*v.template get_ptr<const std::int64_t*>());
    case value_t::number_unsigned: return static_cast<double>(*v.template get_ptr<const std::uint64_t*>());
    case value_t::number_float: return *v.template get_ptr<const double*>();
    default: return 0;
  }
}

// A finite number with no fractional part: 1 and 1.0 are integers (draft-07), 1.5 is not.
template <class Json>
bool is_integer(const Json& v) {
  if (v.is_number_integer()) return true;  // nlohmann: signed or unsigned
  if (!v.is_number_float()) return false;
  const double d = *v.template get_ptr<const double*>();
  return std::isfinite(d) && std::floor(d) == d;
}

// The value's kind bits (an integer carries kind_number too).
template <class Json>
std::uint8_t kind_of(const Json& v) {
  switch (v.type()) {
    case value_t::null: return kind_null;
    case value_t::boolean: return kind_boolean;
    case value_t::number_integer:
    case value_t::number_unsigned: return kind_integer | kind_number;
    case value_t::number_float: return is_integer(v) ? kind_integer | kind_number : kind_number;
    case value_t::string: return kind_string;
    case value_t::array: return kind_array;
    case value_t::object: return kind_object;
    default: return 0;  // binary, discarded: nothing JSON Schema knows
  }
}

// An integer's sign and magnitude, whether nlohmann holds it signed or unsigned.
template <class Json>
std::pair<bool, std::uint64_t> integer_of(const Json& v) {
  if (v.is_number_unsigned()) return {false, *v.template get_ptr<const std::uint64_t*>()};
  const std::int64_t i = *v.template get_ptr<const std::int64_t*>();
  return {i < 0, i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i)};
}

template <class A, class B>
bool json_equal(const A& a, const B& b) {
  if (a.is_number() && b.is_number()) {
    // Integers exactly, without a detour through double: 2^63 + 1 is not 2^63.
    if (a.is_number_integer() && b.is_number_integer()) return integer_of(a) == integer_of(b);
    return number_of(a) == number_of(b);
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case value_t::null: return true;
    case value_t::boolean: return a.template get<bool>() == b.template get<bool>();
    case value_t::string: return string_of(a) == string_of(b);
    case value_t::array: {
      const auto& x = elements_of(a);
      const auto& y = elements_of(b);
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!json_equal(x[i], y[i])) return false;
      return true;
    }
    case value_t::object: {
      const auto& x = members_of(a);
      const auto& y = members_of(b);
      if (x.size() != y.size()) return false;
      for (const auto& [key, value] : x) {
        const auto found = y.find(key);
        if (found == y.end() || !json_equal(value, found->second)) return false;
      }
      return true;
    }
    default: return false;
  }
}

inline std::uint64_t mix_hash(std::uint64_t h) {  // splitmix64's finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

inline std::uint64_t hash_text(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Equal values (as json_equal sees them) hash equally: numbers by value, members in any order.
template <class Json>
std::uint64_t json_hash(const Json& v) {
  switch (v.type()) {
    case value_t::null: return 1;
    case value_t::boolean: return v.template get<bool>() ? 2 : 3;
    case value_t::number_integer:
    case value_t::number_unsigned:
    case value_t::number_float: {
      double d = number_of(v);
      if (d == 0) d = 0;  // -0 == 0
      std::uint64_t bits = 0;
      static_assert(sizeof bits == sizeof d);
      std::memcpy(&bits, &d, sizeof bits);
      return mix_hash(bits ^ 4);
    }
    case value_t::string: return mix_hash(hash_text(string_of(v)) ^ 5);
    case value_t::array: {
      std::uint64_t h = 6;
      for (const auto& item : elements_of(v)) h = mix_hash(h * 31 + json_hash(item));
      return h;
    }
    case value_t::object: {
      std::uint64_t h = 7;
      for (const auto& [key, value] : members_of(v)) h += mix_hash(hash_text(key) * 0x9e3779b97f4a7c15ull + json_hash(value));
      return mix_hash(h);
    }
    default: return 0;
  }
}

}  // namespace invitekit::detail
