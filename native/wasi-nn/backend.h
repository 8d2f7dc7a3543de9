/*
 * The internal interface between the wasi_nn plug-in (generic layer: guest
 * memory, handles, checks) and one backend library (libws_wasi_nn_<name>.so).
 *
 * A backend library exports one symbol, ws_wasi_nn_backend(), returning a
 * static table of functions. It never sees guest pointers that were not
 * bounds-checked by the generic layer, and never exports
 * WasmEdge_Plugin_GetDescriptor (it is not a plug-in).
 *
 * Lifetimes (load -> graph -> context): the generic layer reference-counts
 * graphs, so Graph outlives every Context created from it; the backend frees
 * a graph only in GraphRelease and a context only in ContextRelease.
 * Every function returns an enum ws_nn_errno value.
 */
#ifndef WS_WASI_NN_BACKEND_H
#define WS_WASI_NN_BACKEND_H

#include "nn_types.h"

#include <stddef.h>
#include <stdint.h>

#define WS_NN_BACKEND_ABI_VERSION 2
#define WS_NN_BACKEND_SYMBOL "ws_wasi_nn_backend"

typedef struct ws_nn_bytes {
  const uint8_t *Data;
  uint32_t Length;
} ws_nn_bytes;

/* Host-side settings the backend may use. */
typedef struct ws_nn_backend_settings {
  uint32_t Threads;          /* >= 1: the generic layer resolves 0 to the core count */
  const char *LibraryPath;   /* Open only: the runtime library the host names (option
                                nn-<stem>-library), NULL when the backend must search */
  int32_t LogLevel;          /* the host's log level when Open / Load is called: an enum
                                WasmEdge_LogLevel (0 trace .. 5 critical) or 6 (off,
                                WS_LogLevel_Off); the backend's runtime prints only what
                                is at least this severe (default 3, warning) */
} ws_nn_backend_settings;

/* The default of ws_nn_backend_settings.LogLevel: WasmEdge_LogLevel_Warn. */
#define WS_NN_LOG_LEVEL_DEFAULT 3

/* A tensor described by the guest, already bounds-checked. */
typedef struct ws_nn_tensor {
  const uint32_t *Dims;      /* may be unaligned in guest memory: read with memcpy */
  uint32_t DimCount;
  uint32_t TypeCandidates;   /* WS_NN_TYPE_BIT(ws_nn_tensor_type) of every reading of the tag */
  const uint8_t *Data;
  uint32_t DataLength;
} ws_nn_tensor;

typedef struct ws_nn_backend {
  uint32_t AbiVersion;       /* WS_NN_BACKEND_ABI_VERSION */
  const char *Name;          /* e.g. "TensorflowLite" */

  /* Prepares the backend (e.g. loads its native library). Returns 0 on
   * success; otherwise writes a sentence for people into Err. Called once. */
  int (*Open)(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen);

  /* Builders are borrowed for the call: the backend copies what it keeps. */
  uint32_t (*Load)(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                   const ws_nn_backend_settings *Settings, void **GraphOut);
  void (*GraphRelease)(void *Graph);

  uint32_t (*InitContext)(void *Graph, void **ContextOut);
  void (*ContextRelease)(void *Context);

  uint32_t (*SetInput)(void *Context, uint32_t Index, const ws_nn_tensor *Tensor);
  uint32_t (*Compute)(void *Context);
  /* Copies output Index into Buffer. *Written receives the output's byte size
   * even when the call returns WS_NN_TOO_LARGE (then nothing is copied). */
  uint32_t (*GetOutput)(void *Context, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                        uint32_t *Written);

  /* Token streaming (compute_single, get_output_single, fini_single): only
   * LLM backends (GGML) set these; NULL makes the calls InvalidArgument, as
   * WasmEdge answers for every other backend. */
  uint32_t (*ComputeSingle)(void *Context);
  uint32_t (*GetOutputSingle)(void *Context, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                              uint32_t *Written);
  uint32_t (*FiniSingle)(void *Context);
} ws_nn_backend;

typedef const ws_nn_backend *(*ws_nn_backend_entry_t)(void);

#endif /* WS_WASI_NN_BACKEND_H */
