#ifndef WS_LOAD_FIXTURES_H
#define WS_LOAD_FIXTURES_H

#include <ws_host.h>

const char *load_status_name(enum ws_load_status Status);

/* The stand-in's loader entry points, looked up with dlsym at start-up so
 * this program links (and reports clearly) even against a stand-in that does
 * not implement them yet. */
typedef struct HostLoader {
  enum ws_load_status (*LoadFile)(const char *Path, ws_load_result *Out);
  int (*SetOption)(const WasmEdge_PluginContext *Plugin, const char *Name, const char *Value,
                   char *Err, size_t ErrLen);
  void (*ResetOptions)(const WasmEdge_PluginContext *Plugin);
  WasmEdge_ModuleInstanceContext *(*CreateModule)(const WasmEdge_PluginContext *Plugin,
                                                  const char *ModuleName);
  uint32_t (*ListPluginsLength)(void);
  uint32_t (*ListModule)(const WasmEdge_PluginContext *Plugin, WasmEdge_String *Names, const uint32_t Len);
} HostLoader;

extern HostLoader Host;

/* Calls every ws_fixture function through the stand-in with a stand-in
 * memory, prints one line per call. Returns the process exit code. */
int exercise_fixture(const char *Path);

#endif
