// The Embind types this module registers: the integers its bound functions take and return.
//
// Embind's own bind.cpp (Emscripten 3.1.6) registers every builtin type at startup from
// __embind_register_native_and_builtin_types: std::string, std::wstring, std::u16string,
// std::u32string, emscripten::val, 18 memory views, bool, floats and 64-bit integers. Each
// registration is an import of its JS half, so all of that JS (UTF-16/32 codecs, the val
// handle table, typed-array views) ships whether used or not: about 2 KB of the npm package's
// gzip size, which has a 60 KB budget. bindings.cpp passes only integers (strings go through
// the input buffer as bytes), so the link takes Embind's JS libraries without libembind.a
// (wasm/CMakeLists.txt), this file defines the two symbols bind.cpp would, and Emscripten's JS
// dead-code pass drops the rest.
//
// A binding that uses another type fails loudly, never quietly: Embind throws "unbound types"
// when that function is called, and tests/npm calls every bound function. To add a type,
// register it here as bind.cpp does, under bind.cpp's name (Embind reads unsignedness from the
// word "unsigned" in it). A type that lives in the heap (std::string, memory views) also needs
// _malloc exported (-sEXPORTED_FUNCTIONS): -lembind exported it (emcc's EMBIND setting), and
// nothing here does, so such a binding would throw "_malloc is not defined".
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <typeinfo>

namespace {

template <typename T>
void register_integer(const char* name) {
  using namespace emscripten::internal;
  _embind_register_integer(TypeID<T>::get(), name, sizeof(T), std::numeric_limits<T>::min(),
                           std::numeric_limits<T>::max());
}

}  // namespace

extern "C" {

// A constructor, as bind.cpp's (Embind waits for a function's types, so the order of
// constructors does not matter). Not exported: only pthreads call it from JS.
__attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  emscripten::internal::_embind_register_void(emscripten::internal::TypeID<void>::get(), "void");
  register_integer<int>("int");
  register_integer<unsigned int>("unsigned int");
  register_integer<unsigned long>("unsigned long");  // std::uintptr_t and std::size_t
}

// The name Embind shows for a type nobody registered (in its "unbound types" error); the JS side
// frees it. Without RTTI (EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0) bind.cpp's shows the type's
// address through sprintf, which pulls in musl's printf (~3 KB of .wasm).
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const std::type_info*) {
  return strdup("a type wasm/embind_types.cpp does not register");
}

}  // extern "C"
