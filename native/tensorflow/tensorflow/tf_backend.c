/* libtensorflow sessions (tf_session.c) as a ws_session_backend. */
#include "tf_backend.h"

static const void *library(void *Env) { return ws_tf_env_api(Env); }

static void *session_get(void *Env, uint32_t Id) { return ws_tf_session_get(Env, Id); }

static uint32_t session_create(void *Env, const uint8_t *Model, uint32_t Length, uint32_t *IdOut) {
  return ws_tf_session_create(Env, Model, Length, IdOut);
}

static void session_delete(void *Env, uint32_t Id) { ws_tf_session_delete(Env, Id); }

static uint32_t run(const void *Api, void *Session) { return ws_tf_run(Api, Session); }

static int32_t find_output(const void *Api, const void *Session, const uint8_t *Name, uint32_t Length) {
  (void)Api;
  return ws_tf_find_output(Session, Name, Length);
}

/* A registered output has no tensor until a successful run: size 0. */
static bool output_size(const void *Lib, const void *Data, uint32_t Index, size_t *Size) {
  const ws_tf_api *Api = Lib;
  const ws_tf_session *Session = Data;
  if (Index >= Session->Outputs.Count) return false;
  const TF_Tensor *Tensor = Session->Outputs.Tensors[Index];
  *Size = Tensor != NULL ? Api->TensorByteSize(Tensor) : 0;
  return true;
}

static bool output_bytes(const void *Lib, const void *Data, uint32_t Index, const void **Bytes, size_t *Size) {
  const ws_tf_api *Api = Lib;
  const ws_tf_session *Session = Data;
  if (Index >= Session->Outputs.Count) return false;
  const TF_Tensor *Tensor = Session->Outputs.Tensors[Index];
  if (Tensor == NULL) return false; /* upstream: NULL dereference */
  *Size = Api->TensorByteSize(Tensor);
  *Bytes = Api->TensorData(Tensor);
  return true;
}

const ws_session_backend ws_tf_backend = {
    .Library = library,
    .SessionGet = session_get,
    .SessionCreate = session_create,
    .SessionDelete = session_delete,
    .Run = run,
    .FindOutput = find_output,
    .OutputSize = output_size,
    .OutputBytes = output_bytes,
};
