/*
 * Internal interface of libwasmedge.so.0 (the ws stand-in) for the Node bridge
 * addon. Plug-ins never include this file: they see only the opaque contexts
 * of <wasmedge/wasmedge.h>.
 *
 * The hot path (a guest calling a host function) reads the structs below
 * directly, without a function call per field. Everything else goes through
 * the ws_host_* functions, exported in the symbol version node WS_HOST_1.
 */
#ifndef WS_HOST_H
#define WS_HOST_H

#include "wasmedge/wasmedge.h"
#include "wasmedge/ws_extensions.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Contexts whose layout the addon reads ------------------------------- */

struct WasmEdge_FunctionTypeContext {
  uint32_t ParamCount;
  uint32_t ResultCount;
  WasmEdge_ValType *Params;  /* owned, ParamCount entries (NULL if 0) */
  WasmEdge_ValType *Results; /* owned, ResultCount entries (NULL if 0) */
};

/* How a function instance is invoked. */
enum ws_function_kind {
  WS_FUNCTION_HOST = 0,     /* WasmEdge_FunctionInstanceCreate: HostFunc(Data, ...) */
  WS_FUNCTION_BINDING = 1,  /* ...CreateBinding: WrapFunc(Binding, Data, ...) */
  WS_FUNCTION_EMBEDDER = 2  /* a guest export seen by plug-ins: EmbedderCall(...) */
};

/* Calls a function of the embedder (a guest's exported Wasm function). */
typedef WasmEdge_Result (*ws_embedder_call_t)(void *EmbedderData,
                                              const WasmEdge_Value *Params, uint32_t ParamLen,
                                              WasmEdge_Value *Returns, uint32_t ReturnLen);

struct WasmEdge_FunctionInstanceContext {
  struct WasmEdge_FunctionTypeContext Type; /* owned copy */
  enum ws_function_kind Kind;
  WasmEdge_HostFunc_t HostFunc;
  WasmEdge_WrapFunc_t WrapFunc;
  void *Binding;
  void *Data;
  uint64_t Cost;
  ws_embedder_call_t EmbedderCall;
  void *EmbedderData;
  /* The module that owns this instance once added; NULL while free-standing. */
  WasmEdge_ModuleInstanceContext *Owner;
};

/* Hooks through which a memory instance reaches memory owned by the embedder
 * (a WebAssembly.Memory). Both run on the thread that runs the guest. */
typedef struct ws_memory_hooks {
  /* Re-reads the current base address and byte size. Returns 0 on success. */
  int (*Refresh)(void *EmbedderData, uint8_t **Base, uint64_t *Size);
  /* Grows by Pages pages of 64 KiB. Returns 0 on success, non-zero if the
   * memory cannot grow (maximum reached or allocation failed). */
  int (*Grow)(void *EmbedderData, uint64_t Pages);
} ws_memory_hooks;

struct WasmEdge_MemoryInstanceContext {
  uint8_t *Base;     /* current data pointer (may be NULL when Size is 0) */
  uint64_t Size;     /* current size in bytes */
  uint64_t MaxPages; /* maximum pages (memories owned by the stand-in) */
  const ws_memory_hooks *Hooks; /* NULL: memory owned by the stand-in */
  void *EmbedderData;
  WasmEdge_MemoryTypeContext *Type; /* owned */
  WasmEdge_ModuleInstanceContext *Owner;
  /* Embedder memories: Base and Size are re-read through Hooks->Refresh
   * before the next access (GetPointer, GetData, SetData, GetPageSize, ...)
   * once *Epoch differs from RefreshedAt, so at most once per host call and
   * only when the plug-in touches memory. The embedder points Epoch at a
   * counter it bumps whenever the memory may have changed: at each host call
   * from the guest, after guest code ran re-entrantly, after a growth. NULL:
   * re-read before every access. */
  const uint64_t *Epoch;
  uint64_t RefreshedAt;
};

