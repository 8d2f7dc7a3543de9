/*
 * Keeps TensorFlow Lite's chatter off stderr below the host's `info` level
 * (issue 14 item 8), e.g. "INFO: Created TensorFlow Lite XNNPACK delegate for
 * CPU.", which TfLiteXNNPackDelegateCreate prints once per process.
 *
 * TFLite 2.9's C API has no minimum-severity setter: its minimal logger
 * writes "<SEVERITY>: <message>\n" to stderr with fprintf. So, around the few
 * calls that may log (interpreter and delegate creation, never Invoke), fd 2
 * is pointed at an in-memory file and, afterwards, restored; then every
 * captured line is written to stderr again unless it is a TFLite line less
 * severe than the level (at the default, warning: its INFO and VERBOSE
 * lines). Nothing else is lost: lines that are not TFLite's (another thread
 * writing fd 2 meanwhile) come out after the call. The trade-offs:
 *  - stderr's stdio lock (flockfile) is held for the call: it serialises the
 *    filters of every library in the process (the wasi_nn TFLite backend and
 *    the wasmedge_tensorflowlite plug-in share no other lock) and makes other
 *    threads' fprintf(stderr) wait instead of landing in the capture; output
 *    another thread writes straight to fd 2 meanwhile is delayed, not lost;
 *  - a TFLite "ONCE" message suppressed here never shows later in the
 *    process, even if the level is raised afterwards.
 * Documented in packages/wasi-nn/DESIGN.md ("Logging").
 */
#ifndef WS_TFLITE_LOG_FILTER_H
#define WS_TFLITE_LOG_FILTER_H

#include <stdint.h>

typedef struct tflite_log_filter {
  int Active;        /* fd 2 is redirected (begin succeeded) */
  int SavedStderr;   /* the real fd 2 */
  int Capture;       /* the in-memory file standing in for it */
  int32_t LogLevel;  /* lines less severe than this are dropped */
} tflite_log_filter;

/* Starts filtering when LogLevel (an enum WasmEdge_LogLevel, 6 = off) hides
 * some TFLite lines (info and above: VERBOSE is debug, INFO info, WARNING
 * warning, ERROR error); otherwise, or when the redirection cannot be set up,
 * does nothing and the call's output goes straight to stderr. Every begin
 * needs its end, on every path. */
void tflite_log_filter_begin(tflite_log_filter *Filter, int32_t LogLevel);

/* Restores fd 2 and writes out what the level lets through. */
void tflite_log_filter_end(tflite_log_filter *Filter);

#endif /* WS_TFLITE_LOG_FILTER_H */
