#include "tflite_session.h"

#include "tflite_model_check.h"

#include <stdlib.h>
#include <string.h>

#include "../common/errno.h"
#include "tflite_log_filter.h"

#include <wasmedge/ws_extensions.h>

const ws_tflite *ws_tflite_env_library(ws_tflite_env *Env) {
  if (Env->Library == NULL) Env->Library = ws_tflite_library(Env->LibraryPath);
  return Env->Library;
}

static void destroy_session(const ws_tflite *Lib, ws_tflite_session *Session) {
  if (Session->Interpreter != NULL) Lib->Api.InterpreterDelete(Session->Interpreter);
  free(Session->ModelBytes);
  free(Session);
}

uint32_t ws_tflite_session_create(ws_tflite_env *Env, const uint8_t *Model, uint32_t ModelLength, uint32_t *IdOut) {
  const ws_tflite *Lib = ws_tflite_env_library(Env);
  if (Lib == NULL) return WS_TF_INVALID_ARGUMENT;
  if (ModelLength == 0) return WS_TF_INVALID_ARGUMENT;
  if (ws_id_table_refuses(&Env->Sessions, "tensorflowlite", "tflite-max-sessions")) return WS_TF_BUSY;
  ws_tflite_session *Session = calloc(1, sizeof(*Session));
  if (Session == NULL) return WS_TF_BUSY;
  /* A private copy: upstream hands TFLite the guest's bytes, which the guest
   * may overwrite or free while the interpreter still reads them. */
  Session->ModelBytes = malloc(ModelLength);
  if (Session->ModelBytes == NULL) {
    free(Session);
    return WS_TF_BUSY;
  }
  memcpy(Session->ModelBytes, Model, ModelLength);
  /* The flatbuffer verifier of TfLiteModelCreate lets through models that
   * crash TfLiteInterpreterCreate (tflite_model_check.h). */
  TfLiteModel *Parsed = ws_tflite_model_well_formed(Session->ModelBytes, ModelLength)
                            ? Lib->Api.ModelCreate(Session->ModelBytes, ModelLength)
                            : NULL;
  if (Parsed == NULL) {
    destroy_session(Lib, Session);
    return WS_TF_INVALID_ARGUMENT;
  }
  TfLiteInterpreterOptions *Options = Lib->Api.OptionsCreate();
  if (Options == NULL) {
    Lib->Api.ModelDelete(Parsed);
    destroy_session(Lib, Session);
    return WS_TF_BUSY;
  }
  Lib->Api.OptionsSetNumThreads(Options, (int32_t)Env->Threads);
  /* TFLite versions that apply XNNPACK by default say so on stderr ("INFO:
   * Created TensorFlow Lite XNNPACK delegate for CPU."): not below `info`. */
  tflite_log_filter Filter;
  tflite_log_filter_begin(&Filter, (int32_t)ws_current_log_level());
  Session->Interpreter = Lib->Api.InterpreterCreate(Parsed, Options);
  const bool Allocated = Session->Interpreter != NULL && Lib->Api.AllocateTensors(Session->Interpreter) == kTfLiteOk;
  tflite_log_filter_end(&Filter);
  Lib->Api.OptionsDelete(Options);
  /* The interpreter keeps its own reference to the model object. */
  Lib->Api.ModelDelete(Parsed);
  if (!Allocated) {
    destroy_session(Lib, Session);
    return WS_TF_BUSY;
  }
  if (!ws_id_table_add(&Env->Sessions, Session, IdOut)) {
    destroy_session(Lib, Session);
    return WS_TF_BUSY;
  }
  return WS_TF_SUCCESS;
}

void ws_tflite_session_delete(ws_tflite_env *Env, uint32_t Id) {
  ws_tflite_session *Session = ws_id_table_remove(&Env->Sessions, Id);
  if (Session != NULL) destroy_session(Env->Library, Session);
}

static void destroy_item(void *Library, void *Session) { destroy_session(Library, Session); }

void ws_tflite_env_delete(void *Data) {
  ws_tflite_env *Env = Data;
  /* Sessions exist only if the library was loaded. */
  if (Env->Library != NULL) ws_id_table_clear(&Env->Sessions, destroy_item, (void *)Env->Library);
  free(Env->LibraryPath);
  free(Env);
}

ws_tflite_session *ws_tflite_session_get(ws_tflite_env *Env, uint32_t Id) {
  return ws_id_table_get(&Env->Sessions, Id);
}

static bool name_is(const ws_tflite *Lib, const TfLiteTensor *Tensor, const uint8_t *Name, uint32_t Length) {
  const char *TensorName = Lib->TensorName(Tensor);
  return TensorName != NULL && strlen(TensorName) == Length && memcmp(TensorName, Name, Length) == 0;
}

int32_t ws_tflite_find_input(const ws_tflite *Lib, const ws_tflite_session *Session, const uint8_t *Name, uint32_t Length) {
  const int32_t Count = Lib->Api.InputCount(Session->Interpreter);
  for (int32_t I = 0; I < Count; ++I)
    if (name_is(Lib, Lib->Api.InputTensor(Session->Interpreter, I), Name, Length)) return I;
  return -1;
}

int32_t ws_tflite_find_output(const ws_tflite *Lib, const ws_tflite_session *Session, const uint8_t *Name, uint32_t Length) {
  const int32_t Count = Lib->Api.OutputCount(Session->Interpreter);
  for (int32_t I = 0; I < Count; ++I)
    if (name_is(Lib, Lib->Api.OutputTensor(Session->Interpreter, I), Name, Length)) return I;
  return -1;
}

uint32_t ws_tflite_set_input(const ws_tflite *Lib, ws_tflite_session *Session, const uint8_t *Name, uint32_t NameLength,
                             const uint8_t *Data, uint32_t DataLength) {
  const int32_t Index = ws_tflite_find_input(Lib, Session, Name, NameLength);
  if (Index < 0) return WS_TF_INVALID_ARGUMENT;
  TfLiteTensor *Tensor = Lib->Api.InputTensor(Session->Interpreter, Index);
  if (Lib->Api.TensorByteSize(Tensor) != DataLength) return WS_TF_INVALID_ARGUMENT;
  void *Target = Lib->Api.TensorData(Tensor);
  if (Target == NULL && DataLength > 0) return WS_TF_BUSY;
  if (DataLength > 0) memcpy(Target, Data, DataLength);
  return WS_TF_SUCCESS;
}

uint32_t ws_tflite_run(const ws_tflite *Lib, ws_tflite_session *Session) {
  const bool Ok = Lib->Api.Invoke(Session->Interpreter) == kTfLiteOk;
  Session->Ran = Ok;
  return Ok ? WS_TF_SUCCESS : WS_TF_BUSY;
}

const TfLiteTensor *ws_tflite_output(const ws_tflite *Lib, const ws_tflite_session *Session, uint32_t Index) {
  const int32_t Count = Lib->Api.OutputCount(Session->Interpreter);
  if (Count <= 0 || Index >= (uint32_t)Count) return NULL;
  return Lib->Api.OutputTensor(Session->Interpreter, (int32_t)Index);
}
