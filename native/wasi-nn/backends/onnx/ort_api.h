/*
 * The part of ONNX Runtime's C API this backend uses. onnxruntime-node ships
 * libonnxruntime.so.1 without headers, so the declarations are written here
 * from the public layout of onnxruntime_c_api.h: OrtGetApiBase() returns
 * {GetApi(version), GetVersionString()}, and GetApi returns the OrtApi table,
 * a struct of function pointers that only ever grows at its end (ORT keeps
 * earlier slots stable across versions). Every slot used here is at most
 * index 101, which has been stable since API version 1.
 */
#ifndef WS_WASI_NN_ORT_API_H
#define WS_WASI_NN_ORT_API_H

#include <stddef.h>
#include <stdint.h>

/* The API version of onnxruntime-node 1.30.0 (ORT_API_VERSION 30). Older
 * runtimes are accepted down to ORT_API_MIN_VERSION: every slot used exists there. */
#define ORT_API_WANTED_VERSION 30
#define ORT_API_MIN_VERSION 13

typedef struct OrtEnv OrtEnv;
typedef struct OrtStatus OrtStatus;
typedef struct OrtMemoryInfo OrtMemoryInfo;
typedef struct OrtSession OrtSession;
typedef struct OrtSessionOptions OrtSessionOptions;
typedef struct OrtValue OrtValue;
typedef struct OrtRunOptions OrtRunOptions;
typedef struct OrtTypeInfo OrtTypeInfo;
typedef struct OrtTensorTypeAndShapeInfo OrtTensorTypeAndShapeInfo;
typedef struct OrtAllocator OrtAllocator;

/* ONNXTensorElementDataType (= TensorProto.DataType). */
enum {
  ORT_ELEMENT_FLOAT = 1, ORT_ELEMENT_UINT8 = 2, ORT_ELEMENT_INT8 = 3, ORT_ELEMENT_UINT16 = 4,
  ORT_ELEMENT_INT16 = 5, ORT_ELEMENT_INT32 = 6, ORT_ELEMENT_INT64 = 7, ORT_ELEMENT_STRING = 8,
  ORT_ELEMENT_BOOL = 9, ORT_ELEMENT_FLOAT16 = 10, ORT_ELEMENT_DOUBLE = 11, ORT_ELEMENT_UINT32 = 12,
  ORT_ELEMENT_UINT64 = 13, ORT_ELEMENT_BFLOAT16 = 16
};
enum { ORT_ONNX_TYPE_TENSOR = 1 };                 /* ONNXType */
enum { ORT_LOGGING_LEVEL_FATAL = 4 };              /* OrtLoggingLevel */
enum { ORT_DEVICE_ALLOCATOR = 0 };                 /* OrtAllocatorType */
enum { ORT_MEM_TYPE_DEFAULT = 0 };                 /* OrtMemType */
enum { ORT_ENABLE_ALL = 99 };                      /* GraphOptimizationLevel */

typedef struct OrtApiBase {
  const void *(*GetApi)(uint32_t Version);
  const char *(*GetVersionString)(void);
} OrtApiBase;

/* The functions used, resolved from their OrtApi slots. */
typedef struct ort_api {
  const char *Version;
  uint32_t ApiVersion;
  const char *(*GetErrorMessage)(const OrtStatus *Status);
  OrtStatus *(*CreateEnv)(int LogLevel, const char *LogId, OrtEnv **Out);
  OrtStatus *(*CreateSessionFromArray)(const OrtEnv *Env, const void *Data, size_t Length,
                                       const OrtSessionOptions *Options, OrtSession **Out);
  OrtStatus *(*Run)(OrtSession *Session, const OrtRunOptions *RunOptions, const char *const *InputNames,
                    const OrtValue *const *Inputs, size_t InputCount, const char *const *OutputNames,
                    size_t OutputCount, OrtValue **Outputs);
  OrtStatus *(*CreateSessionOptions)(OrtSessionOptions **Out);
  OrtStatus *(*SetSessionLogSeverityLevel)(OrtSessionOptions *Options, int Level);
  OrtStatus *(*SetSessionGraphOptimizationLevel)(OrtSessionOptions *Options, int Level);
  OrtStatus *(*SetIntraOpNumThreads)(OrtSessionOptions *Options, int Threads);
  OrtStatus *(*SetInterOpNumThreads)(OrtSessionOptions *Options, int Threads);
  OrtStatus *(*SessionGetInputCount)(const OrtSession *Session, size_t *Out);
  OrtStatus *(*SessionGetOutputCount)(const OrtSession *Session, size_t *Out);
  OrtStatus *(*SessionGetInputTypeInfo)(const OrtSession *Session, size_t Index, OrtTypeInfo **Out);
  OrtStatus *(*SessionGetOutputTypeInfo)(const OrtSession *Session, size_t Index, OrtTypeInfo **Out);
  OrtStatus *(*SessionGetInputName)(const OrtSession *Session, size_t Index, OrtAllocator *Allocator, char **Out);
  OrtStatus *(*SessionGetOutputName)(const OrtSession *Session, size_t Index, OrtAllocator *Allocator, char **Out);
  OrtStatus *(*CreateTensorWithDataAsOrtValue)(const OrtMemoryInfo *Info, void *Data, size_t Length,
                                               const int64_t *Shape, size_t ShapeLength, int Type,
                                               OrtValue **Out);
  OrtStatus *(*IsTensor)(const OrtValue *Value, int *Out);
  OrtStatus *(*GetTensorMutableData)(OrtValue *Value, void **Out);
  OrtStatus *(*CastTypeInfoToTensorInfo)(const OrtTypeInfo *Info, const OrtTensorTypeAndShapeInfo **Out);
  OrtStatus *(*GetOnnxTypeFromTypeInfo)(const OrtTypeInfo *Info, int *Out);
  OrtStatus *(*GetTensorElementType)(const OrtTensorTypeAndShapeInfo *Info, int *Out);
  OrtStatus *(*GetDimensionsCount)(const OrtTensorTypeAndShapeInfo *Info, size_t *Out);
  OrtStatus *(*GetDimensions)(const OrtTensorTypeAndShapeInfo *Info, int64_t *Out, size_t Length);
  OrtStatus *(*GetTensorShapeElementCount)(const OrtTensorTypeAndShapeInfo *Info, size_t *Out);
  OrtStatus *(*GetTensorTypeAndShape)(const OrtValue *Value, OrtTensorTypeAndShapeInfo **Out);
  OrtStatus *(*CreateCpuMemoryInfo)(int Type, int MemType, OrtMemoryInfo **Out);
  OrtStatus *(*AllocatorFree)(OrtAllocator *Allocator, void *Pointer);
  OrtStatus *(*GetAllocatorWithDefaultOptions)(OrtAllocator **Out);
  void (*ReleaseEnv)(OrtEnv *);
  void (*ReleaseStatus)(OrtStatus *);
  void (*ReleaseMemoryInfo)(OrtMemoryInfo *);
  void (*ReleaseSession)(OrtSession *);
  void (*ReleaseValue)(OrtValue *);
  void (*ReleaseTypeInfo)(OrtTypeInfo *);
  void (*ReleaseTensorTypeAndShapeInfo)(OrtTensorTypeAndShapeInfo *);
  void (*ReleaseSessionOptions)(OrtSessionOptions *);
} ort_api;

/* dlopens Path, checks OrtGetApiBase and fills Api. Returns 0, or -1 with a
 * reason. The library stays loaded for the life of the process. */
int ort_api_open(ort_api *Api, const char *Path, char *Reason, size_t ReasonLen);

#endif /* WS_WASI_NN_ORT_API_H */
