# ws_add_nn_backend(<name> SOURCES ... [DEFINITIONS ...] [LIBRARIES ...] [INCLUDES ...])
# Builds libws_wasi_nn_<name>.so into native/build/wasi-nn-backends/, next to
# the TFLite backend and outside the directory scanned for plug-ins. Each
# backend links only libdl: it dlopens its runtime library by path, so the
# wasi_nn plug-in never depends on any ML runtime.
function(ws_add_nn_backend name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEFINITIONS;LIBRARIES;INCLUDES" ${ARGN})
  set(target ws_wasi_nn_${name})
  add_library(${target} MODULE ${ARG_SOURCES}
    ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/library_search.c ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/probe.c)
  target_compile_definitions(${target} PRIVATE ${ARG_DEFINITIONS})
  # WS_INCLUDE_DIR for ws_extensions.h only (probe.c reads the host's log level):
  # a backend links nothing of WasmEdge.
  target_include_directories(${target} PRIVATE ${WS_INCLUDE_DIR} ${ARG_INCLUDES})
  target_link_libraries(${target} PRIVATE dl ${ARG_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  set_target_properties(${target} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/wasi-nn-backends
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
    PREFIX "lib" SUFFIX ".so")
  # The plug-in finds its backends at run time; building it builds them.
  add_dependencies(wasmedgePluginWasiNN ${target})
endfunction()
