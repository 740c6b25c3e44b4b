# invitekit_fast_paths(OUTPUT <file.cpp> LOOKUP <function> INPUTS <description.json>...)
# Adds the build step that runs scripts/gen_fast_paths.py: the descriptions' schemas as code
# that reads a body's JSON text (src/detail/fast_path.h), looked up by <function>. The core
# uses it for src/endpoints/; the tests for made-up schemas of their own.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(invitekit_fast_paths)
  cmake_parse_arguments(ARG "" "OUTPUT;LOOKUP" "INPUTS" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/gen_fast_paths.py
            --lookup ${ARG_LOOKUP} ${ARG_OUTPUT} ${ARG_INPUTS}
    DEPENDS ${ARG_INPUTS} ${PROJECT_SOURCE_DIR}/scripts/gen_fast_paths.py
    COMMENT "Generating fast paths: ${ARG_LOOKUP}"
    VERBATIM)
endfunction()
