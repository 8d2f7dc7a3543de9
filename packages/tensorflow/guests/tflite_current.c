/*
 * A guest written for WasmEdge 0.13+ (current wasmedge_tensorflowlite ABI).
 *   tflite_current ADD_F32_MODEL TWO_OUTPUTS_MODEL CORRUPT_MODEL
 * Same computations as tflite_legacy, printed the same way, plus errnos.
 */
#include <stdio.h>
#include <string.h>

#include <wasmedge_tensorflowlite.h>

#include "ws_read_file.h"

static void print_output(uint32_t Session, const char *Name) {
  uint32_t Tensor = 0, Length = 0, Written = 0;
  float Values[16] = {0};
  int32_t E = tfl_get_output_tensor(Session, Name, (uint32_t)strlen(Name), &Tensor);
  if (E == 0) E = tfl_get_tensor_len(Session, Tensor, &Length);
  if (E == 0 && Length <= sizeof(Values)) E = tfl_get_tensor_data(Session, Tensor, Values, Length, &Written);
  printf("%s (%u bytes):", Name, E == 0 ? Written : 0);
  for (uint32_t I = 0; E == 0 && I < Written / 4; ++I) printf(" %g", Values[I]);
  printf("\n");
}

int main(int argc, char **argv) {
  if (argc != 4) return 2;
  uint32_t AddLength, TwoLength, BadLength;
  uint8_t *Add = read_file(argv[1], &AddLength), *Two = read_file(argv[2], &TwoLength), *Bad = read_file(argv[3], &BadLength);
  if (Add == NULL || Two == NULL || Bad == NULL) return 3;

  uint32_t S1 = 99, S2 = 99, S3 = 99;
  printf("create: %d id %u\n", tfl_create_session(Add, AddLength, &S1), S1);
  const float X[4] = {10, 20, 30, 40};
  printf("append_input: %d\n", tfl_append_input(S1, "x", 1, X, sizeof(X)));
  printf("run: %d\n", tfl_run_session(S1));
  print_output(S1, "y");

  printf("create: %d id %u\n", tfl_create_session(Two, TwoLength, &S2), S2);
  const float X3[3] = {1, 2, 3};
  printf("append_input: %d\n", tfl_append_input(S2, "x", 1, X3, sizeof(X3)));
  printf("run: %d\n", tfl_run_session(S2));
  print_output(S2, "sum");
  print_output(S2, "product");

  uint32_t Tensor;
  printf("corrupt model: %d\n", tfl_create_session(Bad, BadLength, &S3));
  printf("unknown output: %d\n", tfl_get_output_tensor(S1, "nope", 4, &Tensor));
  printf("run unknown session: %d\n", tfl_run_session(12345));
  const float Short[2] = {1, 2};
  printf("short input: %d\n", tfl_append_input(S1, "x", 1, Short, sizeof(Short)));
  printf("input out of range: %d\n", tfl_append_input(S1, "x", 1, (const void *)0xfffffff0u, 16));
  printf("id pointer out of range: %d\n", tfl_create_session(Add, AddLength, (uint32_t *)0xfffffffcu));
  printf("delete: %d\n", tfl_delete_session(S1));
  printf("run deleted session: %d\n", tfl_run_session(S1));
  tfl_delete_session(S2);
  return 0;
}
