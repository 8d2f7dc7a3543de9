/*
 * The part of the TensorFlow-Lite C API (tensorflow/lite/c/c_api.h, 2.x) that
 * the backend uses, resolved at run time with dlsym so that nothing links
 * TFLite at build time. Types are opaque; enum values are TFLite's.
 */
#ifndef WS_TFLITE_API_H
#define WS_TFLITE_API_H

#include <stddef.h>
#include <stdint.h>

typedef struct TfLiteModel TfLiteModel;
typedef struct TfLiteInterpreterOptions TfLiteInterpreterOptions;
typedef struct TfLiteInterpreter TfLiteInterpreter;
typedef struct TfLiteTensor TfLiteTensor;

typedef enum { kTfLiteOk = 0 } TfLiteStatusOk;
typedef int TfLiteStatus;

/* TfLiteType values (tensorflow/lite/c/c_api_types.h). */
enum {
  kTfLiteFloat32 = 1,
  kTfLiteInt32 = 2,
  kTfLiteUInt8 = 3,
  kTfLiteFloat16 = 10
};

/* XNNPACK delegate options. TFLite 2.9 declares {num_threads, flags}; later
 * versions append fields. The backend zero-fills a larger struct (zero is the
 * default of every field) and sets num_threads, so any layout reads sane
 * values. TfLiteXNNPackDelegateOptionsDefault is not called: it returns the
 * struct by value, and how depends on the struct's size in that version. */
typedef struct TfLiteXNNPackDelegateOptions {
  int32_t num_threads;
  uint32_t flags;
  void *weights_cache;
  uint8_t reserved[64];
} TfLiteXNNPackDelegateOptions;
typedef struct TfLiteDelegate TfLiteDelegate;

typedef struct tflite_api {
  void *Library;
  const char *(*Version)(void);
  TfLiteModel *(*ModelCreate)(const void *Data, size_t Size);
  void (*ModelDelete)(TfLiteModel *Model);
  TfLiteInterpreterOptions *(*OptionsCreate)(void);
  void (*OptionsDelete)(TfLiteInterpreterOptions *Options);
  void (*OptionsSetNumThreads)(TfLiteInterpreterOptions *Options, int32_t Threads);
  TfLiteInterpreter *(*InterpreterCreate)(const TfLiteModel *Model, const TfLiteInterpreterOptions *Options);
  void (*InterpreterDelete)(TfLiteInterpreter *Interpreter);
  int32_t (*InputCount)(const TfLiteInterpreter *Interpreter);
  TfLiteTensor *(*InputTensor)(const TfLiteInterpreter *Interpreter, int32_t Index);
  int32_t (*OutputCount)(const TfLiteInterpreter *Interpreter);
  const TfLiteTensor *(*OutputTensor)(const TfLiteInterpreter *Interpreter, int32_t Index);
  TfLiteStatus (*AllocateTensors)(TfLiteInterpreter *Interpreter);
  TfLiteStatus (*Invoke)(TfLiteInterpreter *Interpreter);
  int (*TensorType)(const TfLiteTensor *Tensor);
  int32_t (*TensorNumDims)(const TfLiteTensor *Tensor);
  int32_t (*TensorDim)(const TfLiteTensor *Tensor, int32_t Index);
  size_t (*TensorByteSize)(const TfLiteTensor *Tensor);
  void *(*TensorData)(const TfLiteTensor *Tensor);
  /* Optional (NULL when the library lacks them): the XNNPACK CPU delegate. */
  void (*OptionsAddDelegate)(TfLiteInterpreterOptions *Options, TfLiteDelegate *Delegate);
  TfLiteDelegate *(*XnnpackCreate)(const TfLiteXNNPackDelegateOptions *Options);
  void (*XnnpackDelete)(TfLiteDelegate *Delegate);
} tflite_api;

/* Loads the library at Path (absolute) and resolves every function. Returns 0
 * on success, otherwise writes the reason into Err. */
int tflite_api_open(tflite_api *Api, const char *Path, char *Err, size_t ErrLen);

#endif /* WS_TFLITE_API_H */
