/*
 * load_fixtures: drives the stand-in's plug-in loader from C (no Node), so the
 * loader is tested below the TypeScript layer.
 *
 *   load_fixtures load <file>...     loads each file in order and prints
 *       <file name>: <STATUS> plugin=<name> api=<n> message=<text>
 *     and for each loaded plug-in "  module <descriptor> -> <instance> (<n> functions)"
 *     for every module it creates (then deletes). Ends with "survived".
 *   load_fixtures exercise <libws_fixture.so>
 *     calls every ws_fixture host function (see exercise_fixture.c).
 *
 * Used by test/loader/fixtures-c.test.ts.
 */
#include "load_fixtures.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

HostLoader Host;

const char *load_status_name(enum ws_load_status Status) {
  switch (Status) {
  case WS_LOAD_OK: return "OK";
  case WS_LOAD_ALREADY_LOADED: return "ALREADY_LOADED";
  case WS_LOAD_NOT_FOUND: return "NOT_FOUND";
  case WS_LOAD_NOT_SHARED_LIBRARY: return "NOT_SHARED_LIBRARY";
  case WS_LOAD_DLOPEN_FAILED: return "DLOPEN_FAILED";
  case WS_LOAD_NO_DESCRIPTOR: return "NO_DESCRIPTOR";
  case WS_LOAD_CXX_PLUGIN: return "CXX_PLUGIN";
  case WS_LOAD_NULL_DESCRIPTOR: return "NULL_DESCRIPTOR";
  case WS_LOAD_API_VERSION: return "API_VERSION";
  case WS_LOAD_DUPLICATE_NAME: return "DUPLICATE_NAME";
  case WS_LOAD_BAD_DESCRIPTOR: return "BAD_DESCRIPTOR";
  case WS_LOAD_UNKNOWN_SYMBOL_VERSION: return "UNKNOWN_SYMBOL_VERSION";
  case WS_LOAD_TRUNCATED: return "TRUNCATED";
  case WS_LOAD_NOT_A_FILE: return "NOT_A_FILE";
  }
  return "UNKNOWN_STATUS";
}

static const char *base_name(const char *Path) {
  const char *Slash = strrchr(Path, '/');
  return Slash != NULL ? Slash + 1 : Path;
}

static void print_modules(const WasmEdge_PluginContext *Plugin) {
  WasmEdge_String Names[16];
  uint32_t Count = Host.ListModule(Plugin, Names, 16);
  for (uint32_t I = 0; I < Count && I < 16; ++I) {
    char Name[256];
    WasmEdge_StringCopy(Names[I], Name, sizeof(Name));
    WasmEdge_ModuleInstanceContext *Module = Host.CreateModule(Plugin, Name);
    if (Module == NULL) {
      printf("  module %s -> (create failed)\n", Name);
      continue;
    }
    WasmEdge_String Instance = WasmEdge_ModuleInstanceGetModuleName(Module);
    printf("  module %s -> %.*s (%u functions)\n", Name, (int)Instance.Length, Instance.Buf,
           WasmEdge_ModuleInstanceListFunctionLength(Module));
    WasmEdge_ModuleInstanceDelete(Module);
  }
}

static int load_files(int Count, char **Paths) {
  for (int I = 0; I < Count; ++I) {
    ws_load_result Result;
    memset(&Result, 0, sizeof(Result));
    enum ws_load_status Status = Host.LoadFile(Paths[I], &Result);
    printf("%s: %s plugin=%s api=%u message=%s\n", base_name(Paths[I]), load_status_name(Status),
           Result.PluginName[0] != '\0' ? Result.PluginName : "-", Result.APIVersion, Result.Message);
    if (Status == WS_LOAD_OK) print_modules(Result.Plugin);
    fflush(stdout);
  }
  printf("plugins loaded: %u\n", Host.ListPluginsLength());
  printf("survived\n");
  return 0;
}

/* Resolves the loader entry points from the already-linked stand-in. */
static int resolve_host_loader(void) {
  struct {
    void **Slot;
    const char *Name;
  } Entries[] = {{(void **)&Host.LoadFile, "ws_host_plugin_load_file"},
                 {(void **)&Host.SetOption, "ws_host_plugin_set_option"},
                 {(void **)&Host.ResetOptions, "ws_host_plugin_reset_options"},
                 {(void **)&Host.CreateModule, "ws_host_plugin_create_module"},
                 {(void **)&Host.ListPluginsLength, "WasmEdge_PluginListPluginsLength"},
                 {(void **)&Host.ListModule, "WasmEdge_PluginListModule"}};
  for (size_t I = 0; I < sizeof(Entries) / sizeof(Entries[0]); ++I) {
    *Entries[I].Slot = dlsym(RTLD_DEFAULT, Entries[I].Name);
    if (*Entries[I].Slot == NULL) {
      fprintf(stderr, "load_fixtures: libwasmedge.so.0 does not export %s; rebuild native/ with the plug-in loader\n",
              Entries[I].Name);
      return 0;
    }
  }
  return 1;
}

int main(int Argc, char **Argv) {
  if (!resolve_host_loader()) return 3;
  if (Argc >= 3 && strcmp(Argv[1], "load") == 0) return load_files(Argc - 2, Argv + 2);
  if (Argc == 3 && strcmp(Argv[1], "exercise") == 0) return exercise_fixture(Argv[2]);
  fprintf(stderr, "usage: load_fixtures load <plugin.so>... | load_fixtures exercise <libws_fixture.so>\n");
  return 2;
}
