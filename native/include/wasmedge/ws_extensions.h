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
 *
 * WasmEdge's time limit stops a guest between instructions only: a host
 * function blocked in a plug-in (a spawned command, a long computation) runs
 * to its end. ws adds ws_interrupt_requested() so that a plug-in can end such
 * a call early when the guest's time limit has fired
 * (ws_current_interrupt_requested() below, found at run time like the log
 * level).
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

/* Nonzero once the time limit of the guest calling into the plug-in on this
 * thread has fired (RuntimeOptions.timeLimitMs, `ws run --time-limit`): the
 * guest is being stopped, and a host function that waits or loops should end
 * soon (kill what it started, free what it holds) and return an error; its
 * result is not used. 0 when no limit is set or it has not fired. Per thread:
 * call it on the thread the host function was called on. Only the ws host
 * exports it (symbol version WS_EXT_2): call it through
 * ws_current_interrupt_requested(). */
WASMEDGE_CAPI_EXPORT extern int ws_interrupt_requested(void);

#if !defined(_WIN32) && !defined(WASMEDGE_COMPILE_LIBRARY)
/* ws_interrupt_requested() of the host, or 0 in a host without it (WasmEdge):
 * looked up once per plug-in (the host library is never unloaded), then one
 * indirect call and an atomic load: cheap enough to call between tokens or
 * every few milliseconds of a wait loop. */
static inline int ws_current_interrupt_requested(void) {
  /* 0: not looked up yet; 1: looked up (Getter may be NULL). */
  static int LookedUp = 0;
  static int (*Getter)(void) = NULL;
  if (!__atomic_load_n(&LookedUp, __ATOMIC_ACQUIRE)) {
    int (*Found)(void) = NULL;
    void *Global = dlopen(NULL, RTLD_LAZY);
    if (Global != NULL) {
      *(void **)(&Found) = dlsym(Global, "ws_interrupt_requested");
      dlclose(Global);
    }
    Getter = Found;
    __atomic_store_n(&LookedUp, 1, __ATOMIC_RELEASE);
  }
  return Getter != NULL ? Getter() : 0;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* WS_WASMEDGE_EXTENSIONS_H */
