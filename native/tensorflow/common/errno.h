/*
 * The ErrNo values of WasmEdge's wasmedge_tensorflow and
 * wasmedge_tensorflowlite plug-ins (0.13+), shared by both (spec §6.1).
 * Every failure of a current-ABI function is one of these; nothing traps.
 */
#ifndef WS_TF_ERRNO_H
#define WS_TF_ERRNO_H

enum ws_tf_errno {
  WS_TF_SUCCESS = 0,
  WS_TF_INVALID_ARGUMENT = 1, /* bad session/tensor id, unknown name, bad model, size mismatch;
                                 also a missing backend library (WasmEdge's mock modules return 1) */
  WS_TF_INVALID_ENCODING = 2, /* never returned (kept for the numbering) */
  WS_TF_MISSING_MEMORY = 3,   /* no memory 0, or a guest range out of bounds */
  WS_TF_BUSY = 4,             /* run failed; interpreter/tensor allocation failed */
  WS_TF_RUNTIME_ERROR = 5     /* never returned */
};

#endif /* WS_TF_ERRNO_H */
