# CMake package config of @ws/plugin-sdk: build WasmEdge-compatible plug-ins.
#
#   find_package(WsPlugin REQUIRED CONFIG)   # with -DWsPlugin_DIR=$(node -p "require('@ws/plugin-sdk').cmakeDir")
#   ws_plugin(my_plugin SOURCES src/my_plugin.c)
#
# ws_plugin(<target> SOURCES <files...> [LIBRARIES <libs...>] [INCLUDES <dirs...>]
#           [OUTPUT_DIR <dir>] [OUTPUT_NAME <name>])
# builds a MODULE library lib<OUTPUT_NAME or target>.so (.dylib on macOS) that
#  - sees <wasmedge/wasmedge.h>, <wasmedge/ws_extensions.h> and the C++ wrapper
#    <wasmedge_plugin.hpp>;
#  - is compiled with -DWASMEDGE_PLUGIN and hidden visibility, so that only
#    WasmEdge_Plugin_GetDescriptor is exported;
#  - links against NO WasmEdge library: its WasmEdge_* symbols stay undefined
#    and have no DT_NEEDED entry. The host resolves them when it loads the
#    plug-in: ws loads its libwasmedge.so.0 with RTLD_GLOBAL first, and
#    WasmEdge's own tools have libwasmedge loaded already. A misspelt symbol is
#    therefore only reported at load time ("undefined symbol: ...").
cmake_minimum_required(VERSION 3.18)

get_filename_component(_ws_plugin_sdk_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(WsPlugin_INCLUDE_DIR "${_ws_plugin_sdk_dir}/include")
set(WsPlugin_CPP_INCLUDE_DIR "${_ws_plugin_sdk_dir}/cpp")
set(WsPlugin_INCLUDE_DIRS "${WsPlugin_INCLUDE_DIR};${WsPlugin_CPP_INCLUDE_DIR}")
set(WsPlugin_API_VERSION 5)

if(NOT EXISTS "${WsPlugin_INCLUDE_DIR}/wasmedge/wasmedge.h")
  set(WsPlugin_FOUND FALSE)
  set(WsPlugin_NOT_FOUND_MESSAGE
      "${WsPlugin_INCLUDE_DIR}/wasmedge/wasmedge.h is missing. In the ws repository run: pnpm --filter @ws/plugin-sdk build")
  return()
endif()

include(CheckLinkerFlag)

function(ws_plugin target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR;OUTPUT_NAME" "SOURCES;LIBRARIES;INCLUDES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "ws_plugin(${target}): give the plug-in's sources with SOURCES a.c b.c ...")
  endif()
  add_library(${target} MODULE ${ARG_SOURCES})
  target_include_directories(${target} PRIVATE ${WsPlugin_INCLUDE_DIRS} ${ARG_INCLUDES})
  target_compile_definitions(${target} PRIVATE WASMEDGE_PLUGIN)
  if(ARG_LIBRARIES)
    target_link_libraries(${target} PRIVATE ${ARG_LIBRARIES})
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    SUFFIX "${CMAKE_SHARED_LIBRARY_SUFFIX}"
    POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}")
  endif()
  if(ARG_OUTPUT_NAME)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME "${ARG_OUTPUT_NAME}")
  endif()
  if(APPLE)
    # Mach-O refuses undefined symbols unless told they are looked up at load time.
    target_link_options(${target} PRIVATE "LINKER:-undefined,dynamic_lookup")
  elseif(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    # Export only the entry point (C++ template instances of libstdc++ would
    # otherwise be exported too and could bind to another plug-in's copies).
    set(_ws_exports "${CMAKE_CURRENT_BINARY_DIR}/ws_plugin_exports.map")
    file(WRITE "${_ws_exports}" "{ global: WasmEdge_Plugin_GetDescriptor; local: *; };\n")
    target_link_options(${target} PRIVATE "LINKER:--version-script=${_ws_exports}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${_ws_exports}")
    # Undefined symbols are the default for ELF shared objects; -z undefs
    # keeps it so when the toolchain's LDFLAGS contain -z defs/--no-undefined.
    get_property(_ws_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
    if("C" IN_LIST _ws_languages)
      check_linker_flag(C "LINKER:-z,undefs" WS_PLUGIN_LINKER_HAS_Z_UNDEFS)
    else()
      check_linker_flag(CXX "LINKER:-z,undefs" WS_PLUGIN_LINKER_HAS_Z_UNDEFS)
    endif()
    if(WS_PLUGIN_LINKER_HAS_Z_UNDEFS)
      target_link_options(${target} PRIVATE "LINKER:-z,undefs")
    endif()
  elseif(WIN32)
    message(WARNING "ws_plugin(${target}): Windows DLLs cannot leave WasmEdge_* undefined; link an import library of wasmedge.dll with LIBRARIES. Untested by ws.")
  endif()
endfunction()
