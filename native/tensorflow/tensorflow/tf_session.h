/*
 * Sessions of one wasmedge_tensorflow module instance: a TF graph, its
 * session, and the inputs and outputs the guest registered, keyed by the
 * exact name string it gave ("op" or "op:index"). Shared by the current and
 * the legacy host functions.
 */
#ifndef WS_TF_SESSION_H
#define WS_TF_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/id_table.h"
#include "../common/session_backend.h"
#include "tf_api.h"

/* Inputs or outputs in parallel arrays, as TF_SessionRun takes them. */
typedef struct ws_tf_ports {
  char **Keys;
  TF_Output *Ports;
  TF_Tensor **Tensors; /* inputs: owned; outputs: owned, NULL until a successful run */
  uint32_t Count, Capacity;
} ws_tf_ports;

typedef struct ws_tf_session {
  TF_Graph *Graph;
  TF_Session *Session;
  TF_Status *Status;
  ws_tf_ports Inputs, Outputs;
} ws_tf_session;

typedef struct ws_tf_env {
  ws_session_env Base;   /* first: the shared host functions' view */
  ws_id_table Sessions;
  char *LibraryPath;     /* `tensorflow-library` option, or NULL */
  const ws_tf_api *Api;  /* cached after the first successful load */
} ws_tf_env;

const ws_tf_api *ws_tf_env_api(ws_tf_env *Env);
void ws_tf_env_delete(void *Env);
ws_tf_session *ws_tf_session_get(ws_tf_env *Env, uint32_t Id);

/* Session from a frozen GraphDef (binary protobuf). Returns an errno. */
uint32_t ws_tf_session_create(ws_tf_env *Env, const uint8_t *GraphDef, uint32_t Length, uint32_t *IdOut);
/* Session from a SavedModel directory on the host. Returns an errno. */
uint32_t ws_tf_session_create_saved_model(ws_tf_env *Env, const char *Path, const char *const *Tags, int TagCount,
                                          uint32_t *IdOut);
void ws_tf_session_delete(ws_tf_env *Env, uint32_t Id);

/* Adds or replaces the input Key ("op" or "op:index") with a tensor of
 * DataType and Dims holding a copy of Data. Returns an errno. */
uint32_t ws_tf_set_input(const ws_tf_api *Api, ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength,
                         const int64_t *Dims, uint32_t DimCount, uint32_t DataType, const uint8_t *Data, uint32_t DataLength);
/* Registers output Key unless already registered. Returns an errno. */
uint32_t ws_tf_add_output(const ws_tf_api *Api, ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength);
void ws_tf_clear_inputs(const ws_tf_api *Api, ws_tf_session *Session);
void ws_tf_clear_outputs(const ws_tf_api *Api, ws_tf_session *Session);
uint32_t ws_tf_run(const ws_tf_api *Api, ws_tf_session *Session);
/* Index of the output registered with exactly Key, or -1. */
int32_t ws_tf_find_output(const ws_tf_session *Session, const uint8_t *Key, uint32_t KeyLength);

#endif /* WS_TF_SESSION_H */
