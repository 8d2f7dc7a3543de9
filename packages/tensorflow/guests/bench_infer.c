/*
 * Benchmark guest: N inferences of a TFLite model through
 * wasmedge_tensorflowlite (current ABI), each timed inside the guest:
 * append_input + run_session + get_tensor_data of every named output.
 *   bench_infer MODEL N INPUT_NAME INPUT_BYTES OUTPUT_NAME...
 * Prints one line per inference: "ns=<nanoseconds>".
 * The input is a fixed pattern (the same as bench/tensorflow-native.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <wasmedge_tensorflowlite.h>

#include "ws_read_file.h"

static long long now_ns(void) {
  struct timespec T;
  clock_gettime(CLOCK_MONOTONIC, &T);
  return (long long)T.tv_sec * 1000000000LL + T.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 6) return 2;
  uint32_t ModelLength;
  uint8_t *Model = read_file(argv[1], &ModelLength);
  const int N = atoi(argv[2]);
  const char *InputName = argv[3];
  const uint32_t InputBytes = (uint32_t)atoi(argv[4]);
  const int Outputs = argc - 5;
  if (Model == NULL) return 3;
  float *Input = malloc(InputBytes);
  for (uint32_t I = 0; I < InputBytes / 4; ++I) Input[I] = (float)((I * 37) % 255) / 127.5f - 1.0f;
  uint32_t Session, Tensor[16], Length[16], Written;
  void *Buffer[16];
  if (tfl_create_session(Model, ModelLength, &Session) != 0) return 4;
  for (int O = 0; O < Outputs && O < 16; ++O) {
    const char *Name = argv[5 + O];
    if (tfl_get_output_tensor(Session, Name, (uint32_t)strlen(Name), &Tensor[O]) != 0) return 5;
    if (tfl_get_tensor_len(Session, Tensor[O], &Length[O]) != 0) return 6;
    Buffer[O] = malloc(Length[O]);
  }
  for (int K = 0; K < N; ++K) {
    long long Start = now_ns();
    if (tfl_append_input(Session, InputName, (uint32_t)strlen(InputName), Input, InputBytes) != 0) return 7;
    if (tfl_run_session(Session) != 0) return 8;
    for (int O = 0; O < Outputs; ++O)
      if (tfl_get_tensor_data(Session, Tensor[O], Buffer[O], Length[O], &Written) != 0) return 9;
    printf("ns=%lld\n", now_ns() - Start);
  }
  printf("first=%g\n", ((float *)Buffer[Outputs - 1])[0]);
  return 0;
}
