/*
 * wasmedge_tensorflow_errno.h: the errno every current-ABI function of
 * modules "wasmedge_tensorflowlite" and "wasmedge_tensorflow" returns
 * (@ws/tensorflow). Included by <wasmedge_tensorflowlite.h> and
 * <wasmedge_tensorflow.h>.
 */
#ifndef WASMEDGE_TENSORFLOW_ERRNO_H
#define WASMEDGE_TENSORFLOW_ERRNO_H

enum {
  WASMEDGE_TF_SUCCESS = 0,
  /* Unknown session, name or tensor id; bad model; size mismatch; output
   * read before a successful run; backend library not installed. */
  WASMEDGE_TF_INVALID_ARGUMENT = 1,
  WASMEDGE_TF_INVALID_ENCODING = 2, /* never returned */
  WASMEDGE_TF_MISSING_MEMORY = 3,   /* a guest pointer or range outside memory */
  WASMEDGE_TF_BUSY = 4,             /* run failed, or an interpreter or tensor could not be allocated */
  WASMEDGE_TF_RUNTIME_ERROR = 5     /* never returned */
};

#endif /* WASMEDGE_TENSORFLOW_ERRNO_H */
