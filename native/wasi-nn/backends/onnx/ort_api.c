/* Resolves the used OrtApi slots (see ort_api.h). */
#include "ort_api.h"
#include "../common/library_search.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Slot numbers in struct OrtApi (onnxruntime_c_api.h, in declaration order). */
enum {
  SLOT_GetErrorMessage = 2, SLOT_CreateEnv = 3, SLOT_CreateSessionFromArray = 8, SLOT_Run = 9,
  SLOT_CreateSessionOptions = 10, SLOT_SetSessionLogSeverityLevel = 22,
  SLOT_SetSessionGraphOptimizationLevel = 23, SLOT_SetIntraOpNumThreads = 24,
  SLOT_SetInterOpNumThreads = 25, SLOT_SessionGetInputCount = 30, SLOT_SessionGetOutputCount = 31,
  SLOT_SessionGetInputTypeInfo = 33, SLOT_SessionGetOutputTypeInfo = 34,
  SLOT_SessionGetInputName = 36, SLOT_SessionGetOutputName = 37,
  SLOT_CreateTensorWithDataAsOrtValue = 49, SLOT_IsTensor = 50, SLOT_GetTensorMutableData = 51,
  SLOT_CastTypeInfoToTensorInfo = 55, SLOT_GetOnnxTypeFromTypeInfo = 56,
  SLOT_GetTensorElementType = 60, SLOT_GetDimensionsCount = 61, SLOT_GetDimensions = 62,
  SLOT_GetTensorShapeElementCount = 64, SLOT_GetTensorTypeAndShape = 65,
  SLOT_CreateCpuMemoryInfo = 69, SLOT_AllocatorFree = 76, SLOT_GetAllocatorWithDefaultOptions = 78,
  SLOT_ReleaseEnv = 92, SLOT_ReleaseStatus = 93, SLOT_ReleaseMemoryInfo = 94, SLOT_ReleaseSession = 95,
  SLOT_ReleaseValue = 96, SLOT_ReleaseTypeInfo = 98, SLOT_ReleaseTensorTypeAndShapeInfo = 99,
  SLOT_ReleaseSessionOptions = 100
};

int ort_api_open(ort_api *Api, const char *Path, char *Reason, size_t ReasonLen) {
  void *Library = ws_nn_dlopen(Path, Reason, ReasonLen);
  if (Library == NULL) return -1;
  const OrtApiBase *(*GetApiBase)(void);
  if (ws_nn_dlsym(Library, "OrtGetApiBase", (void **)&GetApiBase, Reason, ReasonLen) != 0) {
    dlclose(Library);
    return -1;
  }
  const OrtApiBase *Base = GetApiBase();
  void *const *Table = NULL;
  uint32_t Version = ORT_API_WANTED_VERSION;
  for (; Base != NULL && Table == NULL && Version >= ORT_API_MIN_VERSION; --Version)
    Table = Base->GetApi(Version);
  if (Table == NULL) {
    snprintf(Reason, ReasonLen, "ONNX Runtime %s offers no C API version between %d and %d",
             Base != NULL ? Base->GetVersionString() : "?", ORT_API_MIN_VERSION, ORT_API_WANTED_VERSION);
    dlclose(Library);
    return -1;
  }
  memset(Api, 0, sizeof(*Api));
  Api->Version = Base->GetVersionString();
  Api->ApiVersion = Version + 1;
#define SLOT(Name) memcpy(&Api->Name, &Table[SLOT_##Name], sizeof(void *))
  SLOT(GetErrorMessage); SLOT(CreateEnv); SLOT(CreateSessionFromArray); SLOT(Run);
  SLOT(CreateSessionOptions); SLOT(SetSessionLogSeverityLevel); SLOT(SetSessionGraphOptimizationLevel);
  SLOT(SetIntraOpNumThreads); SLOT(SetInterOpNumThreads); SLOT(SessionGetInputCount);
  SLOT(SessionGetOutputCount); SLOT(SessionGetInputTypeInfo); SLOT(SessionGetOutputTypeInfo);
  SLOT(SessionGetInputName); SLOT(SessionGetOutputName); SLOT(CreateTensorWithDataAsOrtValue);
  SLOT(IsTensor); SLOT(GetTensorMutableData); SLOT(CastTypeInfoToTensorInfo);
  SLOT(GetOnnxTypeFromTypeInfo); SLOT(GetTensorElementType); SLOT(GetDimensionsCount);
  SLOT(GetDimensions); SLOT(GetTensorShapeElementCount); SLOT(GetTensorTypeAndShape);
  SLOT(CreateCpuMemoryInfo); SLOT(AllocatorFree); SLOT(GetAllocatorWithDefaultOptions);
  SLOT(ReleaseEnv); SLOT(ReleaseStatus); SLOT(ReleaseMemoryInfo); SLOT(ReleaseSession);
  SLOT(ReleaseValue); SLOT(ReleaseTypeInfo); SLOT(ReleaseTensorTypeAndShapeInfo);
  SLOT(ReleaseSessionOptions);
#undef SLOT
  return 0;
}
