/*
 * A guest written for WasmEdge 0.12 (legacy wasmedge_tensorflowlite_*
 * imports, as the wasmedge_tensorflow_interface 0.2 crate declares them).
 *   tflite_legacy ADD_F32_MODEL TWO_OUTPUTS_MODEL CORRUPT_MODEL
 * Prints each output and the failure values of bad calls.
 */
#include <stdio.h>
#include <string.h>

#include <wasmedge_tensorflowlite_legacy.h>

#include "ws_read_file.h"

static void print_output(uint64_t Session, const char *Name) {
  uint64_t Tensor = wasmedge_tensorflowlite_get_output_tensor(Session, Name, (uint32_t)strlen(Name));
  uint32_t Length = wasmedge_tensorflowlite_get_tensor_len(Tensor);
  float Values[16] = {0};
  if (Length > sizeof(Values)) Length = 0;
  if (Length > 0) wasmedge_tensorflowlite_get_tensor_data(Tensor, Values);
  printf("%s (%u bytes):", Name, Length);
  for (uint32_t I = 0; I < Length / 4; ++I) printf(" %g", Values[I]);
  printf("\n");
}

int main(int argc, char **argv) {
  if (argc != 4) return 2;
  uint32_t AddLength, TwoLength, BadLength;
  uint8_t *Add = read_file(argv[1], &AddLength), *Two = read_file(argv[2], &TwoLength), *Bad = read_file(argv[3], &BadLength);
  if (Add == NULL || Two == NULL || Bad == NULL) return 3;

  uint64_t S1 = wasmedge_tensorflowlite_create_session(Add, AddLength);
  const float X[4] = {10, 20, 30, 40};
  wasmedge_tensorflowlite_append_input(S1, "x", 1, X, sizeof(X));
  printf("run: %u\n", wasmedge_tensorflowlite_run_session(S1));
  print_output(S1, "y");

  uint64_t S2 = wasmedge_tensorflowlite_create_session(Two, TwoLength);
  const float X3[3] = {1, 2, 3};
  wasmedge_tensorflowlite_append_input(S2, "x", 1, X3, sizeof(X3));
  printf("run: %u\n", wasmedge_tensorflowlite_run_session(S2));
  print_output(S2, "sum");
  print_output(S2, "product");

  printf("corrupt model session: %llu\n", (unsigned long long)wasmedge_tensorflowlite_create_session(Bad, BadLength));
  printf("unknown output tensor: %llu\n", (unsigned long long)wasmedge_tensorflowlite_get_output_tensor(S1, "nope", 4));
  printf("len of tensor 0: %u\n", wasmedge_tensorflowlite_get_tensor_len(0));
  printf("run unknown session: %u\n", wasmedge_tensorflowlite_run_session(12345));
  const float Short[2] = {1, 2};
  wasmedge_tensorflowlite_append_input(S1, "x", 1, Short, sizeof(Short)); /* wrong size: ignored */
  wasmedge_tensorflowlite_append_input(S1, "x", 1, (const void *)0xfffffff0u, 16); /* out of range: ignored */
  printf("run after bad inputs: %u\n", wasmedge_tensorflowlite_run_session(S1));
  print_output(S1, "y");
  wasmedge_tensorflowlite_delete_session(S1);
  printf("run deleted session: %u\n", wasmedge_tensorflowlite_run_session(S1));
  wasmedge_tensorflowlite_delete_session(S2);
  return 0;
}
