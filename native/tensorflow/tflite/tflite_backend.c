/* TFLite interpreter sessions (tflite_session.c) as a ws_session_backend. */
#include "tflite_backend.h"

static const void *library(void *Env) { return ws_tflite_env_library(Env); }

static void *session_get(void *Env, uint32_t Id) { return ws_tflite_session_get(Env, Id); }

static uint32_t session_create(void *Env, const uint8_t *Model, uint32_t Length, uint32_t *IdOut) {
  return ws_tflite_session_create(Env, Model, Length, IdOut);
}

static void session_delete(void *Env, uint32_t Id) { ws_tflite_session_delete(Env, Id); }

static uint32_t run(const void *Lib, void *Session) { return ws_tflite_run(Lib, Session); }

static int32_t find_output(const void *Lib, const void *Session, const uint8_t *Name, uint32_t Length) {
  return ws_tflite_find_output(Lib, Session, Name, Length);
}

static bool output_size(const void *Data, const void *Session, uint32_t Index, size_t *Size) {
  const ws_tflite *Lib = Data;
  const TfLiteTensor *Tensor = ws_tflite_output(Lib, Session, Index);
  if (Tensor == NULL) return false;
  *Size = Lib->Api.TensorByteSize(Tensor);
  return true;
}

/* Before a successful run an output's bytes are the interpreter's
 * uninitialised arena, which can hold freed host memory (e.g. another
 * session's results): not readable. */
static bool output_bytes(const void *Data, const void *Session, uint32_t Index, const void **Bytes, size_t *Size) {
  const ws_tflite *Lib = Data;
  if (!((const ws_tflite_session *)Session)->Ran) return false;
  const TfLiteTensor *Tensor = ws_tflite_output(Lib, Session, Index);
  if (Tensor == NULL) return false;
  *Size = Lib->Api.TensorByteSize(Tensor);
  *Bytes = Lib->Api.TensorData(Tensor);
  return true;
}

const ws_session_backend ws_tflite_backend = {
    .Library = library,
    .SessionGet = session_get,
    .SessionCreate = session_create,
    .SessionDelete = session_delete,
    .Run = run,
    .FindOutput = find_output,
    .OutputSize = output_size,
    .OutputBytes = output_bytes,
};
