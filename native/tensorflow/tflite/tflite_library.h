/*
 * The TensorFlow-Lite C library of the wasmedge_tensorflowlite plug-in,
 * loaded once per process on first use through the wasi-nn plug-in's
 * run-time binding (native/wasi-nn/backends/tflite/tflite_api.c, compiled
 * into this plug-in too).
 */
#ifndef WS_TFLITE_LIBRARY_H
#define WS_TFLITE_LIBRARY_H

#include "tflite_api.h"

/* The wasi-nn binding plus the one function it does not resolve. */
typedef struct ws_tflite {
  tflite_api Api;
  const char *(*TensorName)(const TfLiteTensor *Tensor);
} ws_tflite;

/* The loaded library, or NULL when it cannot be loaded (a message naming
 * what was tried and what to install is printed once per process).
 * ConfiguredPath is the `tflite-library` option (NULL or "" when unset). */
const ws_tflite *ws_tflite_library(const char *ConfiguredPath);

#endif /* WS_TFLITE_LIBRARY_H */