struct WasmEdge_CallingFrameContext {
  /* The guest module instance that called the host function (NULL if none). */
  const WasmEdge_ModuleInstanceContext *Module;
  /* Memory 0 of that module (NULL if it has none). */
  WasmEdge_MemoryInstanceContext *Memory0;
  WasmEdge_ExecutorContext *Executor;
};

/* ---- Plug-in loading with diagnostics ------------------------------------ */

enum ws_load_status {
  WS_LOAD_OK = 0,
  WS_LOAD_ALREADY_LOADED = 1,        /* same path loaded before: nothing done */
  WS_LOAD_NOT_FOUND = 2,             /* path does not exist or is unreadable */
  WS_LOAD_NOT_SHARED_LIBRARY = 3,    /* not an ELF shared object for this machine */
  WS_LOAD_DLOPEN_FAILED = 4,         /* dlopen error, e.g. a missing dependency */
  WS_LOAD_NO_DESCRIPTOR = 5,         /* no WasmEdge_Plugin_GetDescriptor symbol */
  WS_LOAD_CXX_PLUGIN = 6,            /* a WasmEdge C++ plug-in: not loadable outside WasmEdge */
  WS_LOAD_NULL_DESCRIPTOR = 7,       /* GetDescriptor returned NULL */
  WS_LOAD_API_VERSION = 8,           /* unsupported plug-in API version */
  WS_LOAD_DUPLICATE_NAME = 9,        /* a plug-in with the same name is loaded */
  WS_LOAD_BAD_DESCRIPTOR = 10,       /* descriptor fields invalid (NULL name, ...) */
  WS_LOAD_UNKNOWN_SYMBOL_VERSION = 11, /* needs a libwasmedge symbol version we lack */
  WS_LOAD_TRUNCATED = 12,             /* an ELF file cut short: a segment or header table past its end */
  WS_LOAD_NOT_A_FILE = 13             /* a folder, FIFO, socket or device, not a regular file */
};

typedef struct ws_load_result {
  enum ws_load_status Status;
  uint32_t APIVersion;             /* declared by the descriptor, when read */
  const WasmEdge_PluginContext *Plugin; /* the registered (or already present) plug-in */
  char PluginName[256];            /* when read from the descriptor */
  char Message[1024];              /* human-readable detail, empty on success */
} ws_load_result;

/* Loads one file. Never aborts; fills *Out and returns Out->Status. */
WASMEDGE_CAPI_EXPORT enum ws_load_status ws_host_plugin_load_file(const char *Path, ws_load_result *Out);

/* Called once per candidate file by ws_host_plugin_load_path. */
typedef void (*ws_load_callback)(void *User, const char *Path, const ws_load_result *Result);

/* Loads a file or, recursively, every "*.so" file of a directory (entries in
 * byte order of their names; symlinked files followed, symlinked directories
 * not), like WasmEdge_PluginLoadFromPath. Reports each candidate to Callback
 * (may be NULL: failures are then logged). Returns the number of plug-ins
 * newly registered. A path that does not exist is ignored (returns 0). */
WASMEDGE_CAPI_EXPORT uint32_t ws_host_plugin_load_path(const char *Path, ws_load_callback Callback, void *User);

/* The directories WasmEdge_PluginLoadWithDefaultPaths scans, in order, each
 * followed by '\n', written NUL-terminated into Buf (truncated to Len - 1).
 * Returns the full length without the NUL. */
WASMEDGE_CAPI_EXPORT size_t ws_host_plugin_default_paths(char *Buf, size_t Len);

/* The current plug-in API version (5). The loader also accepts 3 and 4
 * (WasmEdge 0.14.0-0.16), whose C plug-in ABI it honours. */
WASMEDGE_CAPI_EXPORT uint32_t ws_host_supported_api_version(void);

