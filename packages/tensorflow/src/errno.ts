/** ErrNo of both plug-ins' current-ABI functions (WasmEdge 0.13+). */
export const TensorflowErrno = {
  Success: 0,
  /** Bad session or tensor id, unknown name, bad model, size mismatch, output read before a run, missing backend library. */
  InvalidArgument: 1,
  /** Never returned. */
  InvalidEncoding: 2,
  /** A guest pointer or range outside memory, or no memory. */
  MissingMemory: 3,
  /** Run failed, or an interpreter/tensor could not be allocated. */
  Busy: 4,
  /** Never returned. */
  RuntimeError: 5,
} as const;
export type TensorflowErrnoValue = (typeof TensorflowErrno)[keyof typeof TensorflowErrno];

/** TensorFlow's TF_DataType values (tensorflow/c/tf_datatype.h) accepted by append_input. */
export const TfDataType = {
  FLOAT: 1,
  DOUBLE: 2,
  INT32: 3,
  UINT8: 4,
  INT16: 5,
  INT8: 6,
  COMPLEX64: 8,
  INT64: 9,
  BOOL: 10,
  QINT8: 11,
  QUINT8: 12,
  QINT32: 13,
  BFLOAT16: 14,
  QINT16: 15,
  QUINT16: 16,
  UINT16: 17,
  COMPLEX128: 18,
  HALF: 19,
  UINT32: 22,
  UINT64: 23,
} as const;
