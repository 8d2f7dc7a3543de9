/*
 * ws extensions to the WasmEdge C plug-in API.
 *
 * WasmEdge's C API has no list-valued program option: only C++ plug-ins can
 * declare options such as `--allow-command CMD` (repeatable). ws adds one
 * option type for C plug-ins. WasmEdge itself does not know this type and
 * ignores the option, so a plug-in that declares it still loads there.
 *
 * WasmEdge's C API sets a log level (WasmEdge_LogSetLevel) but gives no way
 * to read it. ws adds ws_log_level() so that plug-ins can keep their
 * backends (TensorFlow Lite, llama.cpp, ...) as quiet as the host. A plug-in
 * finds it at run time (ws_current_log_level() below), so it still loads in
 * WasmEdge, where the function does not exist.
 */
#ifndef WS_WASMEDGE_EXTENSIONS_H
#define WS_WASMEDGE_EXTENSIONS_H

#include "wasmedge/wasmedge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A repeatable string option: each `--name VALUE` appends one item.
 * `Storage` points to a WS_StringList that the host fills and owns. */
#define WS_ProgramOptionType_StringList ((enum WasmEdge_ProgramOptionType)0x100)

typedef struct WS_StringList {
  uint32_t Length;
  const WasmEdge_String *Items;
} WS_StringList;

/* The level after WasmEdge_LogOff: above every WasmEdge_LogLevel, nothing is
 * printed. ws_log_level() may return it. */
#define WS_LogLevel_Off ((enum WasmEdge_LogLevel)6)

/* The level of the host's log: messages of this level and above are shown.
 * Set by WasmEdge_LogSetLevel, WasmEdge_LogSetErrorLevel,
 * WasmEdge_LogSetDebugLevel and WasmEdge_LogOff (WS_LogLevel_Off); @ws/core
 * sets it from setLogLevel / `ws run --log-level` (default warning). Only the
 * ws host exports it: call it through ws_current_log_level(). */
WASMEDGE_CAPI_EXPORT extern enum WasmEdge_LogLevel ws_log_level(void);

/* The level a plug-in or backend should print at: ws_log_level() of the host
 * when it has one, else WasmEdge_LogLevel_Warn (ws's default: warnings and
 * errors, no chatter). Looked up each call in the global scope, where the
 * host's libwasmedge.so.0 is (loaded RTLD_GLOBAL before any plug-in); cheap
 * enough for load and create calls, not meant for a per-element loop. */
#if !defined(_WIN32) && !defined(WASMEDGE_COMPILE_LIBRARY)
#include <dlfcn.h>
static inline enum WasmEdge_LogLevel ws_current_log_level(void) {
  enum WasmEdge_LogLevel Level = WasmEdge_LogLevel_Warn;
  /* dlopen(NULL) is the global scope (POSIX), unlike RTLD_DEFAULT which needs
   * _GNU_SOURCE. */
  void *Global = dlopen(NULL, RTLD_LAZY);
  if (Global != NULL) {
    enum WasmEdge_LogLevel (*Getter)(void);
    *(void **)(&Getter) = dlsym(Global, "ws_log_level");
    if (Getter != NULL) Level = Getter();
    dlclose(Global);
  }
  return Level;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* WS_WASMEDGE_EXTENSIONS_H */