WASMEDGE_CAPI_EXPORT const WasmEdge_PluginDescriptor *ws_host_plugin_descriptor(const WasmEdge_PluginContext *Plugin);
WASMEDGE_CAPI_EXPORT const char *ws_host_plugin_path(const WasmEdge_PluginContext *Plugin);

/* Sets a program option of a plug-in. Value NULL means "flag given without a
 * value" (the option's DefaultValue is used, as WasmEdge's CLI does; toggles
 * become true). A StringList option appends. Returns 0 on success, or writes a
 * message into Err and returns non-zero (unknown option, value out of range). */
WASMEDGE_CAPI_EXPORT int ws_host_plugin_set_option(const WasmEdge_PluginContext *Plugin,
                                                   const char *Name, const char *Value,
                                                   char *Err, size_t ErrLen);

/* Restores every option storage of the plug-in to what it held when loaded. */
WASMEDGE_CAPI_EXPORT void ws_host_plugin_reset_options(const WasmEdge_PluginContext *Plugin);

/* Creates a module of a plug-in by descriptor name, with the current plug-in
 * recorded so that failures can name it. NULL if unknown or Create failed. */
WASMEDGE_CAPI_EXPORT WasmEdge_ModuleInstanceContext *ws_host_plugin_create_module(const WasmEdge_PluginContext *Plugin,
                                                                               const char *ModuleName);

/* Creates a module with its own options, atomically: under the plug-in's
 * lock, resets every option to its load-time value, sets Names[i] = Values[i]
 * (as ws_host_plugin_set_option; Values[i] NULL is the flag without a value),
 * runs the module's Create, and resets the options again, so no other thread
 * sees or changes them in between and no later module inherits them.
 * ModuleName NULL only checks the options. Returns 0 with *Out set (NULL if
 * the module is unknown or Create failed), or non-zero with a message in Err
 * when an option is refused (Create is then not run). */
WASMEDGE_CAPI_EXPORT int ws_host_plugin_create_module_with_options(const WasmEdge_PluginContext *Plugin,
                                                                   const char *ModuleName,
                                                                   const char *const *Names,
                                                                   const char *const *Values, uint32_t Count,
                                                                   WasmEdge_ModuleInstanceContext **Out,
                                                                   char *Err, size_t ErrLen);

/* ---- Guest-side objects built by the embedder ---------------------------- */

WASMEDGE_CAPI_EXPORT WasmEdge_FunctionInstanceContext *ws_host_function_create_embedder(
    const WasmEdge_FunctionTypeContext *Type, ws_embedder_call_t Call, void *EmbedderData);

WASMEDGE_CAPI_EXPORT WasmEdge_MemoryInstanceContext *ws_host_memory_create_embedder(
    const ws_memory_hooks *Hooks, void *EmbedderData);

/* Re-reads base and size through the hooks (no-op for stand-in memories). */
WASMEDGE_CAPI_EXPORT int ws_host_memory_refresh(WasmEdge_MemoryInstanceContext *Memory);

/* Executor used for re-entrant calls; one per process. */
WASMEDGE_CAPI_EXPORT WasmEdge_ExecutorContext *ws_host_executor(void);

/* Calls any function instance (host, binding or embedder) with a frame. */
WASMEDGE_CAPI_EXPORT WasmEdge_Result ws_host_function_invoke(const WasmEdge_FunctionInstanceContext *Func,
                                                             const WasmEdge_CallingFrameContext *Frame,
                                                             const WasmEdge_Value *Params, WasmEdge_Value *Returns);

/* Points this thread's ws_interrupt_requested() at Flag (read atomically; NULL:
 * never interrupted) and returns the previous pointer, to be restored when the
 * limited call ends. Set by the time limit's watchdog (ws_bridge_v8). */
WASMEDGE_CAPI_EXPORT const int *ws_host_set_interrupt_flag(const int *Flag);

#ifdef __cplusplus
}
#endif

#endif /* WS_HOST_H */
