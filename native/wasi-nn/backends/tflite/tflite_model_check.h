/* Structural checks of a TFLite model before it reaches TensorFlow-Lite.
 *
 * TfLiteModelCreate runs the flatbuffer verifier, which accepts a model whose
 * operator has no `inputs` or `outputs` vector (the schema makes neither
 * required); TensorFlow-Lite 2.9's TfLiteInterpreterCreate then dereferences
 * the missing vector and the process dies with SIGSEGV (found by
 * native/fuzz, docs/fuzzing.md). Shared by the wasi_nn TFLite backend and the
 * wasmedge_tensorflowlite plug-in. */
#ifndef WS_TFLITE_MODEL_CHECK_H
#define WS_TFLITE_MODEL_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The declared sizes of all tensors of a model together (shape × element
 * size, dynamic dimensions counted as 1) may not exceed 2 GiB: more than a
 * wasm32 guest can hand over or read back, and a mutated shape
 * ([134217729, 4] f32, found by native/fuzz) otherwise makes TFLite allocate
 * gigabytes while creating the interpreter. */
#define WS_TFLITE_MAX_TENSOR_BYTES ((uint64_t)1 << 31)

/* True when the model has operator codes and at least one subgraph, and every
 * subgraph has tensors, inputs, outputs and operators, every operator an
 * opcode index below the operator code count and inputs and outputs, every
 * tensor index of those vectors in range (or -1), and the tensors' declared
 * sizes within WS_TFLITE_MAX_TENSOR_BYTES. All reads are bounds-checked. */
bool ws_tflite_model_well_formed(const void *Model, size_t Size);

#endif
