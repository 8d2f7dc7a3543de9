#include "tf_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;
static ws_tf_api Api;
static enum { NOT_TRIED, LOADED, MISSING } State = NOT_TRIED;

#define RESOLVE(Field, Symbol)                                                                 \
  do {                                                                                         \
    *(void **)(&Api.Field) = dlsym(Library, Symbol);                                           \
    if (Api.Field == NULL) {                                                                   \
      snprintf(Reason, ReasonLen, "no symbol %s (not a TensorFlow 2.x C library)", Symbol);    \
      return false;                                                                            \
    }                                                                                          \
  } while (0)

static bool resolve_all(void *Library, char *Reason, size_t ReasonLen) {
  RESOLVE(Version, "TF_Version");
  RESOLVE(NewStatus, "TF_NewStatus");
  RESOLVE(DeleteStatus, "TF_DeleteStatus");
  RESOLVE(GetCode, "TF_GetCode");
  RESOLVE(Message, "TF_Message");
  RESOLVE(NewGraph, "TF_NewGraph");
  RESOLVE(DeleteGraph, "TF_DeleteGraph");
  RESOLVE(NewBufferFromString, "TF_NewBufferFromString");
  RESOLVE(DeleteBuffer, "TF_DeleteBuffer");
  RESOLVE(NewImportGraphDefOptions, "TF_NewImportGraphDefOptions");
  RESOLVE(DeleteImportGraphDefOptions, "TF_DeleteImportGraphDefOptions");
  RESOLVE(GraphImportGraphDef, "TF_GraphImportGraphDef");
  RESOLVE(GraphOperationByName, "TF_GraphOperationByName");
  RESOLVE(OperationNumOutputs, "TF_OperationNumOutputs");
  RESOLVE(NewSessionOptions, "TF_NewSessionOptions");
  RESOLVE(DeleteSessionOptions, "TF_DeleteSessionOptions");
  RESOLVE(NewSession, "TF_NewSession");
  RESOLVE(LoadSessionFromSavedModel, "TF_LoadSessionFromSavedModel");
  RESOLVE(CloseSession, "TF_CloseSession");
  RESOLVE(DeleteSession, "TF_DeleteSession");
  RESOLVE(SessionRun, "TF_SessionRun");
  RESOLVE(AllocateTensor, "TF_AllocateTensor");
  RESOLVE(DeleteTensor, "TF_DeleteTensor");
  RESOLVE(TensorData, "TF_TensorData");
  RESOLVE(TensorByteSize, "TF_TensorByteSize");
  return true;
}

/* Tries one file name (absolute, or a bare name for the loader's search path). */
static bool try_open(const char *Origin, const char *Name, char *Tried, size_t TriedLen) {
  char Reason[512];
  void *Library = dlopen(Name, RTLD_NOW | RTLD_LOCAL);
  if (Library == NULL) {
    const char *Error = dlerror();
    snprintf(Reason, sizeof(Reason), "%s", Error != NULL ? Error : "cannot be loaded");
  } else if (resolve_all(Library, Reason, sizeof(Reason))) {
    Api.Library = Library;
    return true;
  } else {
    dlclose(Library);
  }
  const size_t Used = strlen(Tried);
  if (Used < TriedLen) snprintf(Tried + Used, TriedLen - Used, "\n  - %s %s: %s", Origin, Name, Reason);
  return false;
}

static bool load(const char *ConfiguredPath) {
  char Tried[4096] = "";
  const char *FromEnv = getenv("WS_LIBTENSORFLOW");
  if (FromEnv != NULL && FromEnv[0] != '\0' && try_open("WS_LIBTENSORFLOW", FromEnv, Tried, sizeof(Tried))) return true;
  if (ConfiguredPath != NULL && ConfiguredPath[0] != '\0' &&
      try_open("--tensorflow-library", ConfiguredPath, Tried, sizeof(Tried)))
    return true;
  if (try_open("loader search path", "libtensorflow.so.2", Tried, sizeof(Tried))) return true;
  if (try_open("loader search path", "libtensorflow_cc.so.2", Tried, sizeof(Tried))) return true;
  fprintf(stderr,
          "[ws:tensorflow] The TensorFlow C library is not installed; every wasmedge_tensorflow function "
          "returns 1 (the error of WasmEdge's stand-in module for a missing plug-in). Tried:%s\n"
          "  Install TensorFlow's C API 2.x (libtensorflow.so.2 and libtensorflow_framework.so.2, "
          "e.g. into /usr/local/lib, then run ldconfig), or set WS_LIBTENSORFLOW=/absolute/path/libtensorflow.so.2.\n",
          Tried);
  return false;
}

const ws_tf_api *ws_tf_library(const char *ConfiguredPath) {
  pthread_mutex_lock(&Lock);
  if (State == NOT_TRIED) State = load(ConfiguredPath) ? LOADED : MISSING;
  const ws_tf_api *Result = State == LOADED ? &Api : NULL;
  pthread_mutex_unlock(&Lock);
  return Result;
}
