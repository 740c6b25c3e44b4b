# nlohmann/json, the core's JSON type, from Debian's nlohmann-json3-dev (header-only).
# Natively its CMake package is found as usual. Under Emscripten, find_package looks only inside
# the Emscripten sysroot, and em++ must not be given /usr/include (glibc's headers clash with
# Emscripten's): the target then points at a folder of the build tree that holds only nlohmann/.
if(NOT EMSCRIPTEN)
  find_package(nlohmann_json 3.11 REQUIRED)
  return()
endif()

find_path(INVITEKIT_NLOHMANN_PARENT nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(nlohmann_only ${CMAKE_BINARY_DIR}/nlohmann_include)
file(MAKE_DIRECTORY ${nlohmann_only})
file(CREATE_LINK ${INVITEKIT_NLOHMANN_PARENT}/nlohmann ${nlohmann_only}/nlohmann SYMBOLIC)
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${nlohmann_only})
