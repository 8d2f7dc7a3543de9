/* Run-time binding of the TensorFlow-Lite C library (see tflite_api.h). */
#include "tflite_api.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#define RESOLVE(Field, Symbol)                                                                 \
  do {                                                                                         \
    *(void **)(&Api->Field) = dlsym(Library, Symbol);                                          \
    if (Api->Field == NULL) {                                                                  \
      snprintf(Err, ErrLen, "%s has no symbol %s (is it a TensorFlow-Lite C library?)", Path,  \
               Symbol);                                                                        \
      dlclose(Library);                                                                        \
      return -1;                                                                               \
    }                                                                                          \
  } while (0)

int tflite_api_open(tflite_api *Api, const char *Path, char *Err, size_t ErrLen) {
  memset(Api, 0, sizeof(*Api));
  /* RTLD_LOCAL: TFLite's symbols stay private to this backend. */
  void *Library = dlopen(Path, RTLD_NOW | RTLD_LOCAL);
  if (Library == NULL) {
    const char *Reason = dlerror();
    snprintf(Err, ErrLen, "%s", Reason != NULL ? Reason : Path);
    return -1;
  }
  RESOLVE(Version, "TfLiteVersion");
  RESOLVE(ModelCreate, "TfLiteModelCreate");
  RESOLVE(ModelDelete, "TfLiteModelDelete");
  RESOLVE(OptionsCreate, "TfLiteInterpreterOptionsCreate");
  RESOLVE(OptionsDelete, "TfLiteInterpreterOptionsDelete");
  RESOLVE(OptionsSetNumThreads, "TfLiteInterpreterOptionsSetNumThreads");
  RESOLVE(InterpreterCreate, "TfLiteInterpreterCreate");
  RESOLVE(InterpreterDelete, "TfLiteInterpreterDelete");
  RESOLVE(InputCount, "TfLiteInterpreterGetInputTensorCount");
  RESOLVE(InputTensor, "TfLiteInterpreterGetInputTensor");
  RESOLVE(OutputCount, "TfLiteInterpreterGetOutputTensorCount");
  RESOLVE(OutputTensor, "TfLiteInterpreterGetOutputTensor");
  RESOLVE(AllocateTensors, "TfLiteInterpreterAllocateTensors");
  RESOLVE(Invoke, "TfLiteInterpreterInvoke");
  RESOLVE(TensorType, "TfLiteTensorType");
  RESOLVE(TensorNumDims, "TfLiteTensorNumDims");
  RESOLVE(TensorDim, "TfLiteTensorDim");
  RESOLVE(TensorByteSize, "TfLiteTensorByteSize");
  RESOLVE(TensorData, "TfLiteTensorData");
  *(void **)(&Api->OptionsAddDelegate) = dlsym(Library, "TfLiteInterpreterOptionsAddDelegate");
  *(void **)(&Api->XnnpackCreate) = dlsym(Library, "TfLiteXNNPackDelegateCreate");
  *(void **)(&Api->XnnpackDelete) = dlsym(Library, "TfLiteXNNPackDelegateDelete");
  Api->Library = Library;
  return 0;
}
