/*
 * State of one wasi_ephemeral_nn module instance: its graph and context
 * tables, the named-model cache and the preloads read when it was created.
 * WasmEdge gives every module instance its own environment; so do we.
 */
#ifndef WS_WASI_NN_ENV_H
#define WS_WASI_NN_ENV_H

#include "backend.h"
#include "backend_registry.h"
#include "handle_table.h"
#include "preload.h"

#include <wasmedge/wasmedge.h>

typedef enum ws_nn_graph_status { WS_NN_GRAPH_READY = 0, WS_NN_GRAPH_DETACHED = 2 } ws_nn_graph_status;

/* A loaded graph. Owned jointly by the graph table (until unload) and by every
 * context created from it: freed when the last reference goes. */
typedef struct ws_nn_graph {
  const ws_nn_backend *Backend;
  void *BackendGraph;
  uint32_t Encoding;
  uint32_t References;
  ws_nn_graph_status Status;
} ws_nn_graph;

typedef struct ws_nn_context {
  ws_nn_graph *Graph;   /* one reference */
  void *BackendContext;
} ws_nn_context;

/* load_by_name cache: preload name -> live graph id. */
typedef struct ws_nn_named_graph {
  const ws_nn_preload *Preload;
  uint32_t GraphId;
  int Live;
} ws_nn_named_graph;

typedef struct ws_nn_env {
  ws_nn_table Graphs;
  ws_nn_table Contexts;
  ws_nn_preload_list Preloads;
  ws_nn_named_graph *Named;   /* one slot per preload entry */
  ws_nn_backend_settings Settings;
  ws_nn_backend_location Locations[WS_NN_ENCODING_COUNT];  /* owned strings, per encoding */
} ws_nn_env;

/* Creates the environment from the plug-in's option values. NULL (after a
 * message naming the problem on stderr) if a preload is unusable. */
ws_nn_env *ws_nn_env_create(void);
void ws_nn_env_destroy(void *Env);

void ws_nn_graph_release(ws_nn_graph *Graph);

/* Adds the 12 host functions to Module. False if any could not be added. */
bool ws_nn_add_functions(WasmEdge_ModuleInstanceContext *Module, ws_nn_env *Env);

#endif /* WS_WASI_NN_ENV_H */
