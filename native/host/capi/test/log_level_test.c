/* The log level: WasmEdge's setters, and ws_log_level() that plug-ins read
 * through ws_current_log_level() (ws_extensions.h). */
#include "check.h"

#include <dlfcn.h>

#include "wasmedge/wasmedge.h"
#include "wasmedge/ws_extensions.h"

void test_log_level(void) {
  const enum WasmEdge_LogLevel Saved = ws_log_level();
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Trace);
  CHECK_EQ_I("log level: SetLevel(Trace)", ws_log_level(), WasmEdge_LogLevel_Trace);
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Critical);
  CHECK_EQ_I("log level: SetLevel(Critical)", ws_log_level(), WasmEdge_LogLevel_Critical);
  WasmEdge_LogSetLevel((enum WasmEdge_LogLevel)42);
  CHECK_EQ_I("log level: an unknown level is ignored", ws_log_level(), WasmEdge_LogLevel_Critical);
  WasmEdge_LogSetDebugLevel();
  CHECK_EQ_I("log level: SetDebugLevel", ws_log_level(), WasmEdge_LogLevel_Debug);
  WasmEdge_LogSetErrorLevel();
  CHECK_EQ_I("log level: SetErrorLevel", ws_log_level(), WasmEdge_LogLevel_Error);
  WasmEdge_LogOff();
  CHECK_EQ_I("log level: LogOff is WS_LogLevel_Off", ws_log_level(), WS_LogLevel_Off);
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Info);
  CHECK_EQ_I("log level: SetLevel after LogOff", ws_log_level(), WasmEdge_LogLevel_Info);

  /* What a plug-in sees: found in the global scope at run time. */
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Debug);
  CHECK_EQ_I("log level: ws_current_log_level() finds the host's level", ws_current_log_level(),
             WasmEdge_LogLevel_Debug);
  CHECK("log level: ws_log_level@WS_EXT_1", dlvsym(RTLD_DEFAULT, "ws_log_level", "WS_EXT_1") != NULL);

  WasmEdge_LogSetLevel(Saved);
}
