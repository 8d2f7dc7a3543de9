/*
 * The part of TensorFlow's C API (tensorflow/c/c_api.h, 2.x) that the
 * wasmedge_tensorflow plug-in uses, resolved with dlsym from libtensorflow
 * at run time: the library is not in this project's registries, so nothing
 * links it. Types are opaque; TF_Output's layout and TF_OK are TensorFlow's.
 */
#ifndef WS_TF_API_H
#define WS_TF_API_H

#include <stddef.h>
#include <stdint.h>

typedef struct TF_Status TF_Status;
typedef struct TF_Graph TF_Graph;
typedef struct TF_Buffer TF_Buffer;
typedef struct TF_ImportGraphDefOptions TF_ImportGraphDefOptions;
typedef struct TF_SessionOptions TF_SessionOptions;
typedef struct TF_Session TF_Session;
typedef struct TF_Operation TF_Operation;
typedef struct TF_Tensor TF_Tensor;
typedef struct TF_Output {
  TF_Operation *oper;
  int index;
} TF_Output;
enum { TF_OK = 0 };

typedef struct ws_tf_api {
  void *Library;
  const char *(*Version)(void);
  TF_Status *(*NewStatus)(void);
  void (*DeleteStatus)(TF_Status *);
  int (*GetCode)(const TF_Status *);
  const char *(*Message)(const TF_Status *);
  TF_Graph *(*NewGraph)(void);
  void (*DeleteGraph)(TF_Graph *);
  TF_Buffer *(*NewBufferFromString)(const void *Proto, size_t Length);
  void (*DeleteBuffer)(TF_Buffer *);
  TF_ImportGraphDefOptions *(*NewImportGraphDefOptions)(void);
  void (*DeleteImportGraphDefOptions)(TF_ImportGraphDefOptions *);
  void (*GraphImportGraphDef)(TF_Graph *, const TF_Buffer *, const TF_ImportGraphDefOptions *, TF_Status *);
  TF_Operation *(*GraphOperationByName)(TF_Graph *, const char *);
  int (*OperationNumOutputs)(TF_Operation *);
  TF_SessionOptions *(*NewSessionOptions)(void);
  void (*DeleteSessionOptions)(TF_SessionOptions *);
  TF_Session *(*NewSession)(TF_Graph *, const TF_SessionOptions *, TF_Status *);
  TF_Session *(*LoadSessionFromSavedModel)(const TF_SessionOptions *, const TF_Buffer *RunOptions, const char *ExportDir,
                                           const char *const *Tags, int TagCount, TF_Graph *, TF_Buffer *MetaGraph,
                                           TF_Status *);
  void (*CloseSession)(TF_Session *, TF_Status *);
  void (*DeleteSession)(TF_Session *, TF_Status *);
  void (*SessionRun)(TF_Session *, const TF_Buffer *RunOptions, const TF_Output *Inputs, TF_Tensor *const *InputValues,
                     int InputCount, const TF_Output *Outputs, TF_Tensor **OutputValues, int OutputCount,
                     const TF_Operation *const *Targets, int TargetCount, TF_Buffer *RunMetadata, TF_Status *);
  TF_Tensor *(*AllocateTensor)(int DataType, const int64_t *Dims, int DimCount, size_t Length);
  void (*DeleteTensor)(TF_Tensor *);
  void *(*TensorData)(const TF_Tensor *);
  size_t (*TensorByteSize)(const TF_Tensor *);
} ws_tf_api;

/* The library, loaded once per process on first use: WS_LIBTENSORFLOW, the
 * `tensorflow-library` option (ConfiguredPath), then libtensorflow.so.2 and
 * libtensorflow_cc.so.2 from the loader's search path. NULL when none loads
 * (one message naming what to install is printed, once). */
const ws_tf_api *ws_tf_library(const char *ConfiguredPath);

#endif /* WS_TF_API_H */
